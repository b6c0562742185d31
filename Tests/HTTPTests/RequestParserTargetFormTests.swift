import HTTP
import Testing

/// Limits whose served authorities are the hub's public host and a local port.
private func serving(_ authorities: String...) -> ParserLimits {
    var limits = ParserLimits()
    limits.servedAuthorities = ServedAuthorities(authorities)
    return limits
}

/// The forms a request target takes (RFC 9112 §3.2) and what the parser makes of each.
@Suite struct RequestParserTargetFormTests {
    // MARK: absolute form

    @Test func servesAnAbsoluteFormTargetNamingOurAuthority() throws {
        let text = wire("GET http://lapor.example.go.id/api/v1/categories?lang=en HTTP/1.1", "Host: lapor.example.go.id")
        let request = try #require(firstEvent(text, limits: serving("lapor.example.go.id")).request)
        #expect(request.target == "/api/v1/categories?lang=en")
        #expect(request.pathSegments == ["api", "v1", "categories"])
        #expect(request.rawQuery == "lang=en")
        #expect(request.headers["Host"] == "lapor.example.go.id")
    }

    @Test func theAbsoluteFormAuthorityReplacesTheHostHeader() throws {
        let text = wire("GET http://127.0.0.1:8080/ok HTTP/1.1", "Host: other.example")
        let request = try #require(firstEvent(text, limits: serving("127.0.0.1:8080")).request)
        #expect(request.headers.values("Host") == ["127.0.0.1:8080"])
    }

    @Test(arguments: ["http://LAPOR.example.go.id/ok", "http://lapor.example.go.id:80/ok", "https://lapor.example.go.id:443/ok",
                      "HTTPS://lapor.example.go.id/ok", "http://lapor.example.go.id:/ok"])
    func matchesTheAuthorityWithoutCaseAndWithTheSchemesDefaultPort(target: String) {
        #expect(firstEvent(wire("GET \(target) HTTP/1.1", "Host: x"), limits: serving("lapor.example.go.id")).request != nil)
    }

    @Test(arguments: ["http://evil.example/ok", "http://lapor.example.go.id:8080/ok", "https://lapor.example.go.id:80/ok",
                      "http://lapor.example.go.id.evil.example/ok", "http://localhost/ok"])
    func answers421ForAnotherAuthority(target: String) {
        let error = firstEvent(wire("GET \(target) HTTP/1.1", "Host: lapor.example.go.id"), limits: serving("lapor.example.go.id")).failure
        #expect(error?.status == 421)
        #expect(error?.code == "misdirected_request")
    }

    @Test func anAbsoluteFormTargetIsMisdirectedWhenNoAuthorityIsConfigured() {
        #expect(firstEvent(wire("GET http://localhost/ok HTTP/1.1", "Host: localhost")).failure?.status == 421)
    }

    @Test func anAbsoluteFormTargetWithoutAPathIsTheRoot() throws {
        let limits = serving("hub.example")
        #expect(try #require(firstEvent(wire("GET http://hub.example HTTP/1.1", "Host: a"), limits: limits).request).target == "/")
        let query = try #require(firstEvent(wire("GET http://hub.example?q=1 HTTP/1.1", "Host: a"), limits: limits).request)
        #expect(query.target == "/?q=1" && query.rawQuery == "q=1")
    }

    @Test(arguments: ["http://user@hub.example/ok", "http://user:pass@hub.example/ok", "ftp://hub.example/ok",
                      "http:///ok", "http://hub example/ok", "http://hub.example:80a/ok", "http://[::1/ok"])
    func rejectsABrokenAbsoluteFormTarget(target: String) {
        #expect(firstEvent(wire("GET \(target) HTTP/1.1", "Host: hub.example"), limits: serving("hub.example")).failure?.status == 400)
    }

    @Test func anAbsoluteFormTargetStillNeedsTheHostHeaderOfHTTP11() {
        let limits = serving("hub.example")
        #expect(firstEvent(wire("GET http://hub.example/ok HTTP/1.1"), limits: limits).failure?.status == 400)
        #expect(firstEvent(wire("GET http://hub.example/ok HTTP/1.0"), limits: limits).request?.headers["Host"] == "hub.example")
    }

    @Test func anAbsoluteFormPathIsNormalisedLikeAnyOther() {
        let limits = serving("hub.example")
        #expect(firstEvent(wire("GET http://hub.example/a/../b HTTP/1.1", "Host: a"), limits: limits).request?.path == "/b")
        #expect(firstEvent(wire("GET http://hub.example/../etc HTTP/1.1", "Host: a"), limits: limits).failure?.status == 400)
    }

    // MARK: other forms

    @Test(arguments: ["example.com:443", "complaints", "hub.example/ok"])
    func rejectsAuthorityFormAndRelativeTargets(target: String) {
        #expect(firstEvent(wire("GET \(target) HTTP/1.1", "Host: a"), limits: serving("hub.example", "example.com:443")).failure?.status == 400)
    }

    // MARK: fragments

    @Test(arguments: ["/ok#top", "/ok?a=1#x", "/#", "http://hub.example/ok#top"])
    func rejectsAFragmentInTheTarget(target: String) {
        let error = firstEvent(wire("GET \(target) HTTP/1.1", "Host: hub.example"), limits: serving("hub.example")).failure
        #expect(error?.status == 400)
        #expect(error?.code == "bad_target")
    }

    @Test func anEncodedHashIsPartOfThePath() {
        #expect(firstEvent(wire("GET /a%23b HTTP/1.1", "Host: a")).request?.pathSegments == ["a#b"])
    }
}
