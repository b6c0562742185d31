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
            let query = try read(request, known: Set(try categories.all().map(\.code)), areas: try regions.value())
            let outlines = try maps.drawing()?.outlines ?? []
            let figures = try reads.withConnection(for: request) { try StatisticsStore.byArea(query, on: $0) }
            let features = outlines.filter { $0.code.isVillage && query.area.map($0.code.lies(in:)) ?? true }.map { outline -> JSONValue in
                guard case .object(var properties) = StatisticsReport.json(figures[outline.code] ?? StatisticsFigures(StatisticsTotals())) else {
                    return .null
                }
                properties["confidential_count"] = nil
                properties["code"] = .string(outline.code.value)
                properties["name"] = .string(outline.name)
                properties["kecamatan_code"] = .string(outline.code.district.value)
                return ["type": "Feature", "id": .string(outline.code.value), "geometry": Self.geometry(outline), "properties": .object(properties)]
            }
            var response = HTTPResponse(body: JSONValue.object([
                "type": "FeatureCollection", "features": .array(features),
                "period": ["from": .string(query.from.description), "to": .string(query.to.description)],
                "filters": ["area": JSONValue(query.area?.value), "category": JSONValue(query.category)],
            ]).bytes)
            response.headers.add("Content-Type", "application/geo+json")
            response.headers.add("Cache-Control", "public, max-age=30")
            return response
        } catch let refusal as Refusal {
            return Self.refused(refusal)
        }
    }

    /// An outline as a GeoJSON MultiPolygon, `[lon, lat]` as RFC 7946 orders them.
    static func geometry(_ outline: AreaOutline) -> JSONValue {
        ["type": "MultiPolygon", "coordinates": .array(outline.polygons.map { polygon in
            .array(polygon.map { ring in .array(ring.map { .array([.number($0.lon), .number($0.lat)]) }) })
        })]
    }
}
