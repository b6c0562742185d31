import HTTP
import Testing

private func request(version minor: Int, connection: [String] = [], target: String = "/") -> HTTPRequest {
    HTTPRequest(method: "GET", target: target, pathSegments: [], rawQuery: nil, versionMinor: minor,
                headers: HTTPHeaders(connection.map { ("Connection", $0) }))
}

@Suite struct HTTPRequestTests {
    @Test func http11KeepsAliveByDefault() {
        #expect(request(version: 1).wantsKeepAlive)
    }

    @Test func http10ClosesByDefault() {
        #expect(!request(version: 0).wantsKeepAlive)
    }

    @Test(arguments: ["close", "Close", "keep-alive, close", "Upgrade,CLOSE", " close "])
    func connectionCloseEndsAnHTTP11Connection(value: String) {
        #expect(!request(version: 1, connection: [value]).wantsKeepAlive)
    }

    @Test(arguments: ["keep-alive", "Keep-Alive", "TE, keep-alive"])
    func keepAliveTokenKeepsAnHTTP10Connection(value: String) {
        #expect(request(version: 0, connection: [value]).wantsKeepAlive)
    }

    @Test func closeWinsOverKeepAliveAcrossFields() {
        #expect(!request(version: 0, connection: ["keep-alive", "close"]).wantsKeepAlive)
        #expect(!request(version: 1, connection: ["keep-alive", "close"]).wantsKeepAlive)
    }

    @Test func tokensAreMatchedWholeNotAsSubstrings() {
        #expect(request(version: 1, connection: ["closed"]).wantsKeepAlive)
        #expect(!request(version: 0, connection: ["keep-alive-ish"]).wantsKeepAlive)
    }

    @Test func pathJoinsTheNormalisedSegments() {
        let request = HTTPRequest(method: "GET", target: "/a/./b", pathSegments: ["a", "b"], rawQuery: nil)
        #expect(request.path == "/a/b")
        #expect(HTTPRequest(method: "GET", target: "/", pathSegments: [], rawQuery: nil).path == "/")
    }

    @Test func queryItemsAreDecodedInOrder() {
        let request = HTTPRequest(method: "GET", target: "/", pathSegments: [], rawQuery: "q=jalan+rusak&page=2&q=x")
        #expect(request.query("q") == "jalan rusak")
        #expect(request.query("page") == "2")
        #expect(request.query("missing") == nil)
        #expect(request.queryItems.map(\.name) == ["q", "page", "q"])
    }

    @Test func mediaTypeDropsParametersAndCase() {
        let request = HTTPRequest(method: "POST", target: "/", pathSegments: [], rawQuery: nil,
                                  headers: HTTPHeaders([("Content-Type", "Application/JSON ; charset=UTF-8")]))
        #expect(request.mediaType == "application/json")
    }
}
