import Complaints
import Testing

/// A letter type's fields as an admin defines them: each checked whole, with the refusal naming the
/// field by its place and the member at fault; what is kept is what the store reads back.
struct LetterFieldDefinitionTests {
    static func field(_ members: [String: ReferenceValue]) -> ReferenceValue {
        .object(["key": .text("nama_usaha"), "label_id": .text("Nama usaha"), "label_en": .text("Business name"), "type": .text("text")]
            .merging(members) { $1 })
    }

    @Test func everyFieldOfATypeKeepsItsTypeAndChecksThroughItsDefinition() throws {
        let fields = LetterTypeTests.type.fields
        #expect(try LetterField.list(from: .list(fields.map(\.referenceValue))) == fields)
    }

    @Test func aDefinitionIsTrimmedAndLeftOutMembersTakeTheirDefaults() throws {
        let fields = try LetterField.list(from: .list([
            Self.field(["label_id": .text("  Nama usaha "), "max_length": .none, "choices": .list([])]),
            Self.field(["key": .text("jenis"), "type": .text("choice"), "required": .boolean(true),
                        "choices": .list([.text("Dagang"), .text(" Jasa ")])]),
        ]))
        #expect(fields[0] == LetterField(key: "nama_usaha", labelID: "Nama usaha", labelEN: "Business name", kind: .text, required: false))
        #expect(fields[1].choices == ["Dagang", "Jasa"] && fields[1].required)
        #expect(fields[0].referenceValue == .object(["key": .text("nama_usaha"), "label_id": .text("Nama usaha"),
                                                     "label_en": .text("Business name"), "type": .text("text"), "required": .boolean(false)]),
                "stored without nulls")
    }

    @Test(arguments: [
        (Self.field(["type": .text("tanggal")]), "fields[1].type must be one of text, date, number, nik, choice"),
        (Self.field(["type": .text("date"), "max_length": .integer(20)]), "fields[1].max_length must be only for fields of type text"),
        (Self.field(["max_length": .integer(0)]), "fields[1].max_length must be a whole number from 1 to 1000"),
        (Self.field(["type": .text("number"), "min": .integer(10), "max": .integer(5)]), "fields[1].max must be a whole number from 10 to 999999999999"),
        (Self.field(["type": .text("choice")]), "fields[1].choices must be a list of 1 to 50 distinct choices of 1 to 120 characters each"),
        (Self.field(["type": .text("choice"), "choices": .list([.text("A"), .text("A")])]),
         "fields[1].choices must be a list of 1 to 50 distinct choices of 1 to 120 characters each"),
        (Self.field(["choices": .list([.text("A")])]), "fields[1].choices must be only for fields of type choice"),
        (Self.field(["key": .text("Nama Usaha")]), "fields[1].key must be lower-case letters, digits and underscores, starting with a letter, at most 40"),
        (Self.field(["label_en": .text(" ")]), "fields[1].label_en must be text of 1 to 120 characters"),
        (Self.field(["required": .text("ya")]), "fields[1].required must be true or false"),
        (Self.field(["pattern": .text("[0-9]+")]), "fields[1].pattern must be unknown (key, label_id, label_en, type, required, max_length, min, max, choices)"),
        (.text("nama_usaha"), "fields[1] must be an object of key, label_id, label_en and type"),
    ])
    func aBadFieldIsRefusedNamingItsPlaceAndMember(_ definition: ReferenceValue, _ message: String) {
        #expect(throws: Refusal.self) { try LetterField.list(from: .list([definition])) }
        do {
            _ = try LetterField.list(from: .list([definition]))
        } catch {
            #expect(error.status == 400 && error.code == "invalid_field")
            #expect(error.messageEN == message)
            #expect(error.messageID.hasPrefix("Daftar isian jenis surat (isian ke-1"))
        }
    }

    @Test func keysAreUniqueAndTheListHasALimit() {
        #expect(throws: Refusal.invalidLetterTypeField(2, "key", ("berbeda dari kunci isian lain", "unlike every other field's key"))) {
            try LetterField.list(from: .list([Self.field([:]), Self.field(["type": .text("date")])]))
        }
        let many = (0...LetterField.maximumCount).map { Self.field(["key": .text("isian_\($0)")]) }
        #expect((try? LetterField.list(from: .list(Array(many.dropLast())))) != nil)
        #expect(throws: Refusal.self) { try LetterField.list(from: .list(many)) }
        #expect(throws: Refusal.self) { try LetterField.list(from: .text("[]")) }
    }
}
