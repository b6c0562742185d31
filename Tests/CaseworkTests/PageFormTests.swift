import Complaints
import Foundation
import HTTP
import Testing
@testable import Casework

struct PageFormTests {
    func urlencoded(_ pairs: [(String, String)]) -> HTTPRequest {
        Sample.request("POST", "/staff/cases/7QK2M9XW4HNPA/escalate", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                       body: Array(FormDecoder.encode(pairs).utf8))
    }

    func multipart(_ fields: [(String, String)], photos: [[UInt8]]) -> HTTPRequest {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--b0undary\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (index, photo) in photos.enumerated() {
            body += Array("--b0undary\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p\(index).jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8)
            body += photo + Array("\r\n".utf8)
        }
        body += Array("--b0undary--\r\n".utf8)
        return Sample.request("POST", "/staff/cases/7QK2M9XW4HNPA/resolve", headers: [("Content-Type", "multipart/form-data; boundary=b0undary")],
                              body: body)
    }

    @Test func theFirstValueOfAFieldCounts() throws {
        let form = try PageForm(urlencoded([("reason", "satu"), ("reason", "dua"), ("csrf", "t")]))
        #expect(form.fields == ["reason": "satu", "csrf": "t"])
    }

    @Test func theBodyHasTheJSONAPIsShape() throws {
        let form = try PageForm(urlencoded([("csrf", "t"), ("priority", "urgent"), ("due_date", "2026-01-10"), ("inspectorate", "true"),
                                            ("public", "on"), ("category", ""), ("reason", "Dugaan pungli.")]))
        let body = form.actionBody
        #expect(Set(body.members.keys) == ["priority", "due_at", "inspectorate", "public", "reason"], "no token, no empty fields")
        #expect(body.members["due_at"] == "2026-01-10T23:59:59+07:00", "the end of that day in WIB")
        #expect(body.members["inspectorate"] == true && body.members["public"] == false)
    }

    @Test func moduleFieldsBecomeTheFieldsObjectWithBlanksRemoved() throws {
        let form = try PageForm(urlencoded([("field.pole_id", " PJU-12 "), ("field.asset", ""), ("csrf", "t")]))
        let fields = try #require(try form.actionBody.object("fields"))
        #expect(fields.members["pole_id"] == "PJU-12" && fields.members["asset"] == .null)
        let expected: [String: String?] = ["pole_id": "PJU-12", "asset": nil]
        #expect(try CaseActionRequest.parse("details", body: form.actionBody).fieldChange == expected)
    }

    @Test func anEscalationFromThePageParsesAsFromJSON() throws {
        let form = try PageForm(urlencoded([("csrf", "t"), ("priority", "high"), ("due_date", "2026-01-10"), ("inspectorate", "true")]))
        #expect(try CaseActionRequest.parse("escalate", body: form.actionBody).actions
                == [.escalate(.raisePriority(.high)), .escalate(.setDeadline(Date(timeIntervalSince1970: 1_768_064_399))),
                    .escalate(.handToInspectorate)])
    }

    @Test func checkedPhotosTravelWithTheBody() throws {
        let form = try PageForm(multipart([("note", "Selesai."), ("csrf", "t")], photos: [Sample.jpeg]))
        #expect(form.photoProblem == nil && form.photos.count == 1 && form.fields["note"] == "Selesai.")
        let parsed = try CaseActionRequest.parse("resolve", body: form.actionBody, checkedPhotos: form.photos)
        #expect(parsed.actions == [.resolve(note: "Selesai.")] && parsed.photos.count == 1)
    }

    @Test func aRefusedPhotoKeepsTheFormsText() throws {
        let notImage = try PageForm(multipart([("note", "Selesai.")], photos: [Array("bukan foto".utf8)]))
        #expect(notImage.photoProblem == .notAnImage && notImage.photos.isEmpty && notImage.fields["note"] == "Selesai.")
        let tooMany = try PageForm(multipart([("note", "Selesai.")], photos: Array(repeating: Sample.jpeg, count: 4)))
        #expect(tooMany.photoProblem == .tooMany && tooMany.photos.isEmpty)
    }

    @Test func otherMediaTypesAre415() {
        let json = Sample.request("POST", "/staff/cases/X/claim", headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
        #expect(refusalOf { try PageForm(json) } == Answer(415, "unsupported_media_type"))
        let notUTF8 = Sample.request("POST", "/staff/cases/X/claim", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                     body: [0x6E, 0x3D, 0xFF])
        #expect(refusalOf { try PageForm(notUTF8) } == Answer(400, "malformed_form"))
    }
}
