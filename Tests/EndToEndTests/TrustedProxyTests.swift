import Foundation
import HTTP
import TestSupport
import Testing

/// HUB_TRUSTED_PROXIES end to end: the gateway believes X-Forwarded-For only from a proxy it trusts,
/// so the rate-limit bucket, the modules' view of the client (login throttling) and the logs follow
/// the real client, and a client's own X-Forwarded-For changes nothing.
@Suite(.serialized)
struct TrustedProxyTests {
    static let limits = ["HUB_TRACK_RATE_PER_MINUTE": "1", "HUB_TRACK_BURST": "2"]

    func lookup(_ hub: RunningHub, from forwardedFor: String?) throws -> Int {
        try hub.request("GET", "/api/v1/complaints/ABCDEFGHJKMNP", headers: forwardedFor.map { [("X-Forwarded-For", $0)] } ?? []).status
    }

    @Test func aSpoofedForwardedForFromAnUntrustedPeerKeepsThePeersBucket() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway"],
                                 environment: Self.limits)
        #expect(try lookup(hub, from: "198.51.100.1") == 404)
        #expect(try lookup(hub, from: "198.51.100.2") == 404)
        #expect(try lookup(hub, from: "198.51.100.3") == 429, "a new X-Forwarded-For each time must not open a new bucket")
        let log = hub.log("gateway", once: "\"status\":429")
        #expect(!log.contains("198.51.100."), "the log names the peer, not what the client claimed")
    }

    @Test func aTrustedProxysForwardedForNamesTheBucket() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway"],
                                 environment: Self.limits.merging(["HUB_TRUSTED_PROXIES": "127.0.0.1"]) { $1 })
        #expect(try lookup(hub, from: "198.51.100.1") == 404)
        #expect(try lookup(hub, from: "6.6.6.6, 198.51.100.1") == 404, "the client's own entry, left of the proxy's, is not believed")
        #expect(try lookup(hub, from: "198.51.100.1") == 429)
        #expect(try lookup(hub, from: "198.51.100.2") == 404, "another client behind the proxy has a bucket of its own")
        #expect(try lookup(hub, from: nil) == 404, "the proxy's own requests are its own bucket")
        let log = hub.log("gateway", once: "\"status\":429")
        #expect(log.contains("\"remote\":\"198.51.100.0/24\""), "the access log has the client's network, not the proxy's")
    }

    /// A submission announces a body, so its rate limit is decided from the head alone: the client
    /// behind the proxy must already be known then.
    @Test func submissionsBehindATrustedProxyAreLimitedPerClient() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_TRUSTED_PROXIES": "127.0.0.1", "HUB_SUBMIT_RATE_PER_MINUTE": "1",
                                               "HUB_SUBMIT_BURST": "1"])
        func submit(from client: String) throws -> Int {
            try hub.request("POST", "/api/v1/complaints", headers: [("Content-Type", "application/json"), ("X-Forwarded-For", client)],
                            body: Array(#"{"category":"kesehatan","description":"Antrean puskesmas panjang"}"#.utf8)).status
        }
        #expect(try submit(from: "198.51.100.11") == 201)
        #expect(try submit(from: "198.51.100.12") == 201, "another client behind the proxy has a bucket of its own")
        #expect(try submit(from: "198.51.100.11") == 429, "the first client's bucket is empty")
    }

    @Test func modulesSeeTheClientTheGatewayResolved() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"],
                                 environment: ["HUB_TRUSTED_PROXIES": "127.0.0.1", "HUB_LOGIN_MAX_FAILURES": "100",
                                               "HUB_LOGIN_MAX_FAILURES_PER_ADDRESS": "2"])
        func failedLogin(from client: String) throws -> Int {
            try hub.request("POST", "/api/v1/staff/login", headers: [("Content-Type", "application/json"), ("X-Forwarded-For", client)],
                            body: Array(#"{"login":"tiada","password":"salah"}"#.utf8)).status
        }
        #expect(try failedLogin(from: "198.51.100.7") == 401)
        #expect(try failedLogin(from: "6.6.6.6, 198.51.100.7") == 401)
        #expect(try failedLogin(from: "198.51.100.7") == 429, "intake throttles the address the gateway resolved")
        #expect(try failedLogin(from: "198.51.100.8") == 401, "another client is not throttled")
        #expect(hub.log("intake", once: "198.51.100.8").contains("\"remote\":\"198.51.100.8\""),
                "intake's access log names the client (in full on the staff side), not the gateway")
    }
}
