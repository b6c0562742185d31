import Foundation
import HTTP
import Testing

/// A request as the parser would hand it over for `path`.
private func request(_ method: String, _ path: String) -> HTTPRequest {
    HTTPRequest(method: method, target: path, pathSegments: path.split(separator: "/").map(String.init), rawQuery: nil)
}

/// A handler that answers with its name and the path parameters it saw.
private func echo(_ name: String) -> HTTPHandler {
    { request in
        let parameters = request.pathParameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return .text(([name] + parameters).joined(separator: " "))
    }
}

private func bodyText(_ response: HTTPResponse) -> String {
    String(decoding: response.body, as: UTF8.self)
}

@Suite struct RouterTests {
    @Test func extractsPathParameters() throws {
        var router = Router()
        router.get("/api/v1/complaints/{code}/events/{event}", echo("event"))
        let response = try router.respond(to: request("GET", "/api/v1/complaints/ABCD1234EFGH5/events/7"))
        #expect(response.status == 200)
        #expect(bodyText(response) == "event code=ABCD1234EFGH5 event=7")
    }

    @Test func matchesWholePathsOnly() throws {
        var router = Router()
        router.get("/a/b", echo("ab"))
        #expect(try router.respond(to: request("GET", "/a/b")).status == 200)
        #expect(try router.respond(to: request("GET", "/a")).status == 404)
        #expect(try router.respond(to: request("GET", "/a/b/c")).status == 404)
        #expect(try router.respond(to: request("GET", "/a/c")).status == 404)
    }

    @Test func firstMatchingRouteWins() throws {
        var router = Router()
        router.get("/complaints/new", echo("literal"))
        router.get("/complaints/{code}", echo("parameter"))
        #expect(bodyText(try router.respond(to: request("GET", "/complaints/new"))) == "literal")
        #expect(bodyText(try router.respond(to: request("GET", "/complaints/X1"))) == "parameter code=X1")
    }

    @Test func trailingWildcardMatchesAnyRest() throws {
        var router = Router()
        router.get("/static/*", echo("static"))
        #expect(bodyText(try router.respond(to: request("GET", "/static/css/site.css"))) == "static")
        #expect(bodyText(try router.respond(to: request("GET", "/static/app.js"))) == "static")
        #expect(try router.respond(to: request("GET", "/other/app.js")).status == 404)
    }

    @Test func answers405WithAllowListingTheMethods() throws {
        var router = Router()
        router.post("/complaints", echo("create"))
        router.add("PUT", "/complaints", echo("replace"))
        let response = try router.respond(to: request("DELETE", "/complaints"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "POST, PUT")
    }

    @Test func allowAddsHeadWhenGetExists() throws {
        var router = Router()
        router.get("/complaints/{code}", echo("show"))
        router.post("/complaints/{code}", echo("act"))
        let response = try router.respond(to: request("PATCH", "/complaints/X1"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
    }

    @Test func allowListsEachMethodOnce() throws {
        var router = Router()
        router.post("/a/{x}", echo("one"))
        router.post("/a/{y}", echo("two"))
        let response = try router.respond(to: request("GET", "/a/1"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "POST")
    }

    /// Every method of the IANA registry, QUERY and WebDAV's among them, is known: a path that does
    /// not serve it answers 405 with Allow, not 501.
    @Test(arguments: ["QUERY", "PROPFIND", "MKCOL", "PRI", "VERSION-CONTROL", "UPDATEREDIRECTREF", "PATCH", "PUT", "DELETE",
                      "CONNECT", "TRACE", "OPTIONS", "SEARCH", "LINK", "UNLINK", "ACL"])
    func answers405WithAllowForRegisteredMethodsAPathDoesNotServe(method: String) throws {
        var router = Router()
        router.get("/coffee", echo("coffee"))
        router.post("/coffee", echo("brew"))
        let response = try router.respond(to: request(method, "/coffee"))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
        #expect(try router.respond(to: request(method, "/nowhere")).status == 404)
    }

    @Test func theRegistryHoldsTheFortyIANAMethods() {
        #expect(HTTPMethodRegistry.methods.count == 40)
        #expect(HTTPMethodRegistry.methods.allSatisfy { $0 == $0.uppercased() })
        #expect(!HTTPMethodRegistry.contains("query") && HTTPMethodRegistry.contains("QUERY"))
    }

    @Test(arguments: ["BREW", "get", "FOO", "Query", "PROPFIND2", "*"])
    func answers501ForUnknownMethods(method: String) throws {
        var router = Router()
        router.get("/coffee", echo("coffee"))
        #expect(try router.respond(to: request(method, "/coffee")).status == 501)
        #expect(try router.respond(to: request(method, "/nowhere")).status == 501)
    }

    @Test func answers404JSONWhenNothingMatches() throws {
        var router = Router()
        router.get("/a", echo("a"))
        let response = try router.respond(to: request("GET", "/missing/thing"))
        #expect(response.status == 404)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "not_found")
        #expect(error["message"] is String)
    }

    @Test func headIsServedByAGetRoute() throws {
        var router = Router()
        router.get("/complaints/{code}", echo("show"))
        let response = try router.respond(to: request("HEAD", "/complaints/X1"))
        #expect(response.status == 200)
        #expect(bodyText(response) == "show code=X1")
    }

    @Test func headRouteIsPreferredWhenDeclaredFirst() throws {
        var router = Router()
        router.add("HEAD", "/x", echo("head"))
        router.get("/x", echo("get"))
        #expect(bodyText(try router.respond(to: request("HEAD", "/x"))) == "head")
        #expect(bodyText(try router.respond(to: request("GET", "/x"))) == "get")
    }

    @Test func mergeAddsTheOtherRoutersRoutes() throws {
        var api = Router()
        api.get("/api/ping", echo("pong"))
        var router = Router()
        router.merge(api)
        #expect(bodyText(try router.respond(to: request("GET", "/api/ping"))) == "pong")
    }

    @Test func handlerErrorsPropagate() {
        var router = Router()
        router.post("/fail") { _ in throw HTTPError(422, "invalid", "nope") }
        let error = #expect(throws: HTTPError.self) { try router.respond(to: request("POST", "/fail")) }
        #expect(error?.status == 422)
    }
}

@Suite struct RouterInlineTests {
    @Test func inlineIsDecidedPerRoute() {
        var router = Router()
        router.get("/healthz", inline: true, echo("health"))
        router.get("/readyz", echo("ready"))
        #expect(router.match(request("GET", "/healthz")).inline)
        #expect(router.match(request("HEAD", "/healthz")).inline)
        #expect(!router.match(request("GET", "/readyz")).inline)
    }

    @Test func refusalsNeedNoWorker() throws {
        var router = Router()
        router.post("/complaints", echo("create"))
        for (method, path, status) in [("GET", "/complaints", 405), ("GET", "/missing", 404), ("BREW", "/complaints", 501)] {
            let match = router.match(request(method, path))
            #expect(match.inline)
            #expect(try match.handler(request(method, path)).status == status)
        }
    }

    @Test func matchCarriesThePathParameters() {
        var router = Router()
        router.get("/complaints/{code}", inline: true, echo("show"))
        #expect(router.match(request("GET", "/complaints/X1")).parameters == ["code": "X1"])
    }
}

@Suite struct RouterAnyMethodTests {
    @Test func anAnyMethodRouteTakesEveryRegisteredMethodAfterTheRoutesBeforeIt() throws {
        var router = Router()
        router.get("/api/queue", echo("queue"))
        router.add(Router.anyMethod, "/api/*", echo("forwarded"))
        #expect(bodyText(try router.respond(to: request("GET", "/api/queue"))) == "queue")
        for method in ["PUT", "PROPFIND", "DELETE"] {
            #expect(bodyText(try router.respond(to: request(method, "/api/queue"))) == "forwarded",
                    "\(method): its owner answers, 405 and Allow included")
        }
        #expect(try router.respond(to: request("BREW", "/api/queue")).status == 501)
        #expect(try router.respond(to: request("GET", "/other")).status == 404)
    }
}
