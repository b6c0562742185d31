import HTTP
import Testing

private func request(_ method: String, _ path: String, client: String) -> HTTPRequest {
    var request = HTTPRequest(method: method, target: path, pathSegments: path.split(separator: "/").map(String.init), rawQuery: nil)
    request.clientAddress = client
    return request
}

private let page = ErrorRenderer { error, _, _ in
    guard let error = error as? any HTTPResponseError else { return nil }
    var response = HTTPResponse.html("<p>\(error.status)</p>", status: error.status)
    for field in error.headers.fields { response.headers.add(field.name, field.value) }
    return response
}

@Suite struct RateLimitTests {
    /// A limiter of one request per client, on a clock that never moves.
    func oneEach() -> RateLimiter { RateLimiter(perMinute: 1, burst: 1, clock: { 0 }) }

    @Test func refusesFromTheHeadWith429AndRetryAfter() throws {
        var router = Router()
        router.group(errors: .json) { group in
            group.add(middleware: RateLimit(oneEach()))
            group.post("/complaints") { _, _ in .text("taken") }
        }
        let admission = try #require(router.match(request("POST", "/complaints", client: "a")).options.admission)
        #expect(admission(request("POST", "/complaints", client: "a")) == nil)
        let refusal = try #require(admission(request("POST", "/complaints", client: "a")))
        #expect(refusal.status == 429 && refusal.headers["Retry-After"] == "60")
        #expect(String(decoding: refusal.body, as: UTF8.self)
                == #"{"error":{"code":"rate_limited","message":"too many requests; retry in 60 s"}}"#)
        #expect(admission(request("POST", "/complaints", client: "b")) == nil, "each client has its own bucket")
    }

    @Test func theRefusalIsRenderedByTheGroup() throws {
        var router = Router()
        router.group(errors: page) { pages in
            pages.add(middleware: RateLimit(oneEach()))
            pages.get("/track/{code}") { _, _ in .text("tracked") }
        }
        #expect(try router.respond(to: request("GET", "/track/X", client: "a")).status == 200)
        let refused = try router.respond(to: request("GET", "/track/X", client: "a"))
        #expect(refused.status == 429 && refused.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(refused.headers["Retry-After"] == "60")
    }

    @Test func anAdmittedRequestTakesOneTokenOnly() throws {
        var router = Router()
        let limiter = RateLimiter(perMinute: 1, burst: 2, clock: { 0 })
        router.group { group in
            group.add(middleware: RateLimit(limiter))
            group.get("/x") { _, _ in .text("ok") }
        }
        #expect(try router.respond(to: request("GET", "/x", client: "a")).status == 200)
        #expect(try router.respond(to: request("GET", "/x", client: "a")).status == 200)
        #expect(try router.respond(to: request("GET", "/x", client: "a")).status == 429)
    }

    @Test func theRoutesOwnAdmissionRunsAfterTheGroups() throws {
        var router = Router()
        router.group { group in
            group.add(middleware: RateLimit(oneEach()))
            group.get("/x", options: RouteOptions(admission: { _ in .text("route refuses", status: 403) })) { _, _ in .text("ok") }
        }
        #expect(try router.respond(to: request("GET", "/x", client: "a")).status == 403)
        #expect(try router.respond(to: request("GET", "/x", client: "a")).status == 429)
    }
}

/// A limiter that cannot decide at the head (a limit shared through a database) refuses in the chain.
private struct DecidesInTheChain: RateLimiting {
    func admitAtHead(_ key: String) -> Int? { nil }
    func admitInChain(_ key: String) -> Int? { key == "a" ? 7 : nil }
}

extension RateLimitTests {
    @Test func aLimiterThatDecidesInTheChainIsRenderedByTheGroupToo() throws {
        var router = Router()
        router.group(errors: page) { pages in
            pages.add(middleware: RateLimit(DecidesInTheChain()))
            pages.get("/track/{code}") { _, _ in .text("tracked") }
        }
        #expect(router.match(request("GET", "/track/X", client: "a")).options.admission?(request("GET", "/track/X", client: "a")) == nil)
        let refused = try router.respond(to: request("GET", "/track/X", client: "a"))
        #expect(refused.status == 429 && refused.headers["Retry-After"] == "7")
        #expect(refused.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(try router.respond(to: request("GET", "/track/X", client: "b")).status == 200)
    }
}
