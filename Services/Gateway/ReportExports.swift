import Complaints
import Foundation
import HTTP
import HubStore
import Web

/// The open data of the listed reports: a page as GeoJSON (a FeatureCollection; reports only
/// counted are not features at all) or CSV, the next page in a `Link` header (the hub's server sends
/// whole bodies, so a million reports are read a page at a time with the keyset cursor).
enum ReportExports {
    static let defaultLimit = 1000
    static let maxLimit = 5000
    static let csvColumns = ["id", "category", "subcategory", "hazard", "status", "kecamatan_code", "kelurahan_code",
                             "kelurahan_name", "created_at", "updated_at", "resolved_at", "lat", "lon", "location", "description", "url"]

    static func geoJSON(_ reports: [PublicReport], next: String?, site: String) -> HTTPResponse {
        let features = reports.map { report -> JSONValue in
            let geometry: JSONValue = report.point.map { ["type": "Point", "coordinates": [.number($0.lon), .number($0.lat)]] } ?? .null
            return ["type": "Feature", "id": .integer(Int(report.id)), "geometry": geometry, "properties": .object(properties(report, site: site))]
        }
        var collection: [String: JSONValue] = ["type": "FeatureCollection", "features": .array(features)]
        collection["links"] = .array(next.map { [["rel": "next", "href": .string($0), "type": "application/geo+json"]] } ?? [])
        var response = HTTPResponse(body: JSONValue.object(collection).bytes)
        response.headers.add("Content-Type", "application/geo+json")
        return paged(response, next: next)
    }

    static func properties(_ report: PublicReport, site: String) -> [String: JSONValue] {
        [
            "id": .integer(Int(report.id)), "category": .string(report.category), "category_name_id": .string(report.categoryNameID),
            "category_name_en": .string(report.categoryNameEN), "subcategory": JSONValue(report.subcategory), "hazard": .bool(report.hazard),
            "status": .string(report.status.rawValue), "kecamatan_code": JSONValue(report.kecamatan?.code.value),
            "kelurahan_code": JSONValue(report.kelurahan?.code.value), "kelurahan_name": JSONValue(report.kelurahan?.name),
            "created_at": .string(report.createdAt.iso8601), "updated_at": .string(report.updatedAt.iso8601),
            "resolved_at": JSONValue(report.resolvedAt?.iso8601), "location": JSONValue(report.location),
            "description": JSONValue(report.description), "url": .string(site + "/laporan/\(report.id)"),
        ]
    }

    static func csv(_ reports: [PublicReport], next: String?, site: String) -> HTTPResponse {
        var text = csvColumns.joined(separator: ",") + "\r\n"
        for report in reports {
            let fields: [String] = [
                String(report.id), report.category, report.subcategory ?? "", report.hazard ? "true" : "false", report.status.rawValue,
                report.kecamatan?.code.value ?? "", report.kelurahan?.code.value ?? "", report.kelurahan?.name ?? "",
                report.createdAt.iso8601, report.updatedAt.iso8601, report.resolvedAt?.iso8601 ?? "",
                report.point.map { String($0.lat) } ?? "", report.point.map { String($0.lon) } ?? "",
                report.location ?? "", report.description ?? "", site + "/laporan/\(report.id)",
            ]
            text += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        var response = HTTPResponse(body: Array(text.utf8))
        response.headers.add("Content-Type", "text/csv; charset=utf-8; header=present")
        response.headers.add("Content-Disposition", "inline; filename=\"laporan.csv\"")
        return paged(response, next: next)
    }

    /// RFC 4180 quoting; a text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)
    /// gets a leading apostrophe (OWASP's CSV injection advice), numbers and dates never start so.
    static func csvField(_ value: String) -> String {
        var field = value
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(field) == nil {
            field = "'" + field
        }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func paged(_ response: HTTPResponse, next: String?) -> HTTPResponse {
        var response = response
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("Access-Control-Allow-Origin", "*")
        response.headers.add("Cache-Control", "public, max-age=60")
        if let next { response.headers.add("Link", "<\(next)>; rel=\"next\"") }
        return response
    }
}
