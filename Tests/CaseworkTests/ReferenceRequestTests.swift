import Complaints
import HTTP
import Testing
@testable import Casework

/// Reference data as the admin API and pages carry it, a letter type's list of fields included.
struct ReferenceRequestTests {
    @Test func aLetterTypesFieldRowsBecomeTheAPIsListAndABlankRowIsNoField() throws {
        let form = ["code": "janda", "fields.0.key": "nama", "fields.0.label_id": "Nama", "fields.0.label_en": "Name", "fields.0.type": "text",
                    "fields.0.max_length": "120", "fields.0.required": "true", "fields.1.key": " ", "fields.1.type": "text",
                    "fields.2.key": "jenis", "fields.2.label_id": "Jenis", "fields.2.label_en": "Kind", "fields.2.type": "choice",
                    "fields.2.choices": "Dagang, Jasa,", "fields.3.key": "umur", "fields.3.label_id": "Umur", "fields.3.label_en": "Age",
                    "fields.3.type": "number", "fields.3.min": "dua"]
        let values = ReferenceRequest.values(form: form, of: .letterTypes, creating: false)
        #expect(values["code"] == nil, "the id is not sent with a change")
        #expect(values["reaches_district"] == .boolean(false), "an unticked box")
        #expect(values["fields"] == .list([
            .object(["key": .text("nama"), "label_id": .text("Nama"), "label_en": .text("Name"), "type": .text("text"),
                     "required": .boolean(true), "max_length": .integer(120)]),
            .object(["key": .text("jenis"), "label_id": .text("Jenis"), "label_en": .text("Kind"), "type": .text("choice"),
                     "required": .boolean(false), "choices": .list([.text("Dagang"), .text("Jasa")])]),
            .object(["key": .text("umur"), "label_id": .text("Umur"), "label_en": .text("Age"), "type": .text("number"),
                     "required": .boolean(false), "min": .text("dua")]),
        ]))
        #expect(throws: Refusal.self, "a number that is none is refused, not dropped") {
            try ReferenceInput(.letterTypes, sent: ["fields": values["fields"]!], creating: false)
        }
    }

    @Test func aJSONBodysListsAndObjectsAreKeptAndAnsweredAsSent() {
        let field: JSONValue = .object(["key": .string("nama"), "required": .bool(true), "max_length": .integer(50),
                                        "choices": .null, "min": .number(1.5)])
        let values = ReferenceRequest.values(json: JSONObjectReader(["fields": .array([field]), "code": .string("janda")]))
        #expect(values["fields"] == .list([.object(["key": .text("nama"), "required": .boolean(true), "max_length": .integer(50),
                                                    "choices": .none, "min": .text("")])]), "a fraction is a value no field takes")
        let answered = ReferenceRequest.json(ReferenceRecord(id: "janda", values: ["fields": .list([.object(["key": .text("nama")])])]))
        #expect(answered == .object(["id": .string("janda"), "fields": .array([.object(["key": .string("nama")])])]))
    }
}
