import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// What the public meets at the gateway behind TLS: links from HUB_PUBLIC_URL, HSTS on pages, no
/// cached staff JSON, and no /metrics without HUB_METRICS_TOKEN (finding 13).
@Suite(.serialized)
struct PublicEdgeTests: Open311Testing {
    @Test func absoluteLinksComeFromThePublicURLNeverTheHostHeader() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, services: ["gateway", "intake"],
                                 environment: ["HUB_PUBLIC_URL": "https://lapor.example.go.id"])
        let created = try submit(hub, .json, [("service_code", "kesehatan"), ("address_string", "Jl. Merdeka 1"),
                                              ("description", "Puskesmas tutup pada siang hari"), ("confidential", "false")])
        #expect(created.status == 201, "\(created.text)")
        let body = try #require((created.open311JSON as? [[String: Any]])?.first)
        let id = try #require(body["service_request_id"] as? String)
        let connection = try PostgresConnection(conninfo: url)
        try connection.query("""
            insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
            values ($1, 1, 'report', 'image/png', $2::bytea, digest($2::bytea, 'sha256'))
            """, [Int64(id)!, Data([0x89, 0x50, 0x4E, 0x47])])
        for host in ["evil.example", "127.0.0.1"] {
            for headers in [[("Host", host)], [("Host", host), ("X-Forwarded-Proto", "http"), ("X-Forwarded-Host", "evil.example")]] {
                let answer = try hub.request("GET", "/open311/v2/requests/\(id).json", headers: headers)
                let item = try #require((answer.open311JSON as? [[String: Any]])?.first)
                let media = try #require(item["media_url"] as? String, "\(answer.text)")
                #expect(media.hasPrefix("https://lapor.example.go.id/api/v1/photos/"), "\(media)")
                let discovery = try hub.request("GET", "/open311/v2/discovery.json", headers: headers).text
                #expect(discovery.contains("\"url\":\"https://lapor.example.go.id/open311/v2\"") && !discovery.contains("evil"), "\(discovery)")
            }
        }
    }

    @Test func pagesOfAnHTTPSSiteCarryHSTSAndStaffJSONIsNotCached() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_PUBLIC_URL": "https://lapor.example.go.id"])
        #expect(try hub.get("/").headers["Strict-Transport-Security"] == "max-age=31536000")
        #expect(try hub.get("/staff/login").headers["Strict-Transport-Security"] == "max-age=31536000")
        #expect(try hub.get("/api/v1/categories").headers["Strict-Transport-Security"] == nil, "JSON has no use for it")
        #expect(try hub.hubctl(["user", "add", "simpan.admin", "--role", "admin"], input: "sandi-simpan-01\n").status == 0)
        let token = try hub.logIn("simpan.admin", "sandi-simpan-01")
        for path in ["/api/v1/staff/me", "/api/v1/staff/accounts", "/api/v1/staff/queue"] {
            let answer = try hub.get(path, token: token)
            #expect(answer.status == 200 && answer.headers["Cache-Control"] == "no-store", "\(path): \(answer.headers["Cache-Control"] ?? "none")")
        }
        #expect(try hub.get("/api/v1/staff/me").headers["Cache-Control"] == "no-store", "a refusal neither")
        let plain = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway"])
        #expect(try plain.get("/").headers["Strict-Transport-Security"] == nil, "no HSTS for a site without https")
    }

    @Test func metricsAreNotServedToThePublicThroughTheGateway() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let closed = try RunningHub(databaseURL: url, services: ["gateway", "intake"])
        #expect(try closed.get("/metrics").status == 404)
        #expect(try closed.request("GET", "/metrics", headers: [("Authorization", "Bearer anything-at-all-here")]).status == 404)
        #expect(try closed.get("/metrics", service: "intake").status == 200, "a module's own port is internal and serves them")
        let token = "rahasia-prometheus-2026"
        let open = try RunningHub(databaseURL: url, services: ["gateway"], environment: ["HUB_METRICS_TOKEN": token])
        #expect(try open.get("/metrics").status == 401)
        #expect(try open.get("/metrics", token: "rahasia-prometheus-2027").status == 401)
        let scraped = try open.get("/metrics", token: token)
        #expect(scraped.status == 200 && scraped.text.contains("hub_http_requests_total"))
    }
}
