import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// The audit log records the client address the gateway resolved (HUB_TRUSTED_PROXIES) for every
/// entry a request causes: in full for staff, only the network for a citizen's answer, none for the
/// operator; a client's own X-Forwarded-For from an untrusted peer is not what it records.
@Suite(.serialized)
struct AuditAddressTests {
    static let complaint = ["category": "pekerjaan-umum", "description": "Lampu jalan padam"]

    /// A JSON request through the gateway, as a proxy (or a client) naming `forwardedFor`.
    static func send(_ hub: RunningHub, _ path: String, json: [String: Any], token: String? = nil,
                     forwardedFor: String) throws -> HTTPResponse {
        var headers = [("Content-Type", "application/json"), ("X-Forwarded-For", forwardedFor)]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try hub.request("POST", path, headers: headers, body: [UInt8](try JSONSerialization.data(withJSONObject: json)))
    }

    static func audit(_ hub: RunningHub) throws -> [String] {
        try PostgresConnection(conninfo: hub.databaseURL)
            .query("select role || ' ' || action || ' ' || coalesce(address, 'null') as line from audit_log order by id")
            .map { try $0.decode("line") }
    }

    @Test func aStaffActionBehindATrustedProxyIsAuditedWithTheClientsAddress() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake", "public-works"],
                                 environment: ["HUB_TRUSTED_PROXIES": "127.0.0.1"])
        #expect(try hub.hubctl(["user", "add", "petugas.lampu", "--role", "staff", "--module", "public-works"],
                               input: "sandi-lampu-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "admin.kota", "--role", "admin"], input: "sandi-admin-01\n").status == 0)
        #expect(try hub.hubctl(["user", "add", "inspektur.kota", "--role", "inspector"], input: "sandi-insp-01\n").status == 0)
        #expect(try hub.hubctl(["user", "revoke-sessions", "petugas.lampu"]).status == 0)
        let staff = try hub.logIn("petugas.lampu", "sandi-lampu-01")
        let admin = try hub.logIn("admin.kota", "sandi-admin-01")
        let inspector = try hub.logIn("inspektur.kota", "sandi-insp-01")
        let code = try StaffPagesTests.dispatchedCase(hub, Self.complaint)

        #expect(try Self.send(hub, "/api/v1/staff/cases/\(code)/claim", json: [:], token: staff,
                              forwardedFor: "198.51.100.23").status == 200)
        #expect(try Self.send(hub, "/api/v1/staff/cases/\(code)/escalate", json: ["priority": "high"], token: inspector,
                              forwardedFor: "198.51.100.30").status == 200)
        #expect(try Self.send(hub, "/api/v1/staff/cases/\(code)/resolve", json: ["note": "Lampu sudah diganti"], token: staff,
                              forwardedFor: "6.6.6.6, 198.51.100.23").status == 200)
        #expect(try Self.send(hub, "/api/v1/staff/accounts", json: ["login": "petugas.baru", "password": "sandi-baru-01",
                                                                    "role": "staff", "module": "public-works"],
                              token: admin, forwardedFor: "2001:db8::24").status == 201)
        #expect(try Self.send(hub, "/api/v1/staff/desk/complaints", json: ["category": "kependudukan", "description": "Akta salah nama"],
                              token: admin, forwardedFor: "198.51.100.31").status == 201)
        #expect(try Self.send(hub, "/api/v1/complaints/\(code)/feedback", json: ["rating": 5],
                              forwardedFor: "198.51.100.99").status == 200)

        let audit = try Self.audit(hub)
        #expect(audit == [
            "operator revoke_sessions null",
            "staff claim 198.51.100.23",
            "inspector escalate 198.51.100.30",
            "staff resolve 198.51.100.23",
            "admin create_account 2001:db8::24",
            "admin desk_submission 198.51.100.31",
            "citizen accept 198.51.100.0/24",
        ])
    }

    @Test func aSpoofedForwardedForFromAnUntrustedPeerIsNotAudited() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake", "public-works"])
        #expect(try hub.hubctl(["user", "add", "petugas.lampu", "--role", "staff", "--module", "public-works"],
                               input: "sandi-lampu-01\n").status == 0)
        let staff = try hub.logIn("petugas.lampu", "sandi-lampu-01")
        let code = try StaffPagesTests.dispatchedCase(hub, Self.complaint)
        #expect(try Self.send(hub, "/api/v1/staff/cases/\(code)/claim", json: [:], token: staff,
                              forwardedFor: "198.51.100.23").status == 200)
        let audit = try Self.audit(hub)
        #expect(audit == ["staff claim 127.0.0.1"], "the gateway's peer, not what the client claimed")
    }
}
