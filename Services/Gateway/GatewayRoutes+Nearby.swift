import Complaints
import HTTP
import HubStore
import JSON
import Web

/// `GET /api/v1/reports/nearby?lat=&lon=&category=`: the open public reports near a point, which
/// the form's map lists before the citizen files (issue 17). Each is the open data's report
/// (`ReportExports.properties`) beside its distance.
extension GatewayRoutes {
    func nearbyReports(_ request: HTTPRequest) throws -> HTTPResponse {
        let query = try NearbyQuery.parse(request.queryItems, categories: Set(try categories.all().map(\.code)))
        let found = try reads.withConnection { try PublicReportStore.nearby(query, on: $0) }
        var json = JSONWriter()
        json.openObject()
        json.member("radius_m", NearbyQuery.radiusMetres)
        json.key("reports")
        json.openArray()
        for (report, metres) in found {
            json.openObject()
            json.key("report")
            ReportExports.properties(report, site: site, into: &json)
            json.member("distance_m", metres)
            json.closeObject()
        }
        json.closeArray()
        json.closeObject()
        var response = HTTPResponse.json(bytes: json.bytes)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
