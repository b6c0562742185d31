import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// The citizen answers a resolution from the tracking page or the API: a low rating with a reason
/// reopens the case, a good rating closes it, and refused answers change nothing.
@Suite(.serialized)
struct CitizenFeedbackTests {
    /// A public-works case resolved by staff; returns its tracking code.
    func resolvedCase(_ hub: RunningHub, staff: String) throws -> String {
        let created = try hub.post("/api/v1/complaints", json: ["category": "pekerjaan-umum", "description": "Got mampet di gang 5"])
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        try hub.waitForStatus(code)
        #expect(try hub.post("/api/v1/staff/cases/\(code)/claim", token: staff).status == 200)
        #expect(try hub.post("/api/v1/staff/cases/\(code)/resolve", json: ["note": "Got sudah dikuras"], token: staff).status == 200)
        return code
    }

    func status(_ hub: RunningHub, _ code: String) throws -> String? {
        try hub.get("/api/v1/complaints/\(code)").jsonObject["status"] as? String
    }

    func errorCode(_ response: HTTPResponse) -> String? {
        (response.jsonObject["error"] as? [String: Any])?["code"] as? String
    }

    @Test func theCitizenReopensOrAcceptsAResolution() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        #expect(try hub.hubctl(["user", "add", "petugas.got", "--role", "staff", "--module", "public-works"],
                               input: "rahasia-got-1\n").status == 0)
        let staff = try hub.logIn("petugas.got", "rahasia-got-1")

        // The tracking page of a resolved case asks for the citizen's answer.
        let reopened = try resolvedCase(hub, staff: staff)
        let page = try hub.get("/track/\(reopened)").text
        #expect(page.contains("action=\"/track/\(reopened)/feedback\""))
        #expect(page.contains("Apakah masalah Anda sudah selesai?"))

        // Refused answers: each with its own code, and the case stays resolved.
        let refusals: [([String: Any], Int, String)] = [
            (["rating": 1], 400, "reason_required"),
            (["rating": 1, "reason": "   "], 400, "reason_required"),
            (["rating": 0, "reason": "x"], 400, "invalid_rating"),
            (["rating": 9], 400, "invalid_rating"),
            (["rating": 1.5, "reason": "x"], 400, "invalid_rating"),
            (["rating": "2", "reason": "x"], 400, "invalid_rating"),
            (["rating": true, "reason": "x"], 400, "invalid_rating"),
            (["rating": 2, "reason": 5], 400, "invalid_request"),
        ]
        for (body, expectedStatus, expectedCode) in refusals {
            let answer = try hub.post("/api/v1/complaints/\(reopened)/feedback", json: body)
            #expect(answer.status == expectedStatus, "\(body)")
            #expect(errorCode(answer) == expectedCode, "\(body): \(answer.text)")
        }
        #expect(try status(hub, reopened) == "resolved")
        let unknown = try hub.post("/api/v1/complaints/0000000000000/feedback", json: ["rating": 5])
        #expect(unknown.status == 404)

        // The form: no reason with a low rating comes back with the message and the rating kept.
        let refusedForm = try hub.post("/track/\(reopened)/feedback", raw: "rating=2&reason=",
                                       contentType: "application/x-www-form-urlencoded")
        #expect(refusedForm.status == 400)
        #expect(refusedForm.text.contains("id=\"feedback-error\""))
        #expect(refusedForm.text.contains("value=\"2\" checked"))
        #expect(try status(hub, reopened) == "resolved")

        // A low rating with a reason reopens it, and the timeline says so with the citizen's words.
        let form = try hub.post("/track/\(reopened)/feedback", raw: "rating=1&reason=Air+masih+menggenang",
                                contentType: "application/x-www-form-urlencoded")
        #expect(form.status == 303)
        #expect(form.headers["Location"] == "/track/\(reopened)?feedback=1")
        let afterReopen = try hub.get("/api/v1/complaints/\(reopened)").jsonObject
        #expect(afterReopen["status"] as? String == "in_progress")
        let last = (afterReopen["timeline"] as? [[String: Any]])?.last
        #expect(last?["kind"] as? String == "reopened")
        #expect(last?["note"] as? String == "Air masih menggenang")
        #expect(last?["actor_role"] as? String == "citizen")
        #expect(try hub.get("/track/\(reopened)?feedback=1").text.contains("id=\"feedback-thanks\""))
        // Once reopened, a second answer is refused: nothing waits for it.
        let again = try hub.post("/api/v1/complaints/\(reopened)/feedback", json: ["rating": 5])
        #expect(again.status == 409)
        #expect(errorCode(again) == "invalid_transition")

        // A good rating through the API closes the case and keeps the rating.
        let accepted = try resolvedCase(hub, staff: staff)
        let answer = try hub.post("/api/v1/complaints/\(accepted)/feedback", json: ["rating": 4])
        #expect(answer.status == 200)
        #expect(answer.jsonObject["status"] as? String == "closed")
        let connection = try PostgresConnection(conninfo: url)
        let rows = try connection.query("""
            select c.citizen_rating::int as rating, a.role, a.account_id is null as nobody
              from complaints c join audit_log a on a.complaint_id = c.id and a.action = 'accept'
             where c.tracking_code = $1
            """, [accepted])
        #expect(rows.count == 1)
        #expect(try rows.first?.decode("rating", as: Int.self) == 4)
        #expect(try rows.first?.decode("role", as: String.self) == "citizen")
        #expect(try rows.first?.decode("nobody", as: Bool.self) == true)
    }
}
