import Foundation
import Glibc
import HTTP
import Postgres
import TestSupport
import Testing

/// Large and rate-limited bodies through the real gateway, and the daily photo allowance: every
/// refusal is decided from the request's head, before the body is sent.
@Suite(.serialized)
struct UploadLimitsTests {
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"

    /// A connection to a service that sends what a test says and reads the first line of the answer.
    final class Probe {
        let fd: Int32

        /// Connects to 127.0.0.1:`port` (a descriptor of -1 when nothing listens).
        init(port: Int) {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            var timeout = timeval(tv_sec: 3, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        func send(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }

        /// Whether the server has answered or closed within `seconds`, without reading.
        func hasAnswered(within seconds: Double) -> Bool {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, Int32(seconds * 1000)) > 0
        }

        /// The answer's status line (empty when none came within 3 s or the server closed without one).
        func statusLine() -> String {
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while !received.contains(10) {
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                received += chunk[0..<count]
            }
            return String(decoding: received, as: UTF8.self).components(separatedBy: "\r\n")[0]
        }
    }

    /// Sends only `head` to the service and returns the status line of the answer.
    func statusLine(answering head: String, port: Int) -> String {
        let probe = Probe(port: port)
        probe.send(head)
        return probe.statusLine()
    }

    /// The value of a `hub_http_refusals_total` line on the service's `/metrics`.
    func refusals(_ reason: String, hub: RunningHub, service: String, token: String? = nil) throws -> String? {
        try hub.get("/metrics", service: service, token: token).text.split(separator: "\n")
            .first { $0.hasPrefix("hub_http_refusals_total{reason=\"\(reason)\"}") }
            .map { String($0.split(separator: " ").last ?? "") }
    }

    /// At the gateway, the public edge: the modules trust their internal peers (the gateway) and
    /// leave the per-client cap to it.
    @Test func oneAddresssConnectionsAndASlowUploadAreCutShortAndCounted() throws {
        let metricsToken = "upload-limits-metrics-token"
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway"], environment: [
            "HUB_MAX_CONNECTIONS_PER_CLIENT": "3", "HUB_UPLOAD_GRACE_SECONDS": "1", "HUB_MIN_UPLOAD_BYTES_PER_SECOND": "500",
            "HUB_METRICS_TOKEN": metricsToken,
        ])
        let port = hub.ports["gateway"]!
        let slow = Probe(port: port)
        slow.send("POST /api/v1/complaints HTTP/1.1\r\nHost: hub.example\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n")
        // The address holds at most 3 (the test's own pooled client may hold one of them).
        var held: [Probe] = []
        var statuses: [String] = []
        for _ in 0..<4 {
            let probe = Probe(port: port)
            probe.send("GET /healthz HTTP/1.1\r\nHost: hub.example\r\n\r\n")
            statuses.append(probe.statusLine())
            held.append(probe)
        }
        #expect(statuses.filter { $0.hasPrefix("HTTP/1.1 200 ") }.count <= 2, "\(statuses)")
        #expect(statuses.last?.hasPrefix("HTTP/1.1 429 ") == true, "\(statuses)")

        var answered = false
        for _ in 0..<80 where !answered {
            answered = slow.hasAnswered(within: 0.1)
            if !answered { slow.send("{") }
        }
        #expect(answered, "a body dribbled at 10 bytes a second was never cut off")
        #expect(slow.statusLine().hasPrefix("HTTP/1.1 408 "))
        held.removeAll()
        var counted: (String?, String?) = (nil, nil)
        for _ in 0..<40 where counted.0 == nil {
            if let metrics = try? refusals("slow_upload", hub: hub, service: "gateway", token: metricsToken) {
                counted = (metrics, try refusals("client_connection_limit", hub: hub, service: "gateway", token: metricsToken))
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        #expect(counted.0 == "1")
        #expect(counted.1 == "\(statuses.filter { $0.hasPrefix("HTTP/1.1 429 ") }.count)")
    }

    @Test func largeLoginBodyGets413AndALimitedSubmitter429BeforeTheBodyIsSent() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), environment: [
            "HUB_SUBMIT_RATE_PER_MINUTE": "1", "HUB_SUBMIT_BURST": "1",
        ])
        let gateway = hub.ports["gateway"]!
        let login = "POST /api/v1/staff/login HTTP/1.1\r\nHost: hub.example\r\n"
            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 15728640\r\n\r\n"
        #expect(statusLine(answering: login, port: gateway).hasPrefix("HTTP/1.1 413 "))
        #expect(statusLine(answering: login, port: hub.ports["intake"]!).hasPrefix("HTTP/1.1 413 "))
        // The routes that take photos still take a multipart body of that size.
        let form = "POST /complaints HTTP/1.1\r\nHost: hub.example\r\n"
            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 15728640\r\n\r\n"
        #expect(statusLine(answering: form, port: gateway) == "", "the photo form refused an allowed size from its head")

        let first = try hub.post("/api/v1/complaints", json: ["category": "kesehatan", "description": "Antrean puskesmas"])
        #expect(first.status == 201 || first.status == 429, "\(first.text)")
        let submit = "POST /api/v1/complaints HTTP/1.1\r\nHost: hub.example\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
        #expect(statusLine(answering: submit, port: gateway).hasPrefix("HTTP/1.1 429 "))
    }

    @Test func photosBeyondTheAddresssDailyAllowanceAre429AndNothingIsStored() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, environment: ["HUB_PHOTO_QUOTA_BYTES_PER_DAY": "100"])
        let database = try PostgresConnection(conninfo: url)
        func complaints() throws -> Int { try database.query("select id from complaints").count }
        let withPhoto: [String: Any] = ["category": "kesehatan", "description": "Atap puskesmas bocor", "photos": [Self.png]]

        #expect(try hub.post("/api/v1/complaints", json: withPhoto).status == 201)
        let before = try complaints()
        let refused = try hub.post("/api/v1/complaints", json: withPhoto)
        #expect(refused.status == 429)
        let error = try #require(refused.jsonObject["error"] as? [String: Any])
        #expect(error["code"] as? String == "photo_quota_exceeded")
        #expect((error["message"] as? String)?.contains("besok") == true, "Indonesian first: \(error)")
        #expect(try complaints() == before, "a refused submission left a complaint behind")
        let english = try hub.post("/api/v1/complaints?lang=en", json: withPhoto)
        #expect(english.status == 429 && english.text.contains("tomorrow"), "\(english.text)")
        // The form says it on the page, keeping what was typed.
        let boundary = "----HubQuota"
        var form = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\nkesehatan\r\n".utf8)
        form += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nLantai licin\r\n".utf8)
        form += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.png\"\r\n"
                       + "Content-Type: image/png\r\n\r\n").utf8) + [UInt8](Data(base64Encoded: Self.png)!)
        form += Array("\r\n--\(boundary)--\r\n".utf8)
        let page = try hub.request("POST", "/complaints", headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")],
                                   body: form)
        #expect(page.status == 429 && page.text.contains("besok") && page.text.contains("Lantai licin"), "\(page.status)")
        #expect(try complaints() == before, "a refused form left a complaint behind")
        // Without photos the same address is still heard.
        #expect(try hub.post("/api/v1/complaints", json: ["category": "kesehatan", "description": "Obat habis"]).status == 201)
    }
}
