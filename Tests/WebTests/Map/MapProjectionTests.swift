import Complaints
import Testing
@testable import Web

/// The map's projection: a regency keeps its shape, north is up, and a tap converts back.
struct MapProjectionTests {
    let regency = GeoBounds(west: 106.7, south: -6.6, east: 106.93, north: -6.48)!

    @Test func fitsTheExtentWithNorthUpAndConvertsBack() {
        let projection = MapProjection(fitting: regency, width: 600, padding: 0)
        let northWest = projection.project(GeoPoint(lon: 106.7, lat: -6.48))
        let southEast = projection.project(GeoPoint(lon: 106.93, lat: -6.6))
        #expect(abs(northWest.x) < 1e-9 && abs(northWest.y) < 1e-9)
        #expect(abs(southEast.x - 600) < 1e-9 && abs(southEast.y - projection.height) < 1)
        for point in [GeoPoint(lon: 106.72, lat: -6.55), GeoPoint(lon: 106.925, lat: -6.575)] {
            let (x, y) = projection.project(point)
            let back = projection.geoPoint(x: x, y: y)
            #expect(abs(back.lon - point.lon) < 1e-9 && abs(back.lat - point.lat) < 1e-9)
        }
    }

    @Test func aDegreeOfLongitudeShrinksByTheCosineOfTheLatitude() {
        let north = MapProjection(fitting: GeoBounds(west: 10, south: 59, east: 11, north: 61)!, width: 100, padding: 0)
        // At 60° a degree east spans half a degree north: 1° wide by 2° high draws four times as tall as wide.
        #expect(abs(north.height / north.width - 4) < 0.01)
    }

    @Test func paddingLeavesRoomAroundTheExtent() {
        let projection = MapProjection(fitting: regency, width: 600, padding: 0.05)
        let (x, y) = projection.project(GeoPoint(lon: 106.7, lat: -6.48))
        #expect(x > 10 && y > 10, "\(x) \(y)")
        #expect(projection.degreesPerUnit > 0 && projection.degreesPerUnit < 0.001)
    }
}

/// The map component's SVG: linked, titled areas, borders on top, markers, everything escaped.
struct SVGMapTests {
    let square = AreaOutline(code: RegionCode("99.01.01.2001")!, kind: .desa, name: "Suka<maju>",
                             polygons: [[[GeoPoint(lon: 106.7, lat: -6.6), GeoPoint(lon: 106.75, lat: -6.6), GeoPoint(lon: 106.75, lat: -6.5),
                                          GeoPoint(lon: 106.7, lat: -6.5), GeoPoint(lon: 106.7, lat: -6.6)]]])

    @Test func drawsAreasAsLinkedPathsAndMarkersAsDotsOrHazardTriangles() {
        var map = SVGMap(areas: [SVGMap.Area(outline: square, fill: "#fc8d59", link: "/laporan?area=99.01.01.2001&lang=en", emphasised: true)])
        map.borders = [square]
        map.markers = [SVGMap.Marker(point: GeoPoint(lon: 106.72, lat: -6.55), title: "#7 Jalan", link: "/laporan/7"),
                       SVGMap.Marker(point: GeoPoint(lon: 106.73, lat: -6.56), title: "#8 Banjir", hazard: true)]
        let svg = map.render(id: "peta", label: "Peta \"laporan\"")
        #expect(svg.hasPrefix("<svg id=\"peta\" class=\"map\" role=\"img\" aria-label=\"Peta &quot;laporan&quot;\""))
        #expect(svg.contains("<a href=\"/laporan?area=99.01.01.2001&amp;lang=en\" aria-label=\"Suka&lt;maju&gt;\"><path d=\"M"))
        #expect(svg.contains("fill=\"#fc8d59\"") && svg.contains("stroke-dasharray"))
        #expect(svg.contains("<a href=\"/laporan/7\"><circle") && svg.contains("<path class=\"hazard\""))
        #expect(svg.components(separatedBy: "Z\"").count == 4, "the area, its border and the triangle, each one closed ring")
        let fetched = svg.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!fetched.contains("<script") && !fetched.contains("http"), "nothing fetched from elsewhere, no script")
    }

    @Test func shadingSplitsTheCountsIntoStepsTheLegendNames() {
        let shading = HotspotShading(max: 8)
        #expect(shading.thresholds == [1, 3, 5, 7])
        #expect(shading.colour(0) == HotspotShading.colours[0] && shading.colour(8) == HotspotShading.colours[4])
        #expect(shading.colour(3) == HotspotShading.colours[2])
        #expect(shading.ranges(max: 8).map(\.label) == ["0", "1–2", "3–4", "5–6", "7–8"])
        #expect(HotspotShading(max: 1).ranges(max: 1).map(\.label) == ["0", "1"])
        #expect(HotspotShading(max: 0).ranges(max: 0).map(\.label) == ["0"])
    }
}
