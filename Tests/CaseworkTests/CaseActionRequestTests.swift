import Complaints
import Foundation
import HTTP
import Testing
@testable import Casework

struct CaseActionRequestTests {
    func parse(_ name: String, _ body: JSONValue = [:], photos: [Photo]? = nil) throws -> ParsedAction {
        try CaseActionRequest.parse(name, body: JSONObjectReader(body, field: "body"), checkedPhotos: photos)
    }

    func refusal(_ name: String, _ body: JSONValue = [:]) -> Answer? { refusalOf { try parse(name, body) } }

    // MARK: each action name and its body

    @Test(arguments: [
        ("claim", CaseAction.claim), ("verify", .verify), ("validate", .validate), ("close", .close),
    ])
    func actionsWithoutABody(name: String, action: CaseAction) throws {
        #expect(try parse(name).actions == [action])
        #expect(try parse(name, ["note": "ignored"]).actions == [action])
    }

    @Test func textActionsCarryTheirNoteOrReason() throws {
        #expect(try parse("resolve", ["note": "Lampu diganti."]).actions == [.resolve(note: "Lampu diganti.")])
        #expect(try parse("request-validation", ["note": "Mohon dicek."]).actions == [.requestValidation(note: "Mohon dicek.")])
        #expect(try parse("reject-follow-up", ["reason": "Foto buram."]).actions == [.rejectFollowUp(reason: "Foto buram.")])
        #expect(try parse("reject", ["reason": "Bukan wewenang."]).actions == [.reject(reason: "Bukan wewenang.")])
        #expect(try parse("postpone", ["reason": "Anggaran."]).actions == [.postpone(reason: "Anggaran.")])
    }

    @Test func forwardingAndTheInspectoratesActionsCarryWhatTheyName() throws {
        #expect(try parse("forward", ["agency": "dinsos", "reason": "Warga rentan."]).actions
                == [.forward(to: "dinsos", reason: "Warga rentan.")])
        #expect(try parse("forward", ["agency": "dinsos"]).actions == [.forward(to: "dinsos", reason: "")],
                "a missing reason is the lifecycle's to refuse")
        #expect(try parse("return-forward", ["reason": "Bukan kewenangan."]).actions == [.returnForward(reason: "Bukan kewenangan.")])
        #expect(try parse("findings", ["note": "Temuan."]).actions == [.recordFindings(note: "Temuan.")])
        #expect(try parse("decide", ["outcome": "referred_police", "public_note": "Diteruskan."]).actions
                == [.decide(outcome: .referredPolice, publicNote: "Diteruskan.")])
    }

    /// A missing note or reason is the lifecycle's to refuse (with its own code), not the parser's.
    @Test func aMissingTextIsLeftToTheLifecycle() throws {
        #expect(try parse("resolve").actions == [.resolve(note: "")])
        #expect(try parse("reject", ["reason": 5]).actions == [.reject(reason: "")])
    }

    @Test func notesArePrivateUnlessMarkedPublicWithABoolean() throws {
        #expect(try parse("notes", ["note": "Cek besok."]).actions == [.addNote(text: "Cek besok.", isPublic: false)])
        #expect(try parse("notes", ["note": "Sedang dikerjakan.", "public": true]).actions == [.addNote(text: "Sedang dikerjakan.", isPublic: true)])
        #expect(try parse("notes", ["note": "x", "public": 1]).actions == [.addNote(text: "x", isPublic: false)],
                "a number is not a boolean")
        #expect(try parse("notes", ["note": "x", "public": "true"]).actions == [.addNote(text: "x", isPublic: false)])
    }

    @Test func assignNamesAColleagueToLookUp() throws {
        let parsed = try parse("assign", ["assignee": "sari"])
        #expect(parsed.actions.isEmpty && parsed.assigneeLogin == "sari")
    }

    @Test func disposeNamesASubUnit() throws {
        #expect(try parse("dispose", ["sub_unit": "dpupr-pju"]).actions == [.dispose(to: "dpupr-pju")])
    }

    @Test func detailsSetAndRemoveModuleFields() throws {
        let parsed = try parse("details", ["fields": ["pole_id": "PJU-12", "asset": nil, "note": "  "]])
        #expect(parsed.actions.isEmpty)
        let expected: [String: String?] = ["pole_id": "PJU-12", "asset": nil, "note": nil]
        #expect(parsed.fieldChange == expected)
    }

    @Test func duplicateReadsTheCodeAsTyped() throws {
        #expect(try parse("duplicate", ["duplicate_of": "7qk2-m9xw-4hnpa"]).actions == [.markDuplicate(of: "7QK2M9XW4HNPA")])
    }

    @Test func escalationCombinesItsChangesInOrder() throws {
        let parsed = try parse("escalate", ["priority": "urgent", "due_at": "2026-01-10T17:00:00+07:00", "inspectorate": true,
                                            "category": "sosial", "reason": "Dugaan pungli."])
        #expect(parsed.actions == [.escalate(.raisePriority(.urgent)), .escalate(.setDeadline(Date(timeIntervalSince1970: 1_768_039_200))),
                                   .escalate(.handToInspectorate), .escalate(.moveToCategory("sosial"))])
        #expect(parsed.reason == "Dugaan pungli.")
        #expect(try parse("escalate", ["inspectorate": true]).actions == [.escalate(.handToInspectorate)])
        #expect(try parse("escalate", ["inspectorate": true]).reason == nil)
    }

    @Test(arguments: ["2026-01-10T10:00:00Z", "2026-01-10T17:00:00+07:00", "2026-01-10T17:00:00+07", "2026-01-10t17:00:00.000000+07:00",
                      "2026-01-10T05:00:00-05:00"])
    func aDeadlineIsReadWithItsZone(text: String) throws {
        #expect(try parse("escalate", ["due_at": .string(text)]).actions == [.escalate(.setDeadline(Date(timeIntervalSince1970: 1_768_039_200)))])
    }

    @Test func resolvingTakesBase64Photos() throws {
        let parsed = try parse("resolve", ["note": "Selesai.", "photos": [.string(Data(Sample.jpeg).base64EncodedString())]])
        #expect(parsed.photos.count == 1 && parsed.photos.first?.format == .jpeg)
        #expect(try parse("resolve", ["note": "x", "photos": nil]).photos.isEmpty)
        #expect(try parse("request-validation", ["note": "x"], photos: [try Photo(bytes: Sample.jpeg)]).photos.count == 1,
                "the pages' photos arrive checked")
    }

    @Test func photosOnOtherActionsAreNotRead() throws {
        #expect(try parse("notes", ["note": "x", "photos": ["not base64"]]).photos.isEmpty)
    }

    /// A good body for each action, the table exhaustive over `StaffAction`: every action reads.
    static func goodBody(_ action: StaffAction) -> JSONValue {
        switch action {
        case .verify, .claim, .validate, .close: return [:]
        case .assign: return ["assignee": "sari"]
        case .dispose: return ["sub_unit": "dpupr-pju"]
        case .details: return ["fields": ["pole_id": "PJU-12"]]
        case .notes: return ["note": "Cek besok."]
        case .postpone, .reject, .rejectFollowUp: return ["reason": "Alasan."]
        case .duplicate: return ["duplicate_of": "7QK2M9XW4HNPA"]
        case .requestValidation, .resolve: return ["note": "Selesai."]
        case .escalate: return ["priority": "high"]
        case .forward: return ["agency": "dinsos", "reason": "Kewenangan dinas sosial."]
        case .acceptForward, .investigate: return [:]
        case .returnForward: return ["reason": "Bukan kewenangan kami."]
        case .findings: return ["note": "Dua saksi membenarkan."]
        case .decide: return ["outcome": "substantiated", "public_note": "Terbukti."]
        case .ask: return ["question": "Di depan nomor berapa?"]
        }
    }

    @Test(arguments: StaffAction.allCases)
    func everyActionReadsAGoodBodyByItsURLName(action: StaffAction) throws {
        let parsed = try parse(action.urlName, Self.goodBody(action))
        #expect(!parsed.actions.isEmpty || parsed.assigneeLogin != nil || parsed.fieldChange != nil, "\(action)")
        for step in parsed.actions { #expect(step.name == action.probe.name, "\(action) reads as its own lifecycle action") }
    }

    @Test func aPageFormReadsAsTheSameRequestAsItsJSON() throws {
        let form = try PageForm(Sample.request("POST", "/staff/cases/X/notes", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                               body: Array("csrf=t&note=Cek+besok.&public=true".utf8)))
        #expect(try CaseActionRequest.parse("notes", body: form.actionBody).actions
                == parse("notes", ["note": "Cek besok.", "public": true]).actions)
    }

    // MARK: refusals

    @Test func anUnknownActionIs404() {
        #expect(refusal("delete") == Answer(404, "unknown_action"))
        #expect(refusal("request_validation") == Answer(404, "unknown_action"), "URL names use dashes")
        #expect(refusal("") == Answer(404, "unknown_action"))
    }

    @Test(arguments: [
        ("assign", [:], Answer(400, "invalid_request")),
        ("assign", ["assignee": ""], Answer(400, "invalid_request")),
        ("assign", ["assignee": 8], Answer(400, "invalid_request")),
        ("dispose", [:], Answer(400, "invalid_request")),
        ("dispose", ["sub_unit": ""], Answer(400, "invalid_request")),
        ("details", [:], Answer(400, "invalid_request")),
        ("details", ["fields": "pole_id=1"], Answer(400, "invalid_request")),
        ("details", ["fields": ["pole_id": 12]], Answer(400, "invalid_field")),
        ("duplicate", [:], Answer(400, "invalid_request")),
        ("duplicate", ["duplicate_of": "ABC"], Answer(400, "invalid_request")),
        ("escalate", [:], Answer(400, "invalid_request")),
        ("escalate", ["reason": "hanya alasan"], Answer(400, "invalid_request")),
        ("escalate", ["inspectorate": false], Answer(400, "invalid_request")),
        ("escalate", ["priority": "critical"], Answer(400, "invalid_priority")),
        ("escalate", ["priority": 3], Answer(400, "invalid_priority")),
        ("escalate", ["due_at": "2026-01-10"], Answer(400, "invalid_due_at")),
        ("escalate", ["due_at": "2026-01-10T17:00:00"], Answer(400, "invalid_due_at")),
        ("escalate", ["due_at": "2026-01-10T17:00:00+07:00 besok"], Answer(400, "invalid_due_at")),
        ("escalate", ["due_at": "2026-13-10T17:00:00Z"], Answer(400, "invalid_due_at")),
        ("escalate", ["due_at": "2026-01-10T25:00:00Z"], Answer(400, "invalid_due_at")),
        ("escalate", ["due_at": "2026-01-10T15:30:00+0530"], Answer(400, "invalid_due_at")),
        ("escalate", ["category": ""], Answer(400, "unknown_category")),
        ("escalate", ["category": 9], Answer(400, "unknown_category")),
        ("forward", ["reason": "Kewenangan dinas sosial."], Answer(400, "invalid_request")),
        ("forward", ["agency": " ", "reason": "x"], Answer(400, "invalid_request")),
        ("forward", ["agency": 4, "reason": "x"], Answer(400, "invalid_request")),
        ("decide", ["public_note": "Terbukti."], Answer(400, "invalid_outcome")),
        ("decide", ["outcome": "guilty", "public_note": "Terbukti."], Answer(400, "invalid_outcome")),
        ("decide", ["outcome": "Substantiated", "public_note": "Terbukti."], Answer(400, "invalid_outcome")),
        ("resolve", ["photos": "abc"], Answer(400, "invalid_field")),
        ("resolve", ["photos": ["%%%"]], Answer(400, "invalid_field")),
        ("resolve", ["photos": [.string(Data("not an image".utf8).base64EncodedString())]], Answer(400, "photo_not_an_image")),
        ("resolve", ["photos": [.string(Data([0xFF, 0xD8, 0xFF, 0xE0]).base64EncodedString())]], Answer(400, "photo_unreadable")),
    ] as [(String, JSONValue, Answer)])
    func malformedBodiesAre400(name: String, body: JSONValue, answer: Answer) {
        #expect(refusal(name, body) == answer)
    }

    @Test func moreThanThreePhotosAre400() {
        let photo = JSONValue.string(Data(Sample.jpeg).base64EncodedString())
        #expect(refusal("resolve", ["photos": [photo, photo, photo, photo]]) == Answer(400, "too_many_photos"))
    }
}
