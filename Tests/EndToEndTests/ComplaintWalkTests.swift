import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// The walking skeleton end to end: six real executables, one PostgreSQL, steps 1 to 4 of the issue.
@Suite(.serialized)
struct ComplaintWalkTests {
    @Test func complaintTravelsFromGatewayToModuleThroughStaffAndInspector() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        #expect(try hub.hubctl(["user", "add", "petugas.pu", "--role", "staff", "--module", "public-works"],
                               input: "rahasia-pu-1\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "petugas.sosial", "--role", "staff", "--module", "social"],
                               input: "rahasia-sos-1\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "inspektur", "--role", "inspector"], input: "rahasia-insp-1\n").status == 0)

        // 1. A citizen submits through the gateway and gets a tracking code.
        let created = try hub.post("/api/v1/complaints", json: [
            "category": "pekerjaan-umum", "description": "Lampu PJU padam di Jl. Merdeka",
            "lat": -6.2, "lon": 106.8, "anonymous": true, "confidential": false,
            "contact": ["email": "pelapor@example.id", "phone": "081234567890"],
        ])
        #expect(created.status == 201)
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        #expect(code.count == 13)
        #expect(created.headers["Location"] == "/api/v1/complaints/\(code)")
        #expect(RunningHub.justSubmitted.contains(created.jsonObject["status"] as? String ?? ""), "\(created.text)")

        // 2. The owning module takes it into its queue; the public view shows it, without personal data.
        let dispatched = try hub.waitForStatus(code, "dispatched")
        #expect(dispatched["category"] as? String == "pekerjaan-umum")
        #expect((dispatched["timeline"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["submitted", "dispatched"])
        let publicText = try hub.get("/api/v1/complaints/\(code)").text + (try hub.get("/track/\(code)").text)
        #expect(!publicText.contains("pelapor@example.id"))
        #expect(!publicText.contains("081234567890"))

        // 3. Staff of that module log in, list their queue, claim, note publicly and resolve.
        let staff = try hub.logIn("petugas.pu", "rahasia-pu-1")
        let queue = try hub.get("/api/v1/staff/queue", token: staff).jsonObject
        let queued = (queue["cases"] as? [[String: Any]])?.compactMap { $0["tracking_code"] as? String } ?? []
        #expect(queued.contains(code))
        let detail = try hub.get("/api/v1/staff/cases/\(code)", token: staff).jsonObject
        #expect(detail["reporter"] is NSNull, "an anonymous reporter is hidden from staff")
        #expect(try hub.post("/api/v1/staff/cases/\(code)/claim", token: staff).jsonObject["status"] as? String == "in_progress")
        let noted = try hub.post("/api/v1/staff/cases/\(code)/notes", json: ["note": "Petugas dijadwalkan besok", "public": true],
                                 token: staff)
        #expect(noted.status == 200)
        let resolved = try hub.post("/api/v1/staff/cases/\(code)/resolve", json: ["note": "Lampu sudah diganti"], token: staff)
        #expect(resolved.jsonObject["status"] as? String == "resolved")
        let afterWork = try hub.get("/api/v1/complaints/\(code)").jsonObject
        let kinds = (afterWork["timeline"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["submitted", "dispatched", "claimed", "note", "resolved"])
        let notes = (afterWork["timeline"] as? [[String: Any]])?.compactMap { $0["note"] as? String }
        #expect(notes == ["Petugas dijadwalkan besok", "Lampu sudah diganti"])
        let roles = Set((afterWork["timeline"] as? [[String: Any]])?.compactMap { $0["actor_role"] as? String } ?? [])
        #expect(roles == ["citizen", "system", "staff"])
        #expect(!String(decoding: try JSONSerialization.data(withJSONObject: afterWork), as: UTF8.self).contains("petugas.pu"))

        // 4. An inspector moves another case to another category; it travels to that module and keeps its history.
        let second = try hub.post("/api/v1/complaints", json: ["category": "pekerjaan-umum",
                                                               "description": "Warga lansia terlantar di kolong jembatan"])
        let secondCode = try #require(second.jsonObject["tracking_code"] as? String)
        _ = try hub.waitForStatus(secondCode, "dispatched")
        let inspector = try hub.logIn("inspektur", "rahasia-insp-1")
        let moved = try hub.post("/api/v1/staff/cases/\(secondCode)/escalate",
                                 json: ["category": "sosial", "reason": "bukan kewenangan PU"], token: inspector)
        #expect(moved.status == 200, "\(moved.text)")
        let arrived = try hub.waitForStatus(secondCode, "dispatched")
        #expect(arrived["category"] as? String == "sosial")
        let movedKinds = (arrived["timeline"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(movedKinds == ["submitted", "dispatched", "escalated", "dispatched"])
        let socialStaff = try hub.logIn("petugas.sosial", "rahasia-sos-1")
        let socialQueue = try hub.get("/api/v1/staff/queue", token: socialStaff).jsonObject
        #expect((socialQueue["cases"] as? [[String: Any]])?.contains { $0["tracking_code"] as? String == secondCode } == true)
        let publicWorksQueue = try hub.get("/api/v1/staff/queue", token: staff).jsonObject
        #expect((publicWorksQueue["cases"] as? [[String: Any]])?.contains { $0["tracking_code"] as? String == secondCode } == false)
        #expect(!arrived.description.contains("bukan kewenangan"), "the inspector's reason stays internal")

        // Every service stops cleanly on SIGTERM.
        for service in RunningHub.serviceNames { #expect(hub.stop(service) == 0, "\(service) exit status") }
    }

    @Test func htmlFormRedirectsToTrackingPageAndKeepsInputWhenInvalid() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        let form = try hub.get("/")
        #expect(form.status == 200)
        #expect(form.text.contains("lang=\"id\""))
        #expect(form.text.contains("Pekerjaan Umum"))
        #expect(form.headers["Content-Security-Policy"]?.contains("frame-ancestors 'none'") == true)
        #expect(try hub.get("/?lang=en").text.contains("File a complaint"))

        let body = FormDecoder.encode([("category", "kependudukan"), ("description", "KTP-el belum jadi 3 bulan"),
                                       ("kelurahan", "Sukamaju"), ("anonymous", "1")])
        let submitted = try hub.post("/complaints", raw: body, contentType: "application/x-www-form-urlencoded")
        #expect(submitted.status == 303)
        let location = try #require(submitted.headers["Location"])
        #expect(location.hasPrefix("/track/"))
        let page = try hub.get(location)
        #expect(page.status == 200)
        #expect(page.text.contains("Kependudukan"))

        let invalid = FormDecoder.encode([("category", "kependudukan"), ("description", "   "), ("location", "Pasar <Baru>")])
        let refused = try hub.post("/complaints", raw: invalid, contentType: "application/x-www-form-urlencoded")
        #expect(refused.status == 400)
        #expect(refused.text.contains("Uraian pengaduan wajib diisi."))
        #expect(refused.text.contains("value=\"Pasar &lt;Baru&gt;\""), "typed input comes back, escaped")
        #expect(refused.text.contains("<option value=\"kependudukan\" selected>"))

        // One structured access-log line per request, in the gateway and in intake, under one request id;
        // a path full of characters JSON must escape still gives a line that parses.
        _ = try hub.get("/api/v1/x%22y%5Cz%01%E2%80%A8")
        let gatewayLog = hub.log("gateway", once: "x\\\"y\\\\z\\u0001")
        let requestLines = gatewayLog.split(separator: "\n").filter { $0.contains("\"msg\":\"request\"") }
        for line in requestLines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not JSON: \(line)")
        }
        #expect(requestLines.contains { $0.contains("x\\\"y\\\\z\\u0001") })
        let records = gatewayLog.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }.filter { $0["msg"] as? String == "request" && $0["path"] as? String == "/complaints" }
        let record = try #require(records.last)
        for field in ["time", "id", "method", "path", "status", "bytes", "duration"] {
            #expect(record[field] != nil, "access log field \(field)")
        }
        let id = try #require(record["id"] as? String)
        #expect(hub.log("intake", once: "\"id\":\"\(id)\"").contains("\"id\":\"\(id)\""), "the gateway passes its request id on")
    }

    @Test func badSubmissionsGet400AndStoreNothing() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        let cases: [(String, String, String)] = [
            ("{\"category\": \"tidak-ada\", \"description\": \"x\"}", "application/json", "unknown_category"),
            ("{\"category\": \"kesehatan\", \"description\": \"\"}", "application/json", "description_required"),
            ("{\"category\": \"kesehatan\", \"description\": \"   \"}", "application/json", "description_required"),
            ("{\"category\": \"kesehatan\", \"description\": \"ok\", \"lat\": 91, \"lon\": 0}", "application/json", "coordinates_out_of_range"),
            ("{\"category\": \"kesehatan\", \"description\": \"ok\", \"lat\": \"x\", \"lon\": 0}", "application/json", "invalid_field"),
            ("{\"category\": \"kesehatan\", \"description\": \"ok\", \"anonymous\": 1}", "application/json", "invalid_field"),
            ("{\"category\": \"kesehatan\", \"description\": \"ok\", \"subcategory\": \"jalan\"}", "application/json", "unknown_subcategory"),
            ("{\"category\": \"kesehatan\", \"description\": ", "application/json", "malformed_json"),
            ("[1, 2]", "application/json", "malformed_json"),
            ("category=kesehatan", "text/plain", "unsupported_media_type"),
        ]
        for (body, type, code) in cases {
            let response = try hub.post("/api/v1/complaints", raw: body, contentType: type)
            #expect(response.status == (code == "unsupported_media_type" ? 415 : 400), "\(body)")
            let error = response.jsonObject["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(body) -> \(response.text)")
            #expect((error?["message"] as? String)?.isEmpty == false)
        }
        let connection = try PostgresConnection(conninfo: url)
        for table in ["complaints", "complaint_events", "complaint_reporters", "queue_messages"] {
            #expect(try connection.query("select count(*)::int as n from \(table)")[0].decode("n", as: Int.self) == 0, "\(table)")
        }
        let unknown = try hub.get("/api/v1/complaints/ABCDEFGHJKMNP")
        let malformed = try hub.get("/api/v1/complaints/not-a-code")
        #expect(unknown.status == 404 && malformed.status == 404)
        #expect(unknown.text == malformed.text, "unknown and malformed codes get the same answer")
        let wrongMethod = try hub.request("DELETE", "/api/v1/complaints/ABCDEFGHJKMNP")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"]?.contains("GET") == true)
        #expect(try hub.request("BREW", "/").status == 501)
    }

    @Test func servicesRefuseToStartOnAnOlderSchema() throws {
        let url = try TestCluster.shared().emptyDatabase()
        for service in ["gateway", "intake", "kir"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RunningHub.binDirectory + "/" + service)
            var environment = ProcessInfo.processInfo.environment
            environment["HUB_DATABASE_URL"] = url
            environment["HUB_GATEWAY_PORT"] = String(try FreePort.find())
            environment["HUB_INTAKE_PORT"] = String(try FreePort.find())
            environment["HUB_KIR_PORT"] = String(try FreePort.find())
            process.environment = environment
            let output = Pipe()
            process.standardError = output
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus != 0)
            #expect(text.contains("hubctl migrate"), "\(service): \(text)")
        }
    }
}
