import Complaints
import Foundation
import HTTP
import HubStore
import JSON
import Postgres
import Web

/// The public statistics (issue 17): the page `/statistik`, `GET /api/v1/stats` and
/// `GET /api/v1/stats.csv`, all read from the rollup through the gateway's public role.
struct StatisticsRoutes: Sendable {
    /// The rollup is read where lag-tolerant reads go (the replica when there is one).
    let reads: ReadPool
    let categories: CategoryCache
    let cache: StatisticsCache<StatisticsReport>
    /// The figures per desa of the statistics' GeoJSON, kept the same way.
    let areaCache: StatisticsCache<AreaStatistics>
    /// The known kecamatan and desa/kelurahan, kept with the reference data.
    let regions: RegionCache

    /// The region's local day now (WIB, the default zone; an agency's own zone decides its cases' days).
    static func today() -> LocalDay { LocalDay(Date(), utcOffset: TimeZoneCode.wib.utcOffset) }

    /// The query the request asks for, or the refusal (400).
    /// - Parameters:
    ///   - known: the category codes; `areas`: the known regions (both kept by the gateway, read before
    ///     a connection is taken: a cache may take one of the same pool itself).
    func read(_ request: HTTPRequest, known: Set<String>, areas: RegionDirectory) throws -> StatisticsQuery {
        try StatisticsQuery.parse(from: request.query("from"), to: request.query("to"), area: request.query("area"),
                                  category: request.query("category"), today: Self.today(),
                                  areas: Set(areas.listed.map(\.code.value)), categories: known)
    }

    /// The figures the request asks for (kept while the rollup's version stands), or the refusal.
    func figures(_ request: HTTPRequest, known: Set<String>, areas: RegionDirectory) throws -> Result<StatisticsReport, Refusal> {
        try kept(request, in: cache, known: known, areas: areas) { query, connection in try StatisticsStore.report(query, on: connection) }
    }

    /// What `compute` makes of the request's query, kept in `cache` while the rollup's version stands,
    /// or the refusal of the query.
    func kept<Value>(_ request: HTTPRequest, in cache: StatisticsCache<Value>, known: Set<String>, areas: RegionDirectory,
                     compute: (StatisticsQuery, PostgresConnection) throws -> Value) throws -> Result<Value, Refusal> {
        let key = StatisticsCache<Value>.Key(from: request.query("from"), to: request.query("to"), area: request.query("area"),
                                             category: request.query("category"), today: Self.today().description)
        let query: StatisticsQuery
        do {
            query = try read(request, known: known, areas: areas)
        } catch let refusal as Refusal {
            return .failure(refusal)
        }
        return .success(try reads.withConnection { connection in
            let version = try StatisticsStore.version(on: connection)
            if let kept = cache.entry(key, version: version) { return kept }
            let value = try compute(query, connection)
            cache.keep(value, for: key, version: version)
            return value
        })
    }

    func page(_ request: HTTPRequest, language: Language) throws -> HTTPResponse {
        let listed = try categories.all()
        let areas = try regions.value()
        let outcome = try figures(request, known: Set(listed.map(\.code)), areas: areas)
        let report = try? outcome.get()
        let view = StatisticsPage.View(
            report: report, from: report?.query.from.description ?? request.query("from") ?? "",
            to: report?.query.to.description ?? request.query("to") ?? "",
            area: request.query("area") ?? "", category: request.query("category") ?? "",
            areas: areas.listed.map { StatisticsPage.Choice(code: $0.code.value, label: ($0.code.isVillage ? "— " : "") + "\($0.name) (\($0.code.value))") },
            categories: listed.map { StatisticsPage.Choice(code: $0.code, label: language == .en ? $0.nameEN : $0.nameID) },
            refusal: report == nil ? outcome.refusal : nil)
        var response = HTTPResponse.html(StatisticsPage.render(view, language: language), status: view.refusal?.status ?? 200)
        response.headers.add("Cache-Control", "public, max-age=30")
        return response
    }

    func json(_ request: HTTPRequest) throws -> HTTPResponse {
        try answer(request) { report in
            var response = HTTPResponse.json(report.json)
            response.headers.add("Cache-Control", "public, max-age=30")
            return response
        }
    }

    func csv(_ request: HTTPRequest) throws -> HTTPResponse {
        try answer(request) { report in
            var response = HTTPResponse(status: 200, body: report.csv)
            response.headers.add("Content-Type", "text/csv; charset=utf-8")
            response.headers.add("Content-Disposition", "inline; filename=\"statistik.csv\"")
            response.headers.add("Cache-Control", "public, max-age=30")
            return response
        }
    }

    /// The figures as `render` writes them, or the refusal as JSON with its message in Indonesian and
    /// English beside the usual (English) `message`.
    func answer(_ request: HTTPRequest, render: (StatisticsReport) -> HTTPResponse) throws -> HTTPResponse {
        do {
            return render(try figures(request, known: Set(try categories.all().map(\.code)), areas: try regions.value()).get())
        } catch let refusal as Refusal {
            return Self.refused(refusal)
        }
    }

    /// A refused filter as JSON, its message in Indonesian and English beside the usual (English) `message`.
    static func refused(_ refusal: Refusal) -> HTTPResponse {
        .error(refusal.status, code: refusal.code, message: refusal.messageEN,
               extra: ["message_id": .string(refusal.messageID), "message_en": .string(refusal.messageEN)])
    }
}

private extension Result where Failure == Refusal {
    var refusal: Refusal? {
        if case .failure(let refusal) = self { return refusal }
        return nil
    }
}
