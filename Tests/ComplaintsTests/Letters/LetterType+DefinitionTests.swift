import Complaints
import Testing

/// A letter type as admins send it through the reference data: each field of its shape, then the
/// rules that span the record (its code, its template against its fields), on a change the record
/// as it would be.
struct LetterTypeDefinitionTests {
    static let fields: ReferenceValue = .list([
        .object(["key": .text("keperluan"), "label_id": .text("Keperluan"), "label_en": .text("Purpose"), "type": .text("text"),
                 "required": .boolean(true)]),
    ])
    static let sent: [String: ReferenceValue] = [
        "code": .text("janda"), "name_id": .text("Surat Keterangan Janda"), "name_en": .text("Certificate of widowhood"),
        "classification": .text("474.2"), "fields": fields,
        "body_template": .text("Menerangkan bahwa {{applicant.name}}, NIK {{applicant.nik}}.\r\n\r\nUntuk {{ fields.keperluan }}."),
        "reaches_district": .boolean(false), "deadline_days": .integer(3),
    ]

    func refusal(_ sent: [String: ReferenceValue], over before: ReferenceRecord? = nil) -> Refusal? {
        do {
            let input = try ReferenceInput(.letterTypes, sent: sent, creating: before == nil)
            try input.checkWhole(over: before)
            return nil
        } catch {
            return error
        }
    }

    @Test func aNewTypeIsActiveKeepsItsParagraphsAndIsNamedByItsCode() throws {
        let input = try ReferenceInput(.letterTypes, sent: Self.sent, creating: true)
        try input.checkWhole(over: nil)
        #expect(input.values["active"] == .boolean(true))
        #expect(input.values["body_template"]?.text?.contains(".\n\nUntuk") == true, "paragraphs kept, CRLF made LF")
        #expect(ReferenceKind.letterTypes.id(of: input.values) == "janda")
    }

    @Test(arguments: [
        ("deadline_days", ReferenceValue.integer(0), 400, "invalid_field"),
        ("deadline_days", .integer(61), 400, "invalid_field"),
        ("deadline_days", .integer(-1), 400, "invalid_field"),
        ("classification", .text("47"), 400, "invalid_field"),
        ("classification", .text("474.1234"), 400, "invalid_field"),
        ("code", .text("1-janda"), 400, "invalid_field"),
        ("code", .text("j"), 400, "invalid_field"),
        ("body_template", .text("Untuk {{fields.alasan}}."), 422, "template_unknown_field"),
        ("body_template", .text("Untuk {{nama}}."), 422, "invalid_template"),
        ("body_template", .text("Untuk {{fields.keperluan}"), 422, "invalid_template"),
        ("body_template", .text("Tab\tdi dalam"), 400, "invalid_field"),
        ("reaches_district", .text("ya"), 400, "invalid_field"),
        ("fields", .list([.object(["key": .text("x"), "label_id": .text("X"), "label_en": .text("X"), "type": .text("uang")])]), 400,
         "invalid_field"),
    ])
    func aBadTypeIsRefusedWithItsCode(_ name: String, _ value: ReferenceValue, _ status: Int, _ code: String) {
        let refused = refusal(Self.sent.merging([name: value]) { $1 })
        #expect(refused?.status == status && refused?.code == code, "\(name): \(String(describing: refused))")
    }

    @Test func aChangeIsCheckedAsTheRecordItWouldMake() {
        let stored = ReferenceRecord(id: "janda", values: Self.sent)
        #expect(refusal(["fields": .list([])], over: stored) == .templateUnknownField("keperluan"),
                "removing a field the template names is refused")
        #expect(refusal(["body_template": .text("Untuk {{fields.keperluan}}.")], over: stored) == nil)
        #expect(refusal(["deadline_days": .integer(5)], over: stored) == nil)
        #expect(refusal(["code": .text("janda-baru")], over: stored)?.code == "field_not_editable")
    }

    @Test func aTemplateMayNameTheApplicantsOtherParticulars() {
        #expect(throws: Never.self) { try LetterTemplate.check("{{applicant.birth_place}}, {{applicant.occupation}}", fieldKeys: []) }
        #expect(throws: Refusal.templateInvalidPlaceholder("{{applicant.Tempat Lahir}}")) {
            try LetterTemplate.check("{{applicant.Tempat Lahir}}", fieldKeys: [])
        }
    }
}
