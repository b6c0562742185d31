import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// What the public sees of the reports (issue 17): the list /laporan and each report's page, the map
/// /peta, the open data (reports.geojson, reports.csv) and the Atom feed per area. All read migration
/// 041's views through the gateway's public role: never a contact, never a confidential case's text
/// or place, never a tracking code.
extension GatewayRoutes {
    static let listPageSize = 20
    static let listMaxPageSize = 100
    static let feedSize = 50
    static let mapPoints = 500

    /// The pages (in the pages' group: failures are pages).
    func addPublicReportPages(to pages: inout RouterGroup) {
        let routes = self
        pages.get("/laporan") { request, context in try routes.reportList(request, language: context.language(of: request)) }
        pages.get("/laporan/{id}") { request, context in try routes.reportPage(request, language: context.language(of: request)) }
        pages.get("/peta") { request, context in try routes.reportMap(request, language: context.language(of: request)) }
    }

    /// The open data (in the JSON group: failures are the hub's JSON errors).
    func addOpenData(to api: inout RouterGroup) {
        let routes = self
        api.get("/api/v1/reports.geojson") { request, _ in try routes.export(request, ReportExports.geoJSON) }
        api.get("/api/v1/reports.csv") { request, _ in try routes.export(request, ReportExports.csv) }
        api.get("/feeds/{feed}") { request, _ in try routes.areaFeed(request) }
        api.get("/api/v1/reports/nearby") { request, _ in try routes.nearbyReports(request) }
    }

    func reportList(_ request: HTTPRequest, language: Language) throws -> HTTPResponse {
        let categories = try self.categories.all()
        let query = try PublicReportQuery.parse(request.queryItems, categories: Set(categories.map(\.code)),
                                                defaultLimit: Self.listPageSize, maxLimit: Self.listMaxPageSize)
        let areas = try regions.value()
        if let area = query.area, areas.region(area) == nil { throw Refusal.unknownArea }
        let view = try reads.withConnection(for: request) { connection -> ReportListView in
            let page = try PublicReportStore.page(query, on: connection)
            var view = ReportListView(query: query, reports: page.reports, unlisted: try PublicReportStore.unlistedCount(query, on: connection),
                                      areas: areas.listed,
                                      categories: categories.map { CategoryChoice($0, language: language) }, next: page.next)
            view.unlistedCap = PublicReportStore.unlistedCountCap
            return view
        }
        return Self.publicPage(ReportListPage.render(view, language: language))
    }

    func reportPage(_ request: HTTPRequest, language: Language) throws -> HTTPResponse {
        guard let id = request.pathParameter("id", as: Int64.self),
              let detail = try reads.lookup(for: request, { try PublicReportStore.detail(id: id, on: $0) }) else {
            throw Refusal.reportNotFound
        }
        return Self.publicPage(ReportPage.render(detail, language: language))
    }

    func reportMap(_ request: HTTPRequest, language: Language) throws -> HTTPResponse {
        let categories = try self.categories.all()
        let query = try PublicReportQuery.parse(request.queryItems.filter { $0.name == "category" }, categories: Set(categories.map(\.code)),
                                                defaultLimit: Self.mapPoints, maxLimit: Self.mapPoints)
        // The region's outlines change only when boundaries are imported: drawn from the gateway's copy.
        let drawing = try regionMaps.drawing()
        let view = try reads.withConnection { connection -> MapView in
            let projection = drawing?.projection ?? MapProjection(fitting: GeoBounds(west: 95, south: -11, east: 141, north: 6)!)
            return MapView(projection: projection, outlines: drawing?.outlines ?? [],
                           hotspots: try recentHotspots.value(for: query.category ?? "") {
                               try PublicReportStore.hotspots(category: query.category, on: connection)
                           },
                           points: try PublicReportStore.openPoints(query, on: connection), pointLimit: Self.mapPoints,
                           categories: categories.map { CategoryChoice($0, language: language) }, category: query.category)
        }
        return Self.publicPage(MapPage.render(view, language: language))
    }

    func export(_ request: HTTPRequest, _ render: ([PublicReport], String?, String) -> HTTPResponse) throws -> HTTPResponse {
        let query = try PublicReportQuery.parse(request.queryItems, categories: Set(try categories.all().map(\.code)),
                                                defaultLimit: ReportExports.defaultLimit, maxLimit: ReportExports.maxLimit)
        return try exports.run {
            let page = try reads.withConnection { try PublicReportStore.page(query, on: $0) }
            let next = page.next.map { cursor in
                site + PublicLinks.path(request.path, query.filterItems + [("after", cursor.description), ("limit", String(query.limit))],
                                        language: .id)
            }
            return render(page.reports, next, site)
        }
    }

    func areaFeed(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let file = request.pathParameters["feed"], file.hasSuffix(".atom"),
              let code = RegionCode(String(file.dropLast(".atom".count))) else { throw Refusal.unknownArea }
        guard let area = try regions.value().region(code) else { throw Refusal.unknownArea }
        let query = PublicReportQuery(area: code, limit: Self.feedSize)
        let (reports, changes) = try reads.withConnection { connection in
            let reports = try PublicReportStore.page(query, on: connection).reports
            return (reports, try PublicReportStore.statusChanges(of: reports.map(\.id), on: connection))
        }
        var response = HTTPResponse(body: Array(AreaFeed.render(area: area, reports: reports, changes: changes, site: site).utf8))
        response.headers.add("Content-Type", "application/atom+xml; charset=utf-8")
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("Cache-Control", "public, max-age=60")
        return response
    }

    /// The site's absolute origin and prefix, for links that leave the page (exports, feeds).
    var site: String { siteURL.absolute("") }

    /// A public page: anyone may cache it for a minute (nothing in it is personal).
    static func publicPage(_ html: String) -> HTTPResponse {
        var response = HTTPResponse.html(html)
        response.headers.add("Cache-Control", "public, max-age=60")
        return response
    }
}
