import Foundation

/// Everything a finished letter shows: the letterhead, its number and date, the body from the
/// type's template, the applicant's particulars, the signature blocks and the verification link its
/// QR code carries. The PDF is made from this alone.
public struct FinishedLetter: Sendable, Equatable {
    /// The region whose letterhead heads the letter (the village, or the kecamatan for a letter it signs).
    public let letterhead: Region
    public let number: String
    public let typeNameID: String
    public let body: String
    public let applicant: Applicant
    /// The signatures, first to last, each with its title lines ("a.n. Kepala Desa Sukamaju", …).
    public let signatures: [SignatureBlock]
    /// The public verification link (`…/verify/{number}?c={check}`) for the QR code.
    public let verificationURL: String
    /// Where and when it was signed, in words ("Sukamaju, 3 Desember 2026").
    public let placeAndDate: String

    public init(letterhead: Region, number: String, typeNameID: String, body: String, applicant: Applicant,
                signatures: [SignatureBlock], verificationURL: String, placeAndDate: String) {
        self.letterhead = letterhead
        self.number = number
        self.typeNameID = typeNameID
        self.body = body
        self.applicant = applicant
        self.signatures = signatures
        self.verificationURL = verificationURL
        self.placeAndDate = placeAndDate
    }
}

/// One signature block as printed: title lines, the signer's name and NIP.
public struct SignatureBlock: Sendable, Equatable {
    public let titleLines: [String]
    public let name: String
    public let nip: String?

    public init(titleLines: [String], name: String, nip: String?) {
        self.titleLines = titleLines
        self.name = name
        self.nip = nip
    }
}

/// The seam for the PDF: turns a finished letter into the bytes of its A4 PDF. The hub's own PDF
/// writer and QR encoder stand behind it; the verification digest is taken over exactly the bytes
/// it returns. A certified electronic signature (BSrE) would sign those bytes at this seam too.
public protocol LetterDocument: Sendable {
    /// - Throws: whatever the writer cannot draw; the finishing transaction is then rolled back.
    func pdf(for letter: FinishedLetter) throws -> [UInt8]
}

extension FinishedLetter {
    /// Indonesian date words for the signature line: "3 Desember 2026", on the local day of `date`
    /// in the working calendar's time.
    public static func dateWords(_ date: Date, in calendar: WorkingCalendar) -> String {
        let months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                      "November", "Desember"]
        let (year, month, day) = calendar.localDate(of: date)
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// The local year of a moment in the working calendar's time: the year whose sequence numbers a letter.
    public static func year(of date: Date, in calendar: WorkingCalendar) -> Int { calendar.localDate(of: date).year }
}
