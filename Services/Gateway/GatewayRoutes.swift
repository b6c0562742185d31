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
    /// The primary: staff sessions, a case's owner for forwarding, the reference data's copies.
    let pool: PostgresPool
    /// The public reads (tracking, public reports, open data, statistics): on the read replica when
    /// `HUB_DATABASE_READ_URL` is set and it is caught up, and past the reader's own write
    /// (`WrittenPosition`); else on `pool`.
    let reads: ReadPool
    let proxy: Proxy
    let categories: CategoryCache
    /// The region's outlines for the form's map (issue 17).
    let regionMaps: RegionMapCache
    /// The known regions, whose names the form suggests.
    let regions: RegionCache
    /// Submissions per client address (form, JSON, Open311, SMS webhook), shared by the replicas.
    let submissions: any RateLimiting
    /// Tracking lookups per client address, so codes cannot be guessed by brute force, shared by the replicas.
    let lookups: any RateLimiting
    /// Turns failures on the pages' routes into pages: middleware and the pages' error renderer.
    let failures: BrowserFailures
    /// How reporters are told here (`HUB_SMTP_URL`, `HUB_TEXT_GATEWAY_URL`): what the form promises.
    var notices: NoticeChannels = .none
    /// The site's own URL (`HUB_PUBLIC_URL`): the open data's and the feeds' absolute links.
    var siteURL = PublicURL("http://localhost:8080")!

    /// The public statistics' page and data.
    var statistics: StatisticsRoutes {
        StatisticsRoutes(reads: reads, categories: categories, cache: statisticsCache, areaCache: areaStatisticsCache, regions: regions)
    }
    /// The statistics computed per filter while the rollup stands.
    let statisticsCache = StatisticsCache<StatisticsReport>()
    /// The statistics per desa computed per filter while the rollup stands.
    let areaStatisticsCache = StatisticsCache<AreaStatistics>()
    /// The open data's heavy pages, a few at a time.
    let exports = ExportGate()
    /// The public map's hotspots per category, at most 30 seconds old.
    let recentHotspots = RecentAnswers<String, [Hotspot]>()

    /// The account store's sessions, for the routes that choose a module by the signed-in account.
    var sessions: StaffSessions {
        let pool = self.pool
        return StaffSessions { token in try pool.withConnection { try AccountStore.session(forToken: token, on: $0) } }
    }

    func router() -> Router {
        var router = Router()
        let routes = self
        let forward = { (module: ModuleName) -> ContextHandler in { request, _ in routes.proxy.forward(request, to: module) } }
        router.get(FormScript.path) { _ in
            var response = HTTPResponse(status: 200, body: Array(FormScript.source.utf8))
            response.headers.add("Content-Type", "text/javascript; charset=utf-8")
            response.headers.add("Cache-Control", "public, max-age=3600")
            response.headers.add("X-Content-Type-Options", "nosniff")
            return response
        }
        // An image, not a page: its errors keep the hub's JSON shape.
        router.get("/staff/cases/{code}/photos/{id}") { request in try routes.forwardCase(request) }
        // What a browser reads: every failure is a page, the rate limiters' included.
        router.group(errors: failures.renderer) { pages in
            pages.add(middleware: PageLanguage())
            pages.add(middleware: failures)
            pages.get("/") { request, context in try routes.form(language: context.language(of: request)) }
            pages.get("/track") { request, context in routes.trackLookup(request, language: context.language(of: request)) }
            // The public statistics (issue 17): a bad filter is answered on the page itself, with a 400.
            pages.get("/statistik") { request, context in try routes.statistics.page(request, language: context.language(of: request)) }
            // The public reports: the list, each report's page and the map (issue 17).
            routes.addPublicReportPages(to: &pages)
            pages.group { looked in
                looked.add(middleware: RateLimit(lookups))
                looked.get("/track/{code}") { request, context in try routes.trackPage(request, language: context.language(of: request)) }
                // The citizen's answer to a resolution is a write, taken by intake; limited like lookups, since it needs a code.
                looked.post("/track/{code}/feedback", forward(.intake))
                // Following a public case, and the follower's links (issue 14): taken by intake. A link
                // opened shows its button; the button's POST (or a mail client's one-click POST) acts.
                looked.post("/track/{code}/followers", forward(.intake))
                // Following a public report from its page (issue 17): by its public id, never its code.
                looked.post("/laporan/{id}/followers", forward(.intake))
                for link in FollowLink.allCases {
                    looked.get(link.path("{token}"), forward(.intake))
                    looked.post(link.path("{token}"), forward(.intake))
                }
                // A letter's position as the citizen's page (the receipt's address): intake renders it.
                looked.get("/letters/{code}", forward(.intake))
            }
            // A lost code (issue 14): intake limits it per address and per contact in PostgreSQL.
            pages.get("/codes/resend", forward(.intake))
            pages.post("/codes/resend", forward(.intake))
            pages.group { submitted in
                submitted.add(middleware: RateLimit(submissions))
                submitted.post("/complaints", options: .uploads, forward(.intake))
                // The reporter's answer to the officer stores text and photos: limited like submissions.
                submitted.post("/track/{code}/replies", options: .uploads, forward(.intake))
            }
            // The staff pages by prefix, whatever the method: a case's to its owner, the rest (signing
            // in, accounts, the home without a session) to intake; the module answers its own 404 and 405.
            pages.group("/staff") { staff in
                staff.group { signedIn in
                    signedIn.add(middleware: StaffSessionMiddleware(sessions, .pages))
                    signedIn.get("") { request, context in routes.forwardStaffHome(request, account: context.staffSession?.account) }
                }
                // Resolving on the case page may carry after-photos.
                for pattern in ["/cases/{code}", "/cases/{code}/*"] {
                    staff.add(Router.anyMethod, pattern, options: .uploads) { request, _ in try routes.forwardCase(request) }
                }
                // The walk-in desk's form may carry the visitor's photos.
                staff.add(Router.anyMethod, "/desk", options: .uploads, forward(.intake))
                staff.add(Router.anyMethod, "/*", forward(.intake))
            }
        }
        router.group(errors: .json) { api in
            api.get("/api/v1/categories") { request, _ in try routes.categoryList(request) }
            api.get("/api/v1/letter-types", forward(.intake))
            api.get("/api/v1/stats") { request, _ in try routes.statistics.json(request) }
            api.get("/api/v1/stats.csv") { request, _ in try routes.statistics.csv(request) }
            api.get("/api/v1/stats.geojson") { request, _ in
                try routes.exports.run { try routes.statistics.geoJSON(request, maps: routes.regionMaps) }
            }
            // The public reports as open data, and an Atom feed per area (issue 17).
            routes.addOpenData(to: &api)
            api.group { looked in
                looked.add(middleware: RateLimit(lookups))
                looked.get("/api/v1/complaints/{code}") { request, _ in try routes.publicCase(request) }
                looked.get("/api/v1/complaints/{code}/photos/{position}") { request, _ in try routes.publicPhoto(request, purpose: .report) }
                looked.get("/api/v1/complaints/{code}/resolution-photos/{position}") { request, _ in
                    try routes.publicPhoto(request, purpose: .resolution)
                }
                looked.get("/api/v1/photos/{id}") { request, _ in try routes.publicPhotoByID(request) }
                looked.post("/api/v1/complaints/{code}/feedback", forward(.intake))
                looked.post("/api/v1/complaints/{code}/followers", forward(.intake))
                // A letter's public position and its PDF: the letter's code is the credential, limited like tracking codes.
                looked.get("/api/v1/letters/{code}", forward(.intake))
                looked.get("/api/v1/letters/{code}/pdf", forward(.intake))
                // A letter's verification link (its QR code), a page or JSON by Accept: intake renders both,
                // so it stays out of the pages' group, which would turn its JSON refusal into a page.
                looked.get("/verify/{number}", forward(.intake))
                looked.add("GET", "/open311/*", forward(.intake))
            }
            api.group { submitted in
                submitted.add(middleware: RateLimit(submissions))
                submitted.post("/api/v1/complaints", forward(.intake))
                submitted.post("/api/v1/complaints/{code}/replies", options: .uploads, forward(.intake))
                submitted.add("POST", "/open311/*", forward(.intake))
            }
            // Other methods reach intake too, so Open311 clients get Open311's own error shape.
            for method in ["HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"] {
                api.add(method, "/open311/*", forward(.intake))
            }
            // A lost code (issue 14): intake limits it per address and per contact in PostgreSQL.
            api.post("/api/v1/codes/resend", forward(.intake))
            // The SMS gateway is one address speaking for many citizens, and it authenticates with its secret.
            api.post("/api/v1/inbound/sms", forward(.intake))
            // The text gateway's inbound replies, authenticated the same way.
            api.post("/api/v1/inbound/text", forward(.intake))
            // The staff JSON goes by prefix to the module that owns it, which answers its own 404 and
            // 405: the queue to the account's module, a case to its owner, public works' roster and
            // kir's appointments to them, the rest (signing in, accounts, the desk) to intake.
            api.group("/api/v1/staff") { staff in
                staff.group { signedIn in
                    signedIn.add(middleware: StaffSessionMiddleware(sessions, .api()))
                    signedIn.get("/queue") { request, context in try routes.forwardQueue(request, account: try context.staffAccount()) }
                }
                for pattern in ["/cases/{code}", "/cases/{code}/*"] {
                    staff.add(Router.anyMethod, pattern) { request, _ in try routes.forwardCase(request) }
                }
                staff.add(Router.anyMethod, "/roster/*", forward(.publicWorks))
                staff.add(Router.anyMethod, "/kir/*", forward(.kir))
                staff.add(Router.anyMethod, "/*", forward(.intake))
            }
        }
        return router
    }

    // MARK: citizen pages

    func form(language: Language) throws -> HTTPResponse {
        let choices = try categories.all().map { CategoryChoice($0, language: language) }
        let picker = try regionMaps.drawing().map { MapPicker(projection: $0.projection, outlines: $0.outlines) }
        return .html(ComplaintFormPage.render(categories: choices, language: language, formToken: FormToken.generate(),
                                              notices: notices, areas: try regions.value(), picker: picker))
    }

    func trackLookup(_ request: HTTPRequest, language: Language) -> HTTPResponse {
        guard let text = request.query("code"), let code = TrackingCode(parsing: text) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        return .redirect(to: "/track/\(code.value)\(language == .en ? "?lang=en" : "")")
    }

    func trackPage(_ request: HTTPRequest, language: Language) throws -> HTTPResponse {
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let found = try reads.lookup(for: request, { try PublicCase.load(code.value, on: $0) }) else {
            return .html(TrackingPage.notFound(language: language), status: 404)
        }
        let view = TrackingView(found, code: code, language: language)
        let justSubmitted = request.query("new") == "1"
        let confirmation = justSubmitted ? try self.confirmation(of: found, for: request) : nil
        var response = HTTPResponse.html(TrackingPage.render(view, language: language, justSubmitted: justSubmitted,
                                                                  feedbackRecorded: request.query("feedback") == "1",
                                                                  confirmation: confirmation, replyRecorded: request.query("replied") == "1",
                                                                  following: notices.email))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// Who handles a case just submitted, its next step with the deadline, and how the citizen will hear.
    func confirmation(of found: PublicCase, for request: HTTPRequest) throws -> CaseConfirmation {
        CaseConfirmation(try reads.withConnection(for: request) { try CaseOutlook.load(found, on: $0) }, notices: notices)
    }

    // MARK: public JSON

    func categoryList(_ request: HTTPRequest) throws -> HTTPResponse {
        let list = try categories.all().map { category -> JSONValue in
            [
                "code": .string(category.code), "name_id": .string(category.nameID), "name_en": .string(category.nameEN),
                "module": .string(category.module.rawValue), "agency": .string(category.agency), "keyword": .string(category.keyword),
                "subcategories": .array(category.subcategories.map {
                    ["code": .string($0.code), "name_id": .string($0.nameID), "name_en": .string($0.nameEN)]
                }),
            ]
        }
        return .json(["categories": .array(list)])
    }

    func publicCase(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let found = try reads.lookup(for: request, { try PublicCase.load(code.value, on: $0) }) else {
            return Refusal.complaintNotFound.jsonResponse
        }
        var response = HTTPResponse.json(found.json(language: language))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// A photo's bytes, only where the complaint is not confidential (the same 404 otherwise).
    func publicPhoto(_ request: HTTPRequest, purpose: PhotoPurpose) throws -> HTTPResponse {
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let position = request.pathParameter("position", as: Int32.self),
              let (mediaType, bytes) = try reads.lookup(for: request, {
                  try PublicPhoto.load(code: code.value, position: Int(position), purpose: purpose, on: $0)
              }) else {
            return Refusal.photoNotFound.jsonResponse
        }
        return Self.photoResponse(mediaType: mediaType, bytes: bytes)
    }

    /// A public photo by its id (Open311's media_url), so no tracking code appears in public lists.
    func publicPhotoByID(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let id = request.pathParameter("id", as: Int64.self),
              let (mediaType, bytes) = try reads.lookup(for: request, { try PublicPhoto.load(id: id, on: $0) }) else {
            return Refusal.photoNotFound.jsonResponse
        }
        return Self.photoResponse(mediaType: mediaType, bytes: bytes)
    }

    static func photoResponse(mediaType: String, bytes: Data) -> HTTPResponse {
        .image([UInt8](bytes), mediaType: mediaType, cacheControl: "private, max-age=300")
    }

    // MARK: staff forwarding

    /// Staff queues are served by the account's own module; inspectors and admins, who see every
    /// module, are served by intake.
    func forwardQueue(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        proxy.forward(request, to: account.queueModule)
    }

    /// The queue page is the account's module's; without a session, intake sends the browser to the login page.
    func forwardStaffHome(_ request: HTTPRequest, account: Account?) -> HTTPResponse {
        proxy.forward(request, to: account?.queueModule ?? .intake)
    }

    /// Case actions go to the module that owns the case now (one lookup by the code); a code no
    /// case has goes to intake, which answers it as it answers a case the account may not see.
    func forwardCase(_ request: HTTPRequest) throws -> HTTPResponse {
        var module = ModuleName.intake
        if let code = request.pathParameter("code", as: TrackingCode.self) {
            module = try pool.withConnection { try CaseStore.owner(of: code, on: $0) } ?? .intake
        }
        return proxy.forward(request, to: module)
    }
}
