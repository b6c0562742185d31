import Complaints
import Foundation
import Postgres

/// What the public may know of a letter: by its code, where it is (never who); its PDF once ready;
/// and, by its number with the right check value, that it is genuine.
extension LetterStore {
    /// A letter's PDF once it is ready, or nil (unknown code or not ready: `ready` says which).
    public static func pdf(code: String, on connection: PostgresConnection) throws -> (ready: Bool, bytes: [UInt8]?, number: String?)? {
        guard let row = try connection.query("select step, pdf, number from letters where code = $1", [code.uppercased()]).first else {
            return nil
        }
        let pdf: Data? = try row.decode("pdf")
        return (try row.decode("step", as: String.self) == LetterStep.ready.rawValue, pdf.map { [UInt8]($0) }, try row.decode("number"))
    }

    /// A verified letter: what the verification page shows.
    public struct Verification: Sendable {
        public let number: String
        public let typeNameID: String
        public let typeNameEN: String
        public let signedAt: Date
        /// Each signature's title lines ("a.n. Kepala Desa Sukamaju", "Sekretaris Desa"), no names.
        public let signedBy: [[String]]
        /// The SHA-256 of the PDF, in hex.
        public let digest: String
    }

    /// The letter with this number, when the check value is its own; nil otherwise (unknown number
    /// and wrong check alike).
    public static func verify(number: String, check: String, key: String?, on connection: PostgresConnection) throws -> Verification? {
        guard LetterNumber.isWellFormed(number), check.utf8.count == 20,
              let row = try connection.query("""
                select \(letterColumns), l.signed_at from letters l join letter_types t on t.code = l.type_code
                 where l.number = $1 and l.step = 'ready' and \(checkSQL) = lower($3)
                """, [number, key, check]).first else { return nil }
        let record = try record(row, on: connection)
        let signedBy = try record.signatures.map { try titleLines(of: $0, on: connection) }
        return Verification(number: number, typeNameID: record.typeNameID, typeNameEN: record.typeNameEN,
                            signedAt: try row.decode("signed_at"), signedBy: signedBy, digest: record.pdfDigest ?? "")
    }
}
