import Foundation
import HTTP
import Postgres
import TestSupport
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Open311's refusals in the spec's error shape, the optional api_key, and idempotent retries.
@Suite(.serialized)
struct Open311ErrorTests: Open311Testing {
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
                                 // Year 0 in UTC: PostgreSQL reads no such date (formatting it crashed intake once).
                                 ("?start_date=0000-01-01T00:00:00%2B01:00", "start_date"),
                                 ("?end_date=9999-12-31T23:00:00-14:00", "end_date"),
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
}
