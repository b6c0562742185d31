import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// What a citizen meets: photos, idempotent submissions, rate limits, duplicates, other channels,
/// and a public side that never shows who reported.
@Suite(.serialized)
struct CitizenIntakeTests {
    static let png = SamplePhotos.png

    /// A browser-like multipart body.
    func multipart(_ fields: [(String, String)], files: [(String, String, String, [UInt8])], boundary: String) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, type, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    func postForm(_ hub: RunningHub, _ fields: [(String, String)], files: [(String, String, String, [UInt8])]) throws -> HTTPResponse {
        let boundary = "----WebKitFormBoundaryHub\(Int.random(in: 1000...9999))"
        return try hub.request("POST", "/complaints", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")],
                               body: multipart(fields, files: files, boundary: boundary))
    }

    @Test func formWithPhotoShowsItOnlyWhenNotConfidential() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        let open = try postForm(hub, [("category", "pekerjaan-umum"), ("description", "Drainase meluap"), ("form_token", "t-open")],
                                files: [("photos", "banjir.png", "image/png", Self.png)])
        #expect(open.status == 303, "\(open.text)")
        let openCode = String(try #require(open.headers["Location"]).dropFirst("/track/".count).prefix(13))
        // Anonymous and confidential are on by default in the form only when the boxes arrive ticked; here they did not.
        let openView = try hub.get("/api/v1/complaints/\(openCode)").jsonObject
        let photos = try #require(openView["photos"] as? [[String: Any]])
        #expect(photos.count == 1)
        let photo = try hub.get(try #require(photos[0]["url"] as? String))
        #expect(photo.status == 200 && photo.headers["Content-Type"] == "image/png" && photo.body == Self.png)
        #expect(try hub.get("/track/\(openCode)").text.contains("<img src=\"/api/v1/complaints/\(openCode)/photos/1\""))

        let secret = try postForm(hub, [("category", "sosial"), ("description", "Anak terlantar"), ("confidential", "1"),
                                        ("form_token", "t-secret")],
                                  files: [("photos", "anak.png", "image/png", Self.png)])
        let secretCode = String(try #require(secret.headers["Location"]).dropFirst("/track/".count).prefix(13))
        #expect((try hub.get("/api/v1/complaints/\(secretCode)").jsonObject["photos"] as? [Any])?.isEmpty == true)
        #expect(try hub.get("/api/v1/complaints/\(secretCode)/photos/1").status == 404)
    }

    @Test func nonImagePhotoIsRefusedWithTheFormKept() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        let refused = try postForm(hub, [("category", "kesehatan"), ("description", "Antrean puskesmas panjang")],
                                   files: [("photos", "foto.jpg", "image/jpeg", Array("%PDF-1.7 not a photo".utf8))])
        #expect(refused.status == 400)
        #expect(refused.text.contains("Foto harus berformat JPEG, PNG, atau WebP."))
        #expect(refused.text.contains("Antrean puskesmas panjang"))
        #expect(try PostgresConnection(conninfo: url).query("select count(*)::int as n from complaints")[0].decode("n", as: Int.self) == 0)
    }

    @Test func idempotencyKeyAndFormTokenCreateOneComplaint() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        let body = try JSONSerialization.data(withJSONObject: ["category": "kesehatan", "description": "Obat kosong"])
        let headers = [("Content-Type", "application/json"), ("Idempotency-Key", "retry-1")]
        let first = try hub.request("POST", "/api/v1/complaints", headers: headers, body: [UInt8](body))
        let second = try hub.request("POST", "/api/v1/complaints", headers: headers, body: [UInt8](body))
        #expect(first.status == 201 && second.status == 201)
        #expect(first.jsonObject["tracking_code"] as? String == second.jsonObject["tracking_code"] as? String)
        #expect(second.headers["Idempotent-Replayed"] == "true")
        let other = try JSONSerialization.data(withJSONObject: ["category": "kesehatan", "description": "Lain"])
        #expect(try hub.request("POST", "/api/v1/complaints", headers: headers, body: [UInt8](other)).status == 422)

        let form = FormDecoder.encode([("category", "kesehatan"), ("description", "Dokter jaga tidak ada"), ("form_token", "tok-1")])
        let click1 = try hub.post("/complaints", raw: form, contentType: "application/x-www-form-urlencoded")
        let click2 = try hub.post("/complaints", raw: form, contentType: "application/x-www-form-urlencoded")
        #expect(click1.status == 303 && click1.headers["Location"] == click2.headers["Location"])
        #expect(try PostgresConnection(conninfo: url).query("select count(*)::int as n from complaints")[0].decode("n", as: Int.self) == 2)
    }

    @Test func submissionsAndLookupsAreRateLimitedPerAddress() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), environment: [
            "HUB_SUBMIT_RATE_PER_MINUTE": "1", "HUB_SUBMIT_BURST": "2", "HUB_TRACK_RATE_PER_MINUTE": "1", "HUB_TRACK_BURST": "3",
        ])
        let json: [String: Any] = ["category": "komoditas", "description": "Harga beras naik"]
        #expect(try hub.post("/api/v1/complaints", json: json).status == 201)
        #expect(try hub.post("/api/v1/complaints", json: json).status == 201)
        let limited = try hub.post("/api/v1/complaints", json: json)
        #expect(limited.status == 429)
        #expect(Int(limited.headers["Retry-After"] ?? "") ?? 0 >= 1)
        let statuses = try (0..<4).map { _ in try hub.get("/api/v1/complaints/ABCDEFGHJKMNP").status }
        #expect(statuses == [404, 404, 404, 429])
        #expect(try hub.get("/track/ABCDEFGHJKMNP").status == 429)
    }

    @Test func reportsOfTheSameProblemAreLinked() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        func submit(_ extra: [String: Any]) throws -> [String: Any] {
            var json: [String: Any] = ["category": "pekerjaan-umum", "description": "Lampu jalan mati", "confidential": false]
            for (key, value) in extra { json[key] = value }
            return try hub.post("/api/v1/complaints", json: json).jsonObject
        }
        let first = try submit(["lat": -6.914744, "lon": 107.609810])
        let near = try submit(["lat": -6.914900, "lon": 107.609900])   // about 20 m away
        let far = try submit(["lat": -6.920000, "lon": 107.609810])    // about 600 m away
        #expect(near["status"] as? String == "duplicate")
        #expect((near["joined_case"] as? [String: Any])?["status"] != nil)
        #expect(near["tracking_code"] as? String != first["tracking_code"] as? String, "the citizen gets a code of their own")
        #expect(RunningHub.justSubmitted.contains(far["status"] as? String ?? ""), "a report 600 m away is a case of its own")
        let pole1 = try submit(["pole_id": "PJU-0042"])
        let pole2 = try submit(["pole_id": "pju 0042"])
        #expect(RunningHub.justSubmitted.contains(pole1["status"] as? String ?? "") && pole2["status"] as? String == "duplicate")
        let linkedPage = try hub.get("/track/\(try #require(near["tracking_code"] as? String))").text
        #expect(linkedPage.contains("id=\"joined\""))
        #expect(!linkedPage.contains(try #require(first["tracking_code"] as? String)), "the other reporter's code stays private")
    }

    @Test func deskAndSMSChannelsAreRecorded() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, environment: ["HUB_SMS_WEBHOOK_SECRET": "rahasia-gateway"])
        #expect(try hub.hubctl(["user", "add", "loket.1", "--role", "staff", "--module", "intake"], input: "loket-sandi-1\n").status == 0)
        let staff = try hub.logIn("loket.1", "loket-sandi-1")
        let desk = try hub.post("/api/v1/staff/desk/complaints", json: [
            "category": "kependudukan", "description": "Akta kelahiran salah nama", "anonymous": false,
            "contact": ["name": "Ibu Sari", "phone": "081298765432"],
        ], token: staff)
        #expect(desk.status == 201, "\(desk.text)")
        #expect(try hub.post("/api/v1/staff/desk/complaints", json: ["category": "kependudukan", "description": "x"]).status == 401)

        func sms(_ text: String, secret: String = "rahasia-gateway", id: String = UUID().uuidString) throws -> HTTPResponse {
            try hub.request("POST", "/api/v1/inbound/sms", headers: [("Content-Type", "application/json"), ("X-Webhook-Secret", secret)],
                            body: [UInt8](try JSONSerialization.data(withJSONObject: ["from": "+6281311112222", "text": text, "message_id": id])))
        }
        let accepted = try sms("pu jembatan kayu di Desa Sukamaju patah")
        #expect(accepted.status == 201)
        #expect((accepted.jsonObject["reply"] as? String)?.contains("Kode pelacakan") == true)
        let unknown = try sms("HALO apa kabar")
        #expect(unknown.status == 400 && (unknown.jsonObject["error"] as? [String: Any])?["reply"] as? String != nil)
        #expect(try sms("PU jalan rusak", secret: "salah").status == 403)

        let channels = try PostgresConnection(conninfo: url).query("select channel_code, category_code from complaints order by id")
        #expect(channels.map { $0["channel_code"] } == ["desk", "sms"])
        #expect(channels.map { $0["category_code"] } == ["kependudukan", "pekerjaan-umum"])
    }

    @Test func noPublicPageShowsAnAnonymousReportersContact() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())
        let contact = ["name": "Rahmat Hidayat", "email": "rahmat.h@example.id", "phone": "081377778888"]
        var codes: [String] = []
        for confidential in [true, false] {
            let created = try hub.post("/api/v1/complaints", json: [
                "category": "trantibum", "description": "Parkir liar di trotoar", "anonymous": true, "confidential": confidential,
                "lat": -6.2, "lon": 106.8, "contact": contact,
            ])
            codes.append(try #require(created.jsonObject["tracking_code"] as? String))
            #expect(!created.text.contains("rahmat") && !created.text.contains("Rahmat"))
        }
        // The pages as they stay: the module has taken the first case; the second joined it.
        for code in codes { try hub.waitForPublicView(code, "leaving received") { $0["status"] as? String != "received" } }
        // Each page must be the page it claims to be: an error page (404, 429, 500) holds no secret either.
        var pages: [HTTPResponse] = []
        @discardableResult
        func page(_ target: String, showing markers: String...) throws -> HTTPResponse {
            let response = try hub.get(target)
            #expect(response.status == 200, "\(target) answered \(response.status): \(response.text.prefix(200))")
            for marker in markers {
                #expect(response.text.contains(marker), "\(target) is not the page it claims to be: no \(marker)")
            }
            pages.append(response)
            return response
        }
        try page("/", showing: "<title>Sampaikan pengaduan")
        try page("/?lang=en", showing: "<title>File a complaint")
        try page("/api/v1/categories", showing: "\"code\":\"trantibum\"")
        var requestIDs: [String] = []
        for code in codes {
            try page("/api/v1/complaints/\(code)", showing: "\"tracking_code\":\"\(code)\"", "Trantibum Linmas")
            try page("/api/v1/complaints/\(code)?lang=en", showing: "\"tracking_code\":\"\(code)\"", "Public order")
            try page("/track/\(code)", showing: "<title>Lacak pengaduan", code)
            try page("/track/\(code)?lang=en", showing: "<title>Track a complaint", code)
            let token = try page("/open311/v2/tokens/\(code).json", showing: "\"token\":\"\(code)\"")
            let id = try #require((token.open311JSON as? [[String: Any]])?.first?["service_request_id"] as? String, "\(token.text)")
            try page("/open311/v2/tokens/\(code).xml", showing: "<service_request_id>\(id)</service_request_id>")
            try page("/open311/v2/requests/\(id).json", showing: "\"service_request_id\":\"\(id)\"")
            try page("/open311/v2/requests/\(id).xml", showing: "<service_request_id>\(id)</service_request_id>")
            requestIDs.append(id)
        }
        try page("/open311/v2/requests.json", showing: "\"service_request_id\":\"\(requestIDs[0])\"",
                 "\"service_request_id\":\"\(requestIDs[1])\"")
        try page("/open311/v2/requests.xml", showing: "<service_request_id>\(requestIDs[0])<", "<service_request_id>\(requestIDs[1])<")
        for page in pages {
            for secret in contact.values + ["rahmat", "8888"] {
                #expect(!page.text.lowercased().contains(secret.lowercased()), "\(secret) appears in a public response")
            }
        }
    }
}
