import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// The gateway's paths: citizen pages, the public tracking view and category list, and forwarding
/// of everything else to the module that owns it.
struct GatewayRoutes: Sendable {
    let pool: PostgresPool
    let proxy: Proxy
    let categories: CategoryCache
    /// Submissions per client address (form, JSON, Open311, SMS webhook).
    let submissions: RateLimiter
    /// Tracking lookups per client address, so codes cannot be guessed by brute force.
    let lookups: RateLimiter
    /// Turns failures on the pages' routes into pages.
    let failures: BrowserFailures

    /// Route options admitting a client while `limiter` has a token for it: a refused client gets 429
    /// (as a page on the pages' routes) from the request's head, before its body is read.
    /// - Parameters:
    ///   - bodyLimit: the route's body limit (`.uploads` on the routes that take photos).
    ///   - page: the refusal is a page in the reader's language rather than JSON.
    func admitted(by limiter: RateLimiter, bodyLimit: RouteOptions.BodyLimit = .standard, page: Bool = false) -> RouteOptions {
        let failures = self.failures
        return RouteOptions(bodyLimit: bodyLimit) { request in
            guard let wait = limiter.take(request.clientAddress) else { return nil }
            let refusal = RateLimiter.tooManyRequests(retryAfter: wait)
            return page ? failures.page(status: refusal.status, request, keeping: refusal.headers) : refusal
        }
    }

    func router() -> Router {
        var router = Router()
        let routes = self
        let page = failures.pages
        router.get("/", page { request in try routes.form(request) })
        router.get("/track", page { request in routes.trackLookup(request) })
        router.get(FormScript.path) { _ in
            var response = HTTPResponse(status: 200, body: Array(FormScript.source.utf8))
            response.headers.add("Content-Type", "text/javascript; charset=utf-8")
            response.headers.add("Cache-Control", "public, max-age=3600")
            response.headers.add("X-Content-Type-Options", "nosniff")
            return response
        }
        let lookup = admitted(by: lookups)
        router.get("/track/{code}", options: admitted(by: lookups, page: true), page { request in try routes.trackPage(request) })
        router.get("/api/v1/categories") { request in try routes.categoryList(request) }
        router.get("/api/v1/complaints/{code}", options: lookup) { request in try routes.publicCase(request) }
        router.get("/api/v1/complaints/{code}/photos/{position}", options: lookup) { request in
            try routes.publicPhoto(request, purpose: "report")
        }
        router.get("/api/v1/complaints/{code}/resolution-photos/{position}", options: lookup) { request in
            try routes.publicPhoto(request, purpose: "resolution")
        }
        router.get("/api/v1/photos/{id}", options: lookup) { request in try routes.publicPhotoByID(request) }
        router.post("/api/v1/complaints", options: admitted(by: submissions)) { request in routes.proxy.forward(request, to: .intake) }
        router.post("/complaints", options: admitted(by: submissions, bodyLimit: .uploads, page: true),
                    page { request in routes.proxy.forward(request, to: .intake) })
        // The citizen's answer to a resolution is a write, taken by intake; limited like lookups, since it needs a code.
        router.post("/track/{code}/feedback", options: admitted(by: lookups, page: true),
                    page { request in routes.proxy.forward(request, to: .intake) })
        router.post("/api/v1/complaints/{code}/feedback", options: lookup) { request in routes.proxy.forward(request, to: .intake) }
        // The SMS gateway is one address speaking for many citizens, and it authenticates with its secret.
        router.post("/api/v1/inbound/sms") { request in routes.proxy.forward(request, to: .intake) }
        // The queue and the staff home are the account's module's; every other staff path is forwarded
        // by its prefix (`Forwarding`), whatever its method (the fallback takes the other methods), so
        // the module answers it, 404 and 405 included.
        router.get("/staff", page { request in try routes.forwardStaffHome(request) })
        router.get("/api/v1/staff/queue") { request in try routes.forwardQueue(request) }
        for root in Forwarding.roots {
            router.get(root) { request in try routes.forwardStaff(request) }
            // Resolving on the case page may carry after-photos.
            router.post(root, options: root == "/staff/*" ? .uploads : .standard) { request in try routes.forwardStaff(request) }
        }
        router.add("GET", "/open311/*", options: lookup) { request in routes.proxy.forward(request, to: .intake) }
        router.add("POST", "/open311/*", options: admitted(by: submissions)) { request in routes.proxy.forward(request, to: .intake) }
        // Other methods reach intake too, so Open311 clients get Open311's own error shape.
        for method in ["HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"] {
            router.add(method, "/open311/*") { request in routes.proxy.forward(request, to: .intake) }
        }
        router.fallback = fallback(answeringAs: router)
        return router
    }

    /// What no route takes: a staff path with another method is forwarded; anything else gets the
    /// answer `own` (with the health routes the runner adds) gives without a fallback: 405 with Allow
    /// for a path served with other methods, else 404.
    func fallback(answeringAs own: Router) -> HTTPHandler {
        var own = own
        // Only their methods matter here: a GET of them is the runner's route and never reaches the fallback.
        for path in HealthRoutes.paths { own.get(path) { request in .error(404, code: "not_found", message: "no such resource: \(request.path)") } }
        let routes = self
        return { [own] request in
            if Forwarding.destination(of: request.pathSegments) != nil { return try routes.forwardStaff(request) }
            return try own.match(request).handler(request)
        }
    }

    // MARK: citizen pages

    func form(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let choices = try categories.all().map { CategoryChoice($0, language: language) }
        return .html(ComplaintFormPage.render(categories: choices, language: language, formToken: FormToken.generate()))
    }

    func trackLookup(_ request: HTTPRequest) -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        guard let text = request.query("code"), let code = TrackingCode(parsing: text) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        return .redirect(to: "/track/\(code.value)\(language == .en ? "?lang=en" : "")")
    }

    func trackPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let found = try pool.withConnection({ try PublicCase.load(code.value, on: $0) }) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        let view = TrackingView(found, code: code, language: language)
        var response = HTTPResponse.html(TrackingPage.render(view, language: language, justSubmitted: request.query("new") == "1",
                                                                  feedbackRecorded: request.query("feedback") == "1"))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    // MARK: public JSON

    func categoryList(_ request: HTTPRequest) throws -> HTTPResponse {
        let list = try categories.all().map { category -> [String: Any] in
            [
                "code": category.code, "name_id": category.nameID, "name_en": category.nameEN,
                "module": category.module.rawValue, "agency": category.agency, "keyword": category.keyword,
                "subcategories": category.subcategories.map { ["code": $0.code, "name_id": $0.nameID, "name_en": $0.nameEN] },
            ]
        }
        return .json(["categories": list])
    }

    func publicCase(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let found = try pool.withConnection({ try PublicCase.load(code.value, on: $0) }) else {
            return .error(404, code: "complaint_not_found", message: "no complaint has this tracking code")
        }
        var response = HTTPResponse.json(found.jsonObject(language: language))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// A photo's bytes, only where the complaint is not confidential (the same 404 otherwise).
    func publicPhoto(_ request: HTTPRequest, purpose: String) throws -> HTTPResponse {
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let position = request.pathParameter("position", as: Int32.self),
              let (mediaType, bytes) = try pool.withConnection({
                  try PublicPhoto.load(code: code.value, position: Int(position), purpose: purpose, on: $0)
              }) else {
            return .error(404, code: "photo_not_found", message: "no such photo, or the complaint is confidential")
        }
        return Self.photoResponse(mediaType: mediaType, bytes: bytes)
    }

    /// A public photo by its id (Open311's media_url), so no tracking code appears in public lists.
    func publicPhotoByID(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let id = request.pathParameter("id", as: Int64.self),
              let (mediaType, bytes) = try pool.withConnection({ try PublicPhoto.load(id: id, on: $0) }) else {
            return .error(404, code: "photo_not_found", message: "no such photo, or the complaint is confidential")
        }
        return Self.photoResponse(mediaType: mediaType, bytes: bytes)
    }

    static func photoResponse(mediaType: String, bytes: Data) -> HTTPResponse {
        .image([UInt8](bytes), mediaType: mediaType, cacheControl: "private, max-age=300")
    }

    // MARK: staff forwarding

    /// Staff queues are served by the account's own module; inspectors and admins, who see every
    /// module, are served by intake.
    func forwardQueue(_ request: HTTPRequest) throws -> HTTPResponse {
        let account = try StaffAuthentication.require(request, pool: pool)
        let module = account.role.seesEveryModule ? .intake : (account.module ?? .intake)
        return proxy.forward(request, to: module)
    }

    /// The queue page is the account's module's; without a session, intake sends the browser to the login page.
    func forwardStaffHome(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let token = StaffCookie.session.value(in: request),
              let account = try pool.withConnection({ try AccountStore.account(forToken: token, on: $0) }) else {
            return proxy.forward(request, to: .intake)
        }
        let module = account.role.seesEveryModule ? .intake : (account.module ?? .intake)
        return proxy.forward(request, to: module)
    }

    /// A staff path to the module whose prefix it is under (`Forwarding`); a case's paths to the
    /// module that owns the case now. What the gateway fails at itself is a page on the pages' prefixes.
    func forwardStaff(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let (prefix, code) = Forwarding.destination(of: request.pathSegments) else {
            return proxy.forward(request, to: .intake)
        }
        do {
            return try proxy.send(request, to: try owner(prefix.owner, code: code))
        } catch let error where prefix.rendering == .page {
            return failures.page(for: error, request)
        }
    }

    func owner(_ owner: Forwarding.Owner, code: String) throws -> ModuleName {
        switch owner {
        case .module(let module):
            return module
        case .caseOwner:
            guard let code = TrackingCode(pathParameter: code) else { return .intake }
            return try pool.withConnection { try CaseStore.owner(of: code, on: $0) } ?? .intake
        }
    }
}
