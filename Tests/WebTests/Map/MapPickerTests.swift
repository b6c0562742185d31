import Complaints
import Foundation
import Testing
@testable import Web

/// The form's map: hidden until the script shows it, drawn from the region's outlines, and carrying
/// the corners the script turns a tap into a point with, which must agree with the projection drawn.
@Suite struct MapPickerTests {
    private let desa = AreaOutline(code: RegionCode("99.01.02.2001")!, kind: .desa, name: "Cibodas", polygons: [[[
        GeoPoint(lon: 106.80, lat: -6.60), GeoPoint(lon: 106.85, lat: -6.60), GeoPoint(lon: 106.85, lat: -6.48),
        GeoPoint(lon: 106.80, lat: -6.50), GeoPoint(lon: 106.80, lat: -6.60),
    ]]])
    private let kecamatan = AreaOutline(code: RegionCode("99.01.02")!, kind: .kecamatan, name: "Tanjungsari", polygons: [[[
        GeoPoint(lon: 106.80, lat: -6.60), GeoPoint(lon: 106.90, lat: -6.60), GeoPoint(lon: 106.90, lat: -6.50),
        GeoPoint(lon: 106.80, lat: -6.60),
    ]]])

    private var picker: MapPicker {
        MapPicker(projection: MapProjection(fitting: GeoBounds(west: 106.80, south: -6.60, east: 106.90, north: -6.48)!),
                  outlines: [kecamatan, desa])
    }

    private func attribute(_ name: String, in html: String) throws -> Double {
        let start = try #require(html.range(of: "data-\(name)=\""))
        let end = try #require(html[start.upperBound...].firstIndex(of: "\""))
        return try #require(Double(html[start.upperBound..<end]))
    }

    @Test func theMapIsHiddenWithoutTheScriptAndDrawsTheDesaWithTheKecamatanOverIt() {
        let html = picker.render(language: .id)
        #expect(html.contains("<div class=\"map-picker\" id=\"map-picker\" hidden"))
        #expect(html.contains("data-code=\"99.01.02.2001\"") && html.contains("<title>Cibodas</title>"))
        #expect(!html.contains("<a href"), "tapping the form's map places a point; it does not leave the form")
        #expect(html.contains("<section id=\"nearby\" aria-live=\"polite\" hidden"))
        #expect(html.contains("Laporan terbuka di dekat titik ini") && picker.render(language: .en).contains("Open reports near this point"))
    }

    @Test(arguments: [(106.80, -6.60), (106.8123, -6.5432), (106.90, -6.48), (106.85, -6.55)])
    func theScriptsLinearInverseFromTheCornersIsTheProjectionsInverse(_ lon: Double, _ lat: Double) throws {
        let html = picker.render(language: .id)
        let west = try attribute("west", in: html), east = try attribute("east", in: html)
        let north = try attribute("north", in: html), south = try attribute("south", in: html)
        let width = try attribute("width", in: html), height = try attribute("height", in: html)
        let (x, y) = picker.projection.project(GeoPoint(lon: lon, lat: lat))
        // What FormScript computes from a tap at (x, y) in SVG units.
        let tappedLon = west + x / width * (east - west), tappedLat = north - y / height * (north - south)
        #expect(abs(tappedLon - lon) < 1e-9 && abs(tappedLat - lat) < 1e-9)
        let inverse = picker.projection.geoPoint(x: x, y: y)
        #expect(abs(inverse.lon - tappedLon) < 1e-9 && abs(inverse.lat - tappedLat) < 1e-9)
    }

    @Test func theStatusLabelsRideAlongInThePagesLanguage() {
        #expect(picker.render(language: .id).contains(HTML.escape("\"in_progress\":\"\(ComplaintStatus.inProgress.label(.id))\"")))
    }
}
