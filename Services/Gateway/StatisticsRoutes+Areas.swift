import Complaints
import HTTP
import HubStore
import JSON

/// `GET /api/v1/stats.geojson`: the statistics per desa/kelurahan as open data, each area a Feature
/// with its boundary (simplified as the public map draws it) and its figures for the period and
/// category; an area filter keeps its own desa. Confidential cases are never placed, so they are in
/// no area's figures.
extension StatisticsRoutes {
    func geoJSON(_ request: HTTPRequest, maps: RegionMapCache) throws -> HTTPResponse {
        do {
            let drawing = try maps.drawing()
            let (query, figures) = try kept(request, in: areaCache, known: Set(try categories.all().map(\.code)), areas: try regions.value()) {
                query, connection in AreaStatistics(query: query, figures: try StatisticsStore.byArea(query, on: connection))
            }.map { ($0.query, $0.figures) }.get()
            var json = JSONWriter(capacity: 64 * 1024)
            json.openObject()
            json.member("type", "FeatureCollection")
            json.key("features")
            json.openArray()
            for outline in drawing?.outlines ?? [] where outline.code.isVillage && query.area.map(outline.code.lies(in:)) ?? true {
                guard case .object(var properties) = StatisticsReport.json(figures[outline.code] ?? StatisticsFigures(StatisticsTotals())) else {
                    continue
                }
                properties["confidential_count"] = nil
                properties["code"] = .string(outline.code.value)
                properties["name"] = .string(outline.name)
                properties["kecamatan_code"] = .string(outline.code.district.value)
                json.openObject()
                json.member("type", "Feature")
                json.member("id", outline.code.value)
                json.key("geometry")
                json.json(drawing?.geometries[outline.code] ?? RegionDrawing.geometry(outline))
                json.key("properties")
                json.value(.object(properties))
                json.closeObject()
            }
            json.closeArray()
            json.key("period")
            json.value(["from": .string(query.from.description), "to": .string(query.to.description)])
            json.key("filters")
            json.value(["area": JSONValue(query.area?.value), "category": JSONValue(query.category)])
            json.closeObject()
            var response = HTTPResponse(body: json.bytes)
            response.headers.add("Content-Type", "application/geo+json")
            response.headers.add("Cache-Control", "public, max-age=30")
            return response
        } catch let refusal as Refusal {
            return Self.refused(refusal)
        }
    }
}
