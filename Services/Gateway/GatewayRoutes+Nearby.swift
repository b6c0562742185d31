import Complaints
import HTTP
import HubStore
import Web

/// `GET /api/v1/reports/nearby?lat=&lon=&category=`: the open public reports near a point, which
/// the form's map lists before the citizen files (issue 17). Each is the open data's report
/// (`ReportExports.properties`) beside its distance.
extension GatewayRoutes {
    func nearbyReports(_ request: HTTPRequest) throws -> HTTPResponse {
        let query = try NearbyQuery.parse(request.queryItems, categories: Set(try categories.all().map(\.code)))
        let found = try reads.withConnection(for: request) { try PublicReportStore.nearby(query, on: $0) }
        let site = self.site
        let reports = found.map { report, metres -> JSONValue in
            ["report": .object(ReportExports.properties(report, site: site)), "distance_m": .integer(metres)]
        }
        var response = HTTPResponse.json(["radius_m": .integer(NearbyQuery.radiusMetres), "reports": .array(reports)])
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
