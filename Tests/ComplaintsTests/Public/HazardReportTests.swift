import Complaints
import Foundation
import Testing

/// What the command centre is told of a hazard report: the place always, a confidential report's
/// own words and public page never, as a GeoJSON Feature under the public id.
@Suite struct HazardReportTests {
    private func report(confidential: Bool, point: (lat: Double, lon: Double)? = (-6.55, 106.82)) -> HazardReport {
        HazardReport(publicID: 42, category: .init(code: "pekerjaan-umum", nameID: "Pekerjaan Umum", nameEN: "Public works"),
                     subcategory: .init(code: "pohon-tumbang", nameID: "Pohon tumbang", nameEN: "Fallen tree"), status: .received,
                     reportedAt: Date(timeIntervalSince1970: 1_796_000_000), confidential: confidential,
                     description: "Pohon besar menutup jalan", location: "Depan SDN 2", point: point,
                     kelurahan: .init(code: "99.01.02.2001", name: "Cibodas"), kecamatan: .init(code: "99.01.02", name: "Tanjungsari"),
                     publicPage: { "https://lapor.example.go.id/laporan/\($0)" })
    }

    private func json(_ report: HazardReport) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
    }

    @Test func aPublicReportIsAFeatureWithItsPointWordsAreaAndPage() throws {
        let feature = try json(report(confidential: false))
        #expect(feature["type"] as? String == "Feature" && feature["id"] as? Int == 42)
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Point" && geometry["coordinates"] as? [Double] == [106.82, -6.55])
        let properties = try #require(feature["properties"] as? [String: Any])
        #expect(properties["description"] as? String == "Pohon besar menutup jalan" && properties["location"] as? String == "Depan SDN 2")
        #expect(properties["url"] as? String == "https://lapor.example.go.id/laporan/42" && properties["status"] as? String == "received")
        #expect((properties["kelurahan"] as? [String: Any])?["code"] as? String == "99.01.02.2001")
        #expect((properties["subcategory"] as? [String: Any])?["code"] as? String == "pohon-tumbang")
        #expect(properties["reported_at"] as? String == "2026-11-30T00:53:20Z")
    }

    @Test func aConfidentialReportKeepsItsPlaceButNotItsWordsNorAPage() throws {
        let properties = try #require(try json(report(confidential: true))["properties"] as? [String: Any])
        #expect(properties["description"] is NSNull && properties["location"] is NSNull && properties["url"] is NSNull)
        #expect(properties["confidential"] as? Bool == true && (properties["kecamatan"] as? [String: Any])?["code"] as? String == "99.01.02")
        #expect(try json(report(confidential: true))["geometry"] is [String: Any])
    }

    @Test func aReportWithoutAPointHasANullGeometry() throws {
        #expect(try json(report(confidential: false, point: nil))["geometry"] is NSNull)
    }
}
