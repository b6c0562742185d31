import Foundation
import HTTP
import Postgres
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Open311 GeoReport v2 through the gateway: every endpoint in JSON and XML, every error case,
/// filters and paging, and that no answer ever carries the reporter's contact.
@Suite(.serialized)
struct Open311Tests {
    static let reporter = (first: "Siti", last: "Rahmawati", email: "siti.rahma@example.id", phone: "081298765432")

    @Test func discoveryAndServicesAnswerInBothFormats() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase())

        let discoveryJSON = try hub.get("/open311/v2/discovery.json")
        #expect(discoveryJSON.status == 200)
        #expect(discoveryJSON.headers["Content-Type"] == "application/json; charset=utf-8")
        let discovery = try #require(discoveryJSON.open311JSON as? [String: Any])
        #expect(discovery["changeset"] is String && discovery["contact"] is String && discovery["key_service"] is String)
        let endpoint = try #require((discovery["endpoints"] as? [[String: Any]])?.first)
        #expect(endpoint["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
        #expect(endpoint["url"] as? String == "http://127.0.0.1/open311/v2", "built from the request's Host")
        #expect(endpoint["formats"] as? [String] == ["text/xml", "application/json"])
        let discoveryXML = try hub.get("/open311/v2/discovery.xml")
        #expect(discoveryXML.status == 200)
        #expect(discoveryXML.headers["Content-Type"] == "text/xml; charset=utf-8")
        #expect(discoveryXML.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        let discoveryTree = try XMLNode.parse(discoveryXML)
        #expect(discoveryTree.name == "discovery")
        #expect(discoveryTree.child("endpoints")?.child("endpoint")?.child("url")?.text == "http://127.0.0.1/open311/v2")
        #expect(discoveryTree.child("endpoints")?.child("endpoint")?.child("formats")?.children.map(\.text)
                == ["text/xml", "application/json"])
        #expect(try hub.get("/open311/discovery.json").status == 200, "discovery is also found above the version")

        let servicesJSON = try hub.get("/open311/v2/services.json")
        #expect(servicesJSON.status == 200)
        let services = try #require(servicesJSON.open311JSON as? [[String: Any]])
        #expect(services.count == 13)
        let publicWorks = try #require(services.first { $0["service_code"] as? String == "pekerjaan-umum" })
        #expect(publicWorks["service_name"] as? String == "Pekerjaan Umum")
        #expect((publicWorks["description"] as? String)?.hasPrefix("Public works") == true)
        #expect(publicWorks["metadata"] as? Bool == true)
        #expect(publicWorks["type"] as? String == "realtime")
        #expect(publicWorks["group"] as? String == "Pekerjaan Umum")
        #expect((publicWorks["keywords"] as? String)?.contains("Penerangan jalan umum (PJU)") == true)
        let health = try #require(services.first { $0["service_code"] as? String == "kesehatan" })
        #expect(health["group"] as? String == "Meja Umum", "the general desk (intake) owns health")
        let servicesXML = try XMLNode.parse(try hub.get("/open311/v2/services.xml"))
        #expect(servicesXML.name == "services")
        #expect(servicesXML.children.count == 13 && servicesXML.children.allSatisfy { $0.name == "service" })
        let xmlPublicWorks = try #require(servicesXML.children.first { $0.child("service_code")?.text == "pekerjaan-umum" })
        #expect(xmlPublicWorks.child("metadata")?.text == "true")
        #expect(xmlPublicWorks.child("group")?.text == "Pekerjaan Umum")

        let definitionJSON = try hub.get("/open311/v2/services/pekerjaan-umum.json")
        #expect(definitionJSON.status == 200)
        let definition = try #require(definitionJSON.open311JSON as? [String: Any])
        #expect(definition["service_code"] as? String == "pekerjaan-umum")
        let attributes = try #require(definition["attributes"] as? [[String: Any]])
        let subcategory = try #require(attributes.first { $0["code"] as? String == "subcategory" })
        #expect(subcategory["datatype"] as? String == "singlevaluelist")
        #expect(subcategory["variable"] as? Bool == true && subcategory["required"] as? Bool == false)
        let values = subcategory["values"] as? [[String: Any]] ?? []
        #expect(values.contains { $0["key"] as? String == "pju" && $0["name"] as? String == "Penerangan jalan umum (PJU)" })
        let pole = try #require(attributes.first { $0["code"] as? String == "pole_id" })
        #expect(pole["datatype"] as? String == "string")
        #expect(attributes.map { $0["order"] as? Int } == Array(1...attributes.count).map { Optional($0) })
        let definitionXML = try XMLNode.parse(try hub.get("/open311/v2/services/pekerjaan-umum.xml"))
        #expect(definitionXML.name == "service_definition")
        let xmlAttributes = definitionXML.child("attributes")?.children ?? []
        #expect(xmlAttributes.map { $0.child("code")?.text } == attributes.map { $0["code"] as? String })
        let xmlValues = xmlAttributes.first { $0.child("code")?.text == "subcategory" }?.child("values")?.children ?? []
        #expect(xmlValues.contains { $0.name == "value" && $0.child("key")?.text == "pju" })
        let healthDefinition = try #require(try hub.get("/open311/v2/services/kesehatan.json").open311JSON as? [String: Any])
        #expect((healthDefinition["attributes"] as? [[String: Any]])?.contains { $0["code"] as? String == "pole_id" } == false,
                "only public works asks for a pole")

        // Errors in the spec's shape, in the format asked for.
        try expectError(try hub.get("/open311/v2/services/tidak-ada.json"), 404, .json)
        try expectError(try hub.get("/open311/v2/services/tidak-ada.xml"), 404, .xml)
        try expectError(try hub.get("/open311/v2/services.yaml"), 404, .xml)
        try expectError(try hub.get("/open311/v2/services"), 404, .xml)
        try expectError(try hub.get("/open311/v2/nothing.json"), 404, .json)
        let wrongMethod = try hub.request("POST", "/open311/v2/services.json", headers: [("Content-Type", formType)])
        try expectError(wrongMethod, 405, .json)
        #expect(wrongMethod.headers["Allow"] == "GET, HEAD")
        let head = try hub.request("HEAD", "/open311/v2/services.xml")
        #expect(head.status == 200 && head.body.isEmpty)
    }

    @Test func submittedRequestsAreReadBackInBothFormatsWithoutTheReporter() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        var seen: [String] = []

        // A private-by-default report with a contact, in JSON.
        let first = try submit(hub, .json, [
            ("service_code", "pekerjaan-umum"), ("lat", "-6.2001"), ("long", "106.8166"),
            ("address_string", "Jl. Merdeka No. 5, depan SDN 3"),
            ("description", "Lampu PJU padam sejak tiga malam <gelap> & rawan"),
            ("attribute[subcategory]", "pju"), ("attribute[pole_id]", "pju 12-a"), ("attribute[kelurahan]", "Gambir"),
            ("email", Self.reporter.email), ("first_name", Self.reporter.first), ("last_name", Self.reporter.last),
            ("phone", Self.reporter.phone), ("device_id", "dev-1"), ("account_id", "acc-1"),
            ("media_url", "http://example.org/x.jpg"),
        ])
        seen.append(first.text)
        #expect(first.status == 201, "\(first.text)")
        #expect(first.headers["Content-Type"] == "application/json; charset=utf-8")
        let created = try #require((first.open311JSON as? [[String: Any]])?.first)
        let code = try #require(created["service_request_id"] as? String)
        let token = try #require(created["token"] as? String)
        #expect(Int(code) != nil, "public request ids are plain numbers, never tracking codes")
        #expect(token.count == 13)
        #expect(created["account_id"] is NSNull)
        #expect((created["service_notice"] as? String)?.contains(token) == true)
        #expect(first.headers["Location"] == "/open311/v2/requests/\(code).json")

        // A public report (our extensions), in XML, with UTF-8 text and only an address_id.
        let second = try submit(hub, .xml, [
            ("service_code", "kesehatan"), ("address_id", "ALAMAT-77"),
            ("description", "Antrean puskesmas terlalu lama — pasien lansia menunggu ±4 jam"),
            ("anonymous", "false"), ("confidential", "false"), ("email", Self.reporter.email),
        ])
        seen.append(second.text)
        #expect(second.status == 201, "\(second.text)")
        #expect(second.headers["Content-Type"] == "text/xml; charset=utf-8")
        let secondTree = try XMLNode.parse(second)
        #expect(secondTree.name == "service_requests")
        let secondCode = try #require(secondTree.child("request")?.child("service_request_id")?.text)
        let secondToken = try #require(secondTree.child("request")?.child("token")?.text)
        #expect(secondToken.count == 13 && Int(secondCode) != nil)
        #expect(secondTree.child("request")?.child("account_id")?.text == "")

        // What was stored: the channel, the privacy flags, the contact (privately), pole and address id.
        let connection = try PostgresConnection(conninfo: url)
        let stored = try connection.query("""
            select c.channel_code, c.anonymous, c.confidential, c.pole_id, c.subcategory_code, c.kelurahan, c.location,
                   r.email, r.name, e.details::text as details
              from complaints c left join complaint_reporters r on r.complaint_id = c.id
              join complaint_events e on e.complaint_id = c.id and e.kind = 'submitted'
             where c.tracking_code = $1
            """, [token])[0]
        #expect(stored["channel_code"] == "open311")
        #expect(stored["anonymous"] == "t" && stored["confidential"] == "t", "private unless the client says otherwise")
        #expect(stored["pole_id"] == "PJU12A")
        #expect(stored["subcategory_code"] == "pju" && stored["kelurahan"] == "Gambir")
        #expect(stored["email"] == Self.reporter.email && stored["name"] == "\(Self.reporter.first) \(Self.reporter.last)")
        let storedSecond = try connection.query("""
            select c.anonymous, c.confidential, e.details::text as details from complaints c
              join complaint_events e on e.complaint_id = c.id and e.kind = 'submitted' where c.tracking_code = $1
            """, [secondToken])[0]
        #expect(storedSecond["anonymous"] == "f" && storedSecond["confidential"] == "f")
        #expect(storedSecond["details"]?.contains("ALAMAT-77") == true)

        // One request, both formats; the confidential one shows neither description nor address.
        let oneJSON = try hub.get("/open311/v2/requests/\(code).json")
        seen.append(oneJSON.text)
        #expect(oneJSON.status == 200)
        let one = try #require((oneJSON.open311JSON as? [[String: Any]])?.first)
        #expect(one["service_request_id"] as? String == code)
        #expect(one["status"] as? String == "open")
        #expect((one["status_notes"] as? String)?.hasPrefix("received: ") == true
                || (one["status_notes"] as? String)?.hasPrefix("dispatched: ") == true)
        #expect(one["service_code"] as? String == "pekerjaan-umum" && one["service_name"] as? String == "Pekerjaan Umum")
        #expect(one["agency_responsible"] as? String == "dpupr")
        #expect(one["description"] is NSNull && one["address"] is NSNull, "confidential")
        for field in ["address_id", "zipcode", "lat", "long", "media_url", "expected_datetime", "service_notice"] {
            #expect(one.keys.contains(field), "\(field) is present")
        }
        let requested = try #require(one["requested_datetime"] as? String)
        #expect(requested.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$"#, options: .regularExpression) != nil,
                "W3C datetime with a timezone: \(requested)")
        let oneXML = try hub.get("/open311/v2/requests/\(code).xml")
        seen.append(oneXML.text)
        let oneTree = try XMLNode.parse(oneXML)
        #expect(oneTree.name == "service_requests" && oneTree.children.count == 1)
        #expect(oneTree.child("request")?.child("service_request_id")?.text == code)
        #expect(oneTree.child("request")?.child("description")?.text == "")

        let publicOne = try #require((try hub.get("/open311/v2/requests/\(secondCode).json").open311JSON as? [[String: Any]])?.first)
        #expect(publicOne["description"] as? String == "Antrean puskesmas terlalu lama — pasien lansia menunggu ±4 jam")
        #expect(publicOne["address"] as? String == "ID alamat ALAMAT-77")
        let publicXML = try hub.get("/open311/v2/requests/\(secondCode).xml")
        seen.append(publicXML.text)
        #expect(try XMLNode.parse(publicXML).child("request")?.child("description")?.text
                == "Antrean puskesmas terlalu lama — pasien lansia menunggu ±4 jam")

        // Tokens, both formats.
        let tokenJSON = try #require((try hub.get("/open311/v2/tokens/\(token.lowercased()).json").open311JSON as? [[String: Any]])?.first)
        #expect(tokenJSON["service_request_id"] as? String == code && tokenJSON["token"] as? String == token,
                "tokens are read case-insensitively")
        let tokenXML = try XMLNode.parse(try hub.get("/open311/v2/tokens/\(token).xml"))
        #expect(tokenXML.child("request")?.child("service_request_id")?.text == code)
        try expectError(try hub.get("/open311/v2/tokens/ABCDEFGHJKMNP.json"), 404, .json)
        try expectError(try hub.get("/open311/v2/tokens/ABCDEFGHJKMNP.xml"), 404, .xml)
        try expectError(try hub.get("/open311/v2/requests/ABCDEFGHJKMNP.json"), 404, .json)
        try expectError(try hub.get("/open311/v2/requests/not-a-code.xml"), 404, .xml)

        // More requests for the filters: three more, one resolved, one 100 days old. They are public,
        // and their text needs escaping in both formats (a control character XML cannot carry at all).
        var codes = [code, secondCode]
        var tokens = [token, secondToken]
        let awkward = "Warga \"terlantar\" <kolong> & 'jembatan' \u{7}"
        for index in 0..<3 {
            let response = try submit(hub, .json, [("service_code", "sosial"), ("address_string", "Kolong jembatan \(index)"),
                                                   ("description", "\(awkward) \(index)"), ("confidential", "false")])
            let answer = try #require((response.open311JSON as? [[String: Any]])?.first)
            codes.append(try #require(answer["service_request_id"] as? String))
            tokens.append(try #require(answer["token"] as? String))
        }
        let awkwardJSON = try #require((try hub.get("/open311/v2/requests/\(codes[4]).json").open311JSON as? [[String: Any]])?.first)
        #expect(awkwardJSON["description"] as? String == "\(awkward) 2")
        #expect(awkwardJSON["address"] as? String == "Kolong jembatan 2")
        let awkwardXML = try XMLNode.parse(try hub.get("/open311/v2/requests/\(codes[4]).xml"))
        #expect(awkwardXML.child("request")?.child("description")?.text == "Warga \"terlantar\" <kolong> & 'jembatan' \u{FFFD} 2")

        // media_url points at the first photo anyone may see; a confidential complaint shows none.
        for photoCode in [tokens[1], tokens[0]] {
            try connection.query("""
                insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
                select id, 1, 'report', 'image/png', $2::bytea, digest($2::bytea, 'sha256') from complaints where tracking_code = $1
                """, [photoCode, Data([0x89, 0x50, 0x4E, 0x47])])
        }
        let withPhoto = (try hub.get("/open311/v2/requests/\(codes[1]).json").open311JSON as? [[String: Any]])?.first
        let mediaURL = try #require(withPhoto?["media_url"] as? String)
        #expect(mediaURL.hasPrefix("http://127.0.0.1/api/v1/photos/") && !mediaURL.contains(tokens[1]))
        #expect(try hub.get(String(mediaURL.dropFirst("http://127.0.0.1".count))).body == [0x89, 0x50, 0x4E, 0x47])
        let hiddenPhoto = (try hub.get("/open311/v2/requests/\(codes[0]).json").open311JSON as? [[String: Any]])?.first
        #expect(hiddenPhoto?["media_url"] is NSNull)
        // Let the social module take the case first, so its dispatch does not race the change.
        let deadline = Date().addingTimeInterval(15)
        while try connection.query("select status from complaints where tracking_code = $1", [tokens[2]])[0]["status"] == "received",
              Date() < deadline {
            usleep(50_000)
        }
        try connection.query("update complaints set status = 'resolved' where tracking_code = $1", [tokens[2]])
        try connection.query("update complaints set created_at = now() - interval '100 days' where tracking_code = $1", [tokens[3]])

        func list(_ query: String, _ format: Open311Format = .json) throws -> [String] {
            let response = try hub.get("/open311/v2/requests.\(format.rawValue)\(query)")
            seen.append(response.text)
            #expect(response.status == 200, "\(query): \(response.text)")
            if format == .xml {
                return try XMLNode.parse(response).children.compactMap { $0.child("service_request_id")?.text }
            }
            return (response.open311JSON as? [[String: Any]] ?? []).compactMap { $0["service_request_id"] as? String }
        }
        let recent = [codes[4], codes[2], codes[1], codes[0]]
        #expect(try list("") == recent, "the last 90 days, newest first")
        #expect(try list("", .xml) == recent)
        #expect(try list("?service_code=sosial") == [codes[4], codes[2]])
        #expect(try list("?service_code=sosial,kesehatan", .xml) == [codes[4], codes[2], codes[1]])
        #expect(try list("?status=closed") == [codes[2]])
        #expect(try list("?status=open") == [codes[4], codes[1], codes[0]])
        #expect(try list("?status=open,closed") == recent)
        let closed = try #require((try hub.get("/open311/v2/requests/\(codes[2]).json").open311JSON as? [[String: Any]])?.first)
        #expect(closed["status"] as? String == "closed")
        #expect(closed["status_notes"] as? String == "resolved: Selesai ditindaklanjuti")
        #expect(try list("?service_request_id=\(codes[3]),\(codes[0]),999999999&status=closed") == [codes[0], codes[3]],
                "named ids override every other argument, even the 90-day window")
        let old = Date().addingTimeInterval(-100 * 86_400)
        let start = w3c(old.addingTimeInterval(-86_400)), end = w3c(old.addingTimeInterval(86_400))
        #expect(try list("?start_date=\(start)&end_date=\(end)") == [codes[3]])
        #expect(try list("?start_date=\(start)") == [codes[3]], "a start alone spans 90 days")
        let hourAgo = w3c(Date().addingTimeInterval(-3600))
        #expect(try list("?start_date=\(hourAgo)", .xml) == recent)
        #expect(try list("?end_date=\(hourAgo)") == [], "an end alone spans the 90 days before it")
        #expect(try list("?start_date=\(w3c(Date().addingTimeInterval(-3600), offset: "+07:00"))") == recent)
        #expect(try list("?start_date=\(w3c(Date().addingTimeInterval(-3600), offset: "Z"))") == recent)
        #expect(try list("?start_date=\(hourAgo.replacingOccurrences(of: "%2B", with: "+"))") == recent,
                "an unencoded + (read as a space) is still understood")
        #expect(try list("?page_size=2") == [codes[4], codes[2]])
        #expect(try list("?page_size=2&page=2", .xml) == [codes[1], codes[0]])
        #expect(try list("?page_size=2&page=3") == [])

        // The reporter's name, email and phone appear in no answer at all, and lists carry no tracking code.
        for text in seen where !text.contains("\"token\"") && !text.contains("<token>") {
            for code in tokens { #expect(!text.contains(code), "a tracking code leaked into a public list") }
        }
        for text in seen {
            for secret in [Self.reporter.email, Self.reporter.phone, Self.reporter.first, Self.reporter.last] {
                #expect(!text.contains(secret), "\(secret) leaked")
            }
        }
    }

    @Test func refusesEachBadRequestWithTheSpecsErrorsAndStoresNothing() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, services: ["intake", "gateway"])
        let valid: [(String, String)] = [("service_code", "pekerjaan-umum"), ("lat", "-6.2"), ("long", "106.8"),
                                         ("description", "Jalan berlubang")]
        func without(_ name: String) -> [(String, String)] { valid.filter { $0.0 != name } }
        func replacing(_ name: String, _ value: String) -> [(String, String)] { without(name) + [(name, value)] }
        let cases: [(String, [(String, String)], Int, String)] = [
            ("missing service_code", without("service_code"), 400, "service_code"),
            ("unknown service_code", replacing("service_code", "tidak-ada"), 404, "service_code"),
            ("missing location", valid.filter { $0.0 != "lat" && $0.0 != "long" }, 400, "location"),
            ("half a coordinate", without("long"), 400, "location"),
            ("lat not a number", replacing("lat", "utara"), 400, "lat"),
            ("lat out of range", replacing("lat", "91"), 400, "lat"),
            ("missing description", without("description"), 400, "description"),
            ("description too long", replacing("description", String(repeating: "a", count: 4001)), 400, "4000"),
            ("bad list value", valid + [("attribute[subcategory]", "bukan-sub")], 400, "attribute[subcategory]"),
            ("unknown attribute", valid + [("attribute[warna]", "merah")], 400, "attribute[warna]"),
            ("pole id too long", valid + [("attribute[pole_id]", String(repeating: "9", count: 41))], 400, "attribute[pole_id]"),
            ("pole id on another service", replacing("service_code", "kesehatan") + [("attribute[pole_id]", "12")], 400,
             "attribute[pole_id]"),
            ("bad email", valid + [("email", "bukan-email")], 400, "email"),
            ("bad privacy flag", valid + [("confidential", "mungkin")], 400, "confidential"),
        ]
        for (name, fields, status, mention) in cases {
            for format in Open311Format.allCases {
                let response = try submit(hub, format, fields)
                let descriptions = try expectError(response, status, format, name)
                #expect(descriptions.contains { $0.contains(mention) }, "\(name): \(descriptions)")
            }
        }
        // 4,000 characters exactly is fine; one more is not (checked above).
        #expect(try submit(hub, .json, replacing("description", String(repeating: "é", count: 4000))).status == 201)
        let wrongType = try hub.request("POST", "/open311/v2/requests.json", headers: [("Content-Type", "application/json")],
                                        body: Array("{\"service_code\": \"kesehatan\"}".utf8))
        try expectError(wrongType, 400, .json)
        try expectError(try hub.request("PUT", "/open311/v2/requests.json", service: "intake"), 405, .json)

        for (query, mention) in [("?status=pending", "status"), ("?start_date=kemarin", "start_date"),
                                 ("?start_date=2026-01-01T00:00:00", "start_date"),
                                 ("?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "90 days"),
                                 ("?start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "end_date"),
                                 ("?service_code=tidak-ada", "service_code"), ("?page_size=1001", "page_size"),
                                 ("?page=0", "page")] {
            for format in Open311Format.allCases {
                let descriptions = try expectError(try hub.get("/open311/v2/requests.\(format.rawValue)\(query)"), 400, format, query)
                #expect(descriptions.contains { $0.contains(mention) }, "\(query): \(descriptions)")
            }
        }

        let connection = try PostgresConnection(conninfo: url)
        #expect(try connection.query("select count(*)::int as n from complaints")[0].decode("n", as: Int.self) == 1,
                "only the one valid submission was stored")
    }

    @Test func apiKeyIsRequiredOnlyWhenConfigured() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["intake", "gateway"],
                                 environment: ["HUB_OPEN311_API_KEYS": "kunci-satu, kunci-dua"])
        let fields = [("service_code", "trantibum"), ("address_string", "Pasar Baru"), ("description", "Keributan tiap malam")]
        for format in Open311Format.allCases {
            try expectError(try submit(hub, format, fields), 403, format, "no api_key")
            try expectError(try submit(hub, format, fields + [("api_key", "kunci-tiga")]), 403, format, "unknown api_key")
        }
        #expect(try submit(hub, .json, fields + [("api_key", "kunci-dua")]).status == 201)
        let inQuery = try hub.request("POST", "/open311/v2/requests.xml?api_key=kunci-satu", headers: [("Content-Type", formType)],
                                      body: Array(FormDecoder.encode(fields).utf8))
        #expect(inQuery.status == 201, "\(inQuery.text)")
        #expect(try hub.get("/open311/v2/requests.json").status == 200, "reading needs no key")
        let discovery = try #require(try hub.get("/open311/v2/discovery.json").open311JSON as? [String: Any])
        #expect((discovery["key_service"] as? String)?.contains("api_key") == true)
    }

    @Test func idempotencyKeyMakesARetryReturnTheSameRequest() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["intake", "gateway"])
        let fields = [("service_code", "komoditas"), ("address_string", "Pasar Senen"), ("description", "Harga cabai melonjak")]
        func post(_ fields: [(String, String)]) throws -> HTTPResponse {
            try hub.request("POST", "/open311/v2/requests.json", headers: [("Content-Type", formType), ("Idempotency-Key", "coba-1")],
                            body: Array(FormDecoder.encode(fields).utf8))
        }
        let once = try post(fields), twice = try post(fields)
        #expect(once.status == 201 && twice.status == 201)
        let first = (once.open311JSON as? [[String: Any]])?.first?["service_request_id"] as? String
        #expect(first != nil && first == (twice.open311JSON as? [[String: Any]])?.first?["service_request_id"] as? String)
        try expectError(try post(fields + [("attribute[kelurahan]", "Senen")]), 400, .json, "reused key")
    }

    // MARK: helpers

    enum Open311Format: String, CaseIterable { case json, xml }

    let formType = "application/x-www-form-urlencoded"

    func submit(_ hub: RunningHub, _ format: Open311Format, _ fields: [(String, String)]) throws -> HTTPResponse {
        try hub.request("POST", "/open311/v2/requests.\(format.rawValue)", headers: [("Content-Type", formType)],
                        body: Array(FormDecoder.encode(fields).utf8))
    }

    /// Checks an Open311 error answer and returns its descriptions.
    @discardableResult
    func expectError(_ response: HTTPResponse, _ status: Int, _ format: Open311Format, _ context: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        #expect(response.status == status, "\(context): \(response.status) \(response.text)", sourceLocation: sourceLocation)
        switch format {
        case .json:
            #expect(response.headers["Content-Type"] == "application/json; charset=utf-8", sourceLocation: sourceLocation)
            let errors = response.open311JSON as? [[String: Any]] ?? []
            #expect(!errors.isEmpty && errors.allSatisfy { $0["code"] as? Int == status && $0["description"] is String },
                    "\(context): \(response.text)", sourceLocation: sourceLocation)
            return errors.compactMap { $0["description"] as? String }
        case .xml:
            #expect(response.headers["Content-Type"] == "text/xml; charset=utf-8", sourceLocation: sourceLocation)
            let tree = try XMLNode.parse(response)
            #expect(tree.name == "errors" && !tree.children.isEmpty, "\(context): \(response.text)", sourceLocation: sourceLocation)
            #expect(tree.children.allSatisfy { $0.name == "error" && $0.child("code")?.text == String(status) },
                    "\(context): \(response.text)", sourceLocation: sourceLocation)
            return tree.children.compactMap { $0.child("description")?.text }
        }
    }

    func w3c(_ date: Date, offset: String = "+07:00") -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        formatter.timeZone = offset == "Z" ? TimeZone(identifier: "UTC") : TimeZone(secondsFromGMT: 7 * 3600)
        // Encoded, as a client must: a literal + in a query string means a space.
        return (formatter.string(from: date) + offset).replacingOccurrences(of: "+", with: "%2B")
    }
}

/// A parsed XML element: name, child elements, and its own text.
struct XMLNode {
    var name: String
    var children: [XMLNode] = []
    var text = ""

    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// Parses a response body, failing the test when it is not well-formed XML.
    static func parse(_ response: HTTPResponse) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(response.body))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw TestSupportError("not well-formed XML (\(parser.parserError.map { "\($0)" } ?? "?")): \(response.text)")
        }
        return root
    }

    final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            stack.append(XMLNode(name: elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !stack.isEmpty { stack[stack.count - 1].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            var node = stack.removeLast()
            if !node.children.isEmpty { node.text = "" }
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }
    }
}

extension HTTPResponse {
    /// The body parsed as any JSON value (arrays included), or nil.
    var open311JSON: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
}
