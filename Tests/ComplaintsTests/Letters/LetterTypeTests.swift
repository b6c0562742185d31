import Complaints
import Testing

/// A letter type's fields, the applicant's particulars, the template, numbers and region codes.
struct LetterTypeTests {
    static let type = LetterType(
        code: "kelahiran", nameID: "Surat Keterangan Kelahiran", nameEN: "Birth", classification: "474.1",
        fields: [
            LetterField(key: "nama_bayi", labelID: "Nama anak", labelEN: "Name", kind: .text, required: true, maxLength: 10),
            LetterField(key: "tanggal_lahir", labelID: "Tanggal lahir", labelEN: "Born", kind: .date, required: true),
            LetterField(key: "anak_ke", labelID: "Anak ke", labelEN: "Child no.", kind: .number, required: false, min: 1, max: 20),
            LetterField(key: "nik_ibu", labelID: "NIK ibu", labelEN: "Mother's NIK", kind: .nik, required: false),
            LetterField(key: "jenis_kelamin", labelID: "Jenis kelamin", labelEN: "Sex", kind: .choice, required: true,
                        choices: ["Laki-laki", "Perempuan"]),
        ],
        bodyTemplate: "", reachesDistrict: false, deadlineDays: 2)

    static let good = ["nama_bayi": " Budi ", "tanggal_lahir": "2024-02-29", "jenis_kelamin": "Laki-laki"]

    @Test func checkedFieldsAreTrimmedAndOptionalOnesMayBeLeftOut() throws {
        #expect(try Self.type.check(fields: Self.good) == ["nama_bayi": "Budi", "tanggal_lahir": "2024-02-29", "jenis_kelamin": "Laki-laki"])
        #expect(try Self.type.check(fields: Self.good.merging(["anak_ke": "3", "nik_ibu": "3503010101900001"]) { $1 }).count == 5)
    }

    @Test func aMissingRequiredFieldIsNamed() throws {
        var fields = Self.good
        fields["tanggal_lahir"] = "  "
        #expect(throws: Refusal.letterFieldMissing(Self.type.fields[1])) { try Self.type.check(fields: fields) }
        #expect((try? Self.type.check(fields: [:])) == nil)
    }

    @Test(arguments: [("nama_bayi", "Budi Santoso Wijaya"), ("tanggal_lahir", "2023-02-29"), ("tanggal_lahir", "29-02-2024"),
                      ("anak_ke", "0"), ("anak_ke", "21"), ("anak_ke", "dua"), ("nik_ibu", "35030101019000"), ("jenis_kelamin", "L")])
    func aValueOutsideItsTypeIsRefused(_ key: String, _ value: String) {
        let field = Self.type.fields.first { $0.key == key }!
        #expect(throws: Refusal.letterFieldInvalid(field)) { try Self.type.check(fields: Self.good.merging([key: value]) { $1 }) }
    }

    @Test func aFieldTheTypeDoesNotHaveIsRefused() throws {
        #expect(throws: Refusal.unknownLetterField("warna")) { try Self.type.check(fields: Self.good.merging(["warna": "biru"]) { $1 }) }
    }

    @Test func theApplicantNeedsNIKNameAndAddress() throws {
        let applicant = try Applicant(values: ["nik": "3503010101900001", "name": "Siti", "address": "RT 1 RW 2", "occupation": "Petani"])
        #expect(applicant.values == ["nik": "3503010101900001", "name": "Siti", "address": "RT 1 RW 2", "occupation": "Petani"])
        #expect(throws: Refusal.applicantFieldMissing("name")) { try Applicant(values: ["nik": "3503010101900001", "address": "x"]) }
        #expect(throws: Refusal.applicantFieldInvalid("nik")) { try Applicant(values: ["nik": "12", "name": "x", "address": "x"]) }
        #expect(throws: Refusal.applicantFieldInvalid("Bad Key")) {
            try Applicant(values: ["nik": "3503010101900001", "name": "x", "address": "x", "Bad Key": "x"])
        }
    }

    @Test func theTemplateFillsTheApplicantAndTheFields() throws {
        let body = LetterTemplate.render("{{applicant.name}} ({{ fields.umur }}) {{fields.tidak_ada}} {{lain}} {{tanpa akhir",
                                         applicant: ["name": "Siti"], fields: ["umur": "30"])
        #expect(body == "Siti (30) - {{lain}} {{tanpa akhir")
    }

    @Test func aNumberIsOnePathSegmentWithTheRegionsSequenceAndYear() throws {
        let number = LetterNumber(classification: "470", sequence: 7, region: RegionCode("35.99.01.2001")!, year: 2026)
        #expect(number.text == "470-0007-35.99.01.2001-2026")
        #expect(LetterNumber.isWellFormed(number.text) && !LetterNumber.isWellFormed("470/0007") && !LetterNumber.isWellFormed(""))
    }

    @Test func regionCodesAreKemendagrisKecamatanOrVillageCodes() throws {
        #expect(RegionCode("35.03.01")?.isVillage == false)
        #expect(RegionCode("35.03.01.2001")?.district == RegionCode("35.03.01"))
        for bad in ["35.03", "35.03.1", "35.03.01.201", "35.03.01.2001.1", "a5.03.01", "35-03-01", ""] { #expect(RegionCode(bad) == nil) }
    }

    @Test func localDaysAndDatesAgree() throws {
        let day = WorkingCalendar.day(of: "2026-12-03")!
        #expect(WorkingCalendar.civil(fromDays: day) == (2026, 12, 3))
        #expect(WorkingCalendar.day(of: "2026-02-30") == nil)
    }
}
