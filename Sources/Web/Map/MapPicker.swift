import Complaints

/// The citizen form's map: the region drawn by the hub (`SVGMap`, no tiles, so it works offline and
/// on a slow connection), on which a tap places the complaint's point, and the list of open public
/// reports near that point, so the citizen can follow one instead of filing the same problem again.
/// The form's script (`FormScript`) does both; the block stays hidden without it, and the form keeps
/// its coordinate fields and "use my location" as before.
public struct MapPicker: Sendable {
    public let projection: MapProjection
    /// The kecamatan and desa/kelurahan to draw.
    public let outlines: [AreaOutline]

    public init(projection: MapProjection, outlines: [AreaOutline]) {
        self.projection = projection
        self.outlines = outlines
    }

    /// The map and the (empty, hidden) list of nearby reports. The map's corners in degrees and in
    /// SVG units ride on `data-` attributes, so the script turns a tap into a point with the same
    /// projection (linear on each axis) the server drew with.
    public func render(language: Language) -> String {
        func t(_ pair: (String, String)) -> String { HTML.escape(language == .en ? pair.1 : pair.0) }
        var map = SVGMap(projection: projection, areas: outlines.filter(\.code.isVillage).map { SVGMap.Area(outline: $0, fill: "#eef3f8") })
        map.borders = outlines.filter { !$0.code.isVillage }
        let bounds = projection.bounds
        let corner = projection.project(GeoPoint(lon: bounds.east, lat: bounds.south))
        // A JSON object of the status labels; codes are plain ASCII, labels are escaped as JSON strings.
        let statuses = "{" + ComplaintStatus.allCases.map { status in
            "\"\(status.rawValue)\":\"" + status.label(language).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }.joined(separator: ",") + "}"
        return """
        <div class="map-picker" id="map-picker" hidden data-west="\(bounds.west)" data-east="\(bounds.east)" \
        data-north="\(bounds.north)" data-south="\(bounds.south)" data-width="\(corner.x)" data-height="\(corner.y)">
        <p class="hint" id="map-picker-hint">\(t(Self.hint))</p>
        \(map.render(id: "map-picker-map", label: language == .en ? Self.label.1 : Self.label.0))
        </div>
        <section id="nearby" aria-live="polite" hidden data-heading="\(t(Self.heading))" data-intro="\(t(Self.intro))" \
        data-metres="\(t(Self.metres))" data-statuses="\(HTML.escape(statuses))"></section>
        """
    }

    static let label = ("Peta wilayah: ketuk untuk menandai titik lokasi", "Map of the region: tap to mark the place")
    static let hint = ("Ketuk peta di tempat masalahnya; lintang dan bujur terisi sendiri. Laporan terbuka di dekatnya muncul di bawah peta.",
                       "Tap the map where the problem is; latitude and longitude fill in by themselves. Open reports near it appear below the map.")
    static let heading = ("Laporan terbuka di dekat titik ini", "Open reports near this point")
    static let intro = ("Jika salah satunya masalah yang sama, buka dan ikuti laporan itu daripada mengirim laporan baru.",
                        "If one of them is the same problem, open and follow that report instead of filing a new one.")
    static let metres = ("m dari titik Anda", "m from your point")
}
