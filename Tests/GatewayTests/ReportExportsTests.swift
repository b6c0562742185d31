import Complaints
import Foundation
import JSON
import Testing
@testable import Gateway

@Suite struct ReportExportsTests {
    static let at = Date(timeIntervalSince1970: 1_795_413_859)
    static let road = PublicReport(
        id: 41, category: "pekerjaan-umum", categoryNameID: "Pekerjaan Umum", categoryNameEN: "Public works", subcategory: nil,
        subcategoryNameID: nil, subcategoryNameEN: nil, hazard: false, status: .dispatched, kecamatan: nil,
        kelurahan: NamedRegion(code: RegionCode("99.01.01.2001")!, name: "Sukamaju"), createdAt: at, updatedAt: at, resolvedAt: nil,
        description: "Jalan \"berlubang\", dalam", location: "=cmd", point: GeoPoint(lon: 106.72, lat: -6.55))

    @Test func aGeoJSONPageIsAFeatureCollectionWithItsNextLink() throws {
        let response = ReportExports.geoJSON([Self.road], next: "https://hub.example/api/v1/reports.geojson?after=x", site: "https://hub.example")
        let page = try JSONValue.parse(response.body)
        #expect(page["type"] == "FeatureCollection")
        guard case .array(let features)? = page["features"], let feature = features.first, features.count == 1 else {
            Issue.record("one feature expected: \(page)")
            return
        }
        #expect(feature["geometry"] == ["type": "Point", "coordinates": [.number(106.72), .number(-6.55)]])
        #expect(feature["properties"]?["description"] == "Jalan \"berlubang\", dalam")
        #expect(feature["properties"]?["created_at"] == "2026-11-23T06:04:19.000000Z")
        #expect(feature["properties"]?["resolved_at"] == .null && feature["properties"]?["kecamatan_code"] == .null)
        #expect(feature["properties"]?["url"] == "https://hub.example/laporan/41")
        #expect(page["links"] == [["rel": "next", "href": "https://hub.example/api/v1/reports.geojson?after=x", "type": "application/geo+json"]])
        #expect(response.headers["Link"] == "<https://hub.example/api/v1/reports.geojson?after=x>; rel=\"next\"")
    }

    @Test func aCSVPageHasTheColumnsAndOneLinePerReport() throws {
        let text = String(decoding: ReportExports.csv([Self.road], next: nil, site: "https://hub.example").body, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == ReportExports.csvColumns.joined(separator: ","))
        #expect(lines[1] == """
            41,pekerjaan-umum,,false,dispatched,,99.01.01.2001,Sukamaju,2026-11-23T06:04:19.000000Z,2026-11-23T06:04:19.000000Z,,\
            -6.55,106.72,'=cmd,"Jalan ""berlubang"", dalam",https://hub.example/laporan/41
            """)
        #expect(lines.count == 3 && lines[2].isEmpty)
    }
}
