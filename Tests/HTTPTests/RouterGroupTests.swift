import Foundation
import HTTP
import Testing

/// A request as the parser would hand it over for `path`, from `client`.
private func request(_ method: String, _ path: String, query: String? = nil, client: String = "192.0.2.1") -> HTTPRequest {
    var request = HTTPRequest(method: method, target: path, pathSegments: path.split(separator: "/").map(String.init), rawQuery: query)
    request.clientAddress = client
    return request
}

private func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

/// Records its name in the context's trail, then runs the rest of the chain.
private struct Mark: Middleware {
    let name: String
    func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        var context = context
        context[Trail.self] = (context[Trail.self] ?? []) + [name]
        return try next(request, context)
    }
}

private enum Trail: RequestContextKey { typealias Value = [String] }

/// Answers with the trail the middleware left.
private let trail: ContextHandler = { _, context in .text((context[Trail.self] ?? []).joined(separator: ",")) }

/// Refuses every request before the handler.
private struct Refuse: Middleware {
    func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        throw HTTPError(401, "unauthenticated", "log in first")
    }
}

/// A page renderer as a service supplies one: the status and code as text/html.
private let page = ErrorRenderer { error, _, _ in
    guard let error = error as? any HTTPResponseError else { return .html("<p>500</p>", status: 500) }
    return .html("<p>\(error.code)</p>", status: error.status)
}

@Suite struct RouterGroupTests {
    @Test func routesLiveUnderTheGroupsPrefix() throws {
        var router = Router()
        router.group("/api/v1/staff") { staff in
            staff.get("/queue") { _, _ in .text("queue") }
            staff.get("/cases/{code}") { request, _ in .text(request.pathParameters["code"] ?? "") }
            staff.group("/kir") { kir in kir.get("/slots") { _, _ in .text("slots") } }
        }
        #expect(text(try router.respond(to: request("GET", "/api/v1/staff/queue"))) == "queue")
        #expect(text(try router.respond(to: request("GET", "/api/v1/staff/cases/X1"))) == "X1")
        #expect(text(try router.respond(to: request("GET", "/api/v1/staff/kir/slots"))) == "slots")
        #expect(try router.respond(to: request("GET", "/queue")).status == 404)
    }

    @Test func theGroupsPrefixAloneIsARoute() throws {
        var router = Router()
        router.group("/staff") { pages in pages.get("") { _, _ in .text("home") } }
        #expect(text(try router.respond(to: request("GET", "/staff"))) == "home")
    }

    @Test func middlewareRunsInTheOrderAddedOuterGroupFirst() throws {
        var router = Router()
        router.group("/a") { outer in
            outer.add(middleware: Mark(name: "one"))
            outer.add(middleware: Mark(name: "two"))
            outer.group("/b") { inner in
                inner.add(middleware: Mark(name: "three"))
                inner.get("/c", trail)
            }
            outer.get("/d", trail)
        }
        #expect(text(try router.respond(to: request("GET", "/a/b/c"))) == "one,two,three")
        #expect(text(try router.respond(to: request("GET", "/a/d"))) == "one,two", "an inner group's middleware stays inside it")
    }

    @Test func middlewareAppliesToTheRoutesAddedAfterIt() throws {
        var router = Router()
        router.group { group in
            group.get("/before", trail)
            group.add(middleware: Mark(name: "late"))
            group.get("/after", trail)
        }
        #expect(text(try router.respond(to: request("GET", "/before"))) == "")
        #expect(text(try router.respond(to: request("GET", "/after"))) == "late")
    }

    @Test func eachRequestStartsWithAnEmptyContext() throws {
        var router = Router()
        router.group { group in
            group.add(middleware: Mark(name: "once"))
            group.get("/x", trail)
        }
        _ = try router.respond(to: request("GET", "/x"))
        #expect(text(try router.respond(to: request("GET", "/x"))) == "once")
    }

    @Test func middlewareMayAnswerWithoutTheHandler() throws {
        var router = Router()
        let ran = ManagedFlag()
        router.group(errors: .json) { group in
            group.add(middleware: Refuse())
            group.get("/x") { _, _ in ran.set(); return .text("never") }
        }
        let response = try router.respond(to: request("GET", "/x"))
        #expect(response.status == 401 && !ran.value)
    }

    @Test func eachGroupChoosesItsErrorRenderer() throws {
        var router = Router()
        router.group("/api", errors: .json) { api in api.get("/x") { _, _ in throw HTTPError(409, "conflict", "no") } }
        router.group("/staff", errors: page) { pages in pages.get("/x") { _, _ in throw HTTPError(409, "conflict", "no") } }
        let json = try router.respond(to: request("GET", "/api/x"))
        #expect(json.status == 409 && json.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(text(json) == #"{"error":{"code":"conflict","message":"no"}}"#)
        let html = try router.respond(to: request("GET", "/staff/x"))
        #expect(html.status == 409 && text(html) == "<p>conflict</p>")
    }

    @Test func theRendererAnswersErrorsOfItsGroupsMiddlewareToo() throws {
        var router = Router()
        router.group("/staff", errors: page) { pages in
            pages.add(middleware: Refuse())
            pages.get("/x") { _, _ in .text("never") }
        }
        #expect(text(try router.respond(to: request("GET", "/staff/x"))) == "<p>unauthenticated</p>")
    }

    @Test func anInnerGroupRendersFirstAndLeavesTheRestToItsParent() throws {
        struct Fault: Error {}
        let onlyConflicts = ErrorRenderer { error, _, _ in
            (error as? HTTPError)?.status == 409 ? .text("inner", status: 409) : nil
        }
        var router = Router()
        router.group(errors: page) { outer in
            outer.group(errors: onlyConflicts) { inner in
                inner.get("/conflict") { _, _ in throw HTTPError(409, "conflict", "no") }
                inner.get("/gone") { _, _ in throw HTTPError(410, "gone", "no") }
                inner.get("/fault") { _, _ in throw Fault() }
            }
        }
        #expect(text(try router.respond(to: request("GET", "/conflict"))) == "inner")
        #expect(text(try router.respond(to: request("GET", "/gone"))) == "<p>gone</p>")
        #expect(try router.respond(to: request("GET", "/fault")).status == 500)
    }

    @Test func theJSONRendererLeavesFaultsToTheServer() {
        struct Fault: Error {}
        var router = Router()
        router.group(errors: .json) { api in api.get("/fault") { _, _ in throw Fault() } }
        #expect(throws: Fault.self) { try router.respond(to: request("GET", "/fault")) }
    }

    @Test func withoutARendererErrorsGoToTheServer() {
        var router = Router()
        router.group { group in group.get("/x") { _, _ in throw HTTPError(422, "invalid", "nope") } }
        let error = #expect(throws: HTTPError.self) { try router.respond(to: request("GET", "/x")) }
        #expect(error?.status == 422)
    }

    @Test func aGroupKeepsTheRouterRules() throws {
        var router = Router()
        router.group("/api", errors: page) { api in api.post("/complaints") { _, _ in .text("ok") } }
        let wrongMethod = try router.respond(to: request("GET", "/api/complaints"))
        #expect(wrongMethod.status == 405 && wrongMethod.headers["Allow"] == "POST")
        #expect(try router.respond(to: request("BREW", "/api/complaints")).status == 501)
    }

    @Test func aGroupRouteKeepsItsOptionsAndInline() {
        var router = Router()
        router.group("/x") { group in
            group.get("/fast", inline: true) { _, _ in .text("fast") }
            group.post("/photos", options: .uploads) { _, _ in .text("ok") }
        }
        #expect(router.match(request("GET", "/x/fast")).inline)
        #expect(router.match(request("POST", "/x/photos")).options.bodyLimit == .uploads)
    }
}

/// A flag a handler sets, readable by the test.
private final class ManagedFlag: @unchecked Sendable {
    private(set) var value = false
    func set() { value = true }
}
