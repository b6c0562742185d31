import Complaints
import Testing

/// The front office's form lists every problem of an entry at once, each the API's own refusal.
struct LetterEntryCheckTests {
    static let type = LetterType(code: "pindah", nameID: "Surat Keterangan Pindah", nameEN: "Certificate of moving", classification: "474.2",
                                 fields: [LetterField(key: "alamat_tujuan", labelID: "Alamat tujuan", labelEN: "Destination", kind: .text, required: true),
                                          LetterField(key: "jumlah", labelID: "Jumlah", labelEN: "Number", kind: .number, required: true, min: 0, max: 20),
                                          LetterField(key: "catatan", labelID: "Catatan", labelEN: "Note", kind: .text, required: false)],
                                 bodyTemplate: "-", reachesDistrict: true, deadlineDays: 5)

    @Test func everyWrongOrMissingValueIsListedByItsFormName() {
        let problems = Self.type.problems(applicant: ["nik": "123", "address": "Krajan"], fields: ["jumlah": "21", "lain": "x"])
        #expect(Set(problems.keys) == ["applicant.nik", "applicant.name", "fields.alamat_tujuan", "fields.jumlah", "fields.lain"])
        #expect(problems["applicant.nik"] == .applicantFieldInvalid("nik"))
        #expect(problems["applicant.name"] == .applicantFieldMissing("name"))
        #expect(problems["fields.alamat_tujuan"] == .letterFieldMissing(Self.type.fields[0]))
        #expect(problems["fields.jumlah"] == .letterFieldInvalid(Self.type.fields[1]))
        #expect(problems["fields.lain"] == .unknownLetterField("lain"))
        #expect(problems["applicant.nik"]?.messageID == "NIK pemohon tidak sesuai ketentuan (16 angka).")
    }

    @Test func aGoodEntryHasNoProblemsAndPassesTheChecksTheStoreRuns() throws {
        let applicant = ["nik": "3599010101900001", "name": "Siti", "address": "Krajan", "occupation": "Petani"]
        let fields = ["alamat_tujuan": "Malang", "jumlah": "2"]
        #expect(Self.type.problems(applicant: applicant, fields: fields).isEmpty)
        _ = try Applicant(values: applicant)
        #expect(try Self.type.check(fields: fields) == fields)
    }

    @Test func tooManyParticularsAreOneProblemOfTheApplicant() {
        var applicant = ["nik": "3599010101900001", "name": "Siti", "address": "Krajan"]
        for index in 0...Applicant.maxOther { applicant["extra_\(index)"] = "x" }
        #expect(Self.type.problems(applicant: applicant, fields: ["alamat_tujuan": "Malang", "jumlah": "2"]) == ["applicant": .applicantFieldInvalid("applicant")])
    }
}
