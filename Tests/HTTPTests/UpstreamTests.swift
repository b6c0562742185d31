import HTTP
import Testing

@Suite struct UpstreamTests {
    @Test func parsesHostAndPort() throws {
        let upstream = try Upstream(url: "http://127.0.0.1:8081")
        #expect(upstream == Upstream(host: "127.0.0.1", port: 8081))
    }

    @Test func defaultsToPort80() throws {
        #expect(try Upstream(url: "http://intake") == Upstream(host: "intake", port: 80))
    }

    @Test func ignoresAPath() throws {
        #expect(try Upstream(url: "http://public-works:8082/api/v1") == Upstream(host: "public-works", port: 8082))
        #expect(try Upstream(url: "http://social/") == Upstream(host: "social", port: 80))
    }

    @Test func describesItselfAsAURL() throws {
        #expect(try Upstream(url: "http://kir:8085/x").description == "http://kir:8085")
    }

    @Test(arguments: ["https://intake:8081", "intake:8081", "", "http://", "http://:8081", "http://host:0",
                      "http://host:65536", "http://host:port", "http://host:-1", "ftp://host"])
    func rejectsAnythingElse(url: String) {
        #expect(throws: HTTPClientError.self) { try Upstream(url: url) }
    }
}
