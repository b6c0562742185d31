import Complaints
import Foundation
import HTTP
import HubStore
import JSON
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
        var json = JSONWriter(capacity: 700 * reports.count + 256)
        json.openObject()
        json.member("type", "FeatureCollection")
        json.key("features")
        json.openArray()
        for report in reports {
            json.openObject()
            json.member("type", "Feature")
            json.member("id", report.id)
            json.key("geometry")
            if let point = report.point {
                json.openObject()
                json.member("type", "Point")
                json.key("coordinates")
                json.openArray()
                json.number(point.lon)
                json.number(point.lat)
                json.closeArray()
                json.closeObject()
            } else {
                json.null()
            }
            json.key("properties")
            properties(report, site: site, into: &json)
            json.closeObject()
        }
        json.closeArray()
        json.key("links")
        json.openArray()
        if let next {
            json.openObject()
            json.member("rel", "next")
            json.member("href", next)
            json.member("type", "application/geo+json")
            json.closeObject()
        }
        json.closeArray()
        json.closeObject()
        var response = HTTPResponse(body: json.bytes)
        response.headers.add("Content-Type", "application/geo+json")
        return paged(response, next: next)
    }

    /// A report's properties, the CSV's columns as JSON (with the category's names).
    static func properties(_ report: PublicReport, site: String, into json: inout JSONWriter) {
        json.openObject()
        json.member("id", report.id)
        json.member("category", report.category)
        json.member("category_name_id", report.categoryNameID)
        json.member("category_name_en", report.categoryNameEN)
        json.member("subcategory", report.subcategory)
        json.member("hazard", report.hazard)
        json.member("status", report.status.rawValue)
        json.member("kecamatan_code", report.kecamatan?.code.value)
        json.member("kelurahan_code", report.kelurahan?.code.value)
        json.member("kelurahan_name", report.kelurahan?.name)
        json.member("created_at", report.createdAt.iso8601)
        json.member("updated_at", report.updatedAt.iso8601)
        json.member("resolved_at", report.resolvedAt?.iso8601)
        json.member("location", report.location)
        json.member("description", report.description)
        json.member("url", site + "/laporan/\(report.id)")
        json.closeObject()
    }

    static func csv(_ reports: [PublicReport], next: String?, site: String) -> HTTPResponse {
        var text = CSVText(columns: csvColumns, capacity: 400 * reports.count + 256)
        for report in reports {
            text.field(String(report.id))
            text.field(report.category)
            text.field(report.subcategory ?? "")
            text.field(report.hazard ? "true" : "false")
            text.field(report.status.rawValue)
            text.field(report.kecamatan?.code.value ?? "")
            text.field(report.kelurahan?.code.value ?? "")
            text.field(report.kelurahan?.name ?? "")
            text.field(report.createdAt.iso8601)
            text.field(report.updatedAt.iso8601)
            text.field(report.resolvedAt?.iso8601 ?? "")
            text.field(report.point.map { String($0.lat) } ?? "")
            text.field(report.point.map { String($0.lon) } ?? "")
            text.field(report.location ?? "")
            text.field(report.description ?? "")
            text.field(site + "/laporan/\(report.id)")
            text.endLine()
        }
        var response = HTTPResponse(body: text.bytes)
        response.headers.add("Content-Type", "text/csv; charset=utf-8; header=present")
        response.headers.add("Content-Disposition", "inline; filename=\"laporan.csv\"")
        return paged(response, next: next)
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
