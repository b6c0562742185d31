import Complaints

/// A map of a region drawn by the hub as inline SVG: area outlines (filled, linked), markers, and
/// nothing fetched from elsewhere, so it works offline, without scripts and on a slow phone. The
/// public map (/peta) draws hotspots with it; the citizen form can draw its map picker with it.
///
/// Build one with a projection that fits the areas (`init(areas:)`), add markers, render:
/// ```swift
/// var map = SVGMap(areas: shapes.map { SVGMap.Area(outline: $0, link: "/laporan?area=\($0.code)") })
/// map.markers = reports.map { SVGMap.Marker(point: $0.point!, title: "...") }
/// let html = map.render(id: "peta", label: "Peta laporan")
/// ```
public struct SVGMap: Sendable {
    /// A region drawn on the map.
    public struct Area: Sendable {
        public let outline: AreaOutline
        /// A CSS colour for the fill; nil draws no fill (an outline on top, such as a kecamatan's).
        public var fill: String?
        /// Where the area leads when tapped.
        public var link: String?
        /// The tooltip and accessible name; the area's name when nil.
        public var title: String?
        /// Drawn with a thick dashed red edge (an area with open hazards).
        public var emphasised: Bool

        public init(outline: AreaOutline, fill: String? = "#f4f4f4", link: String? = nil, title: String? = nil,
                    emphasised: Bool = false) {
            self.outline = outline
            self.fill = fill
            self.link = link
            self.title = title
            self.emphasised = emphasised
        }
    }

    /// A point on the map (a report): a dot, or a red triangle for a hazard.
    public struct Marker: Sendable {
        public let point: GeoPoint
        public let title: String
        public var link: String?
        public var hazard: Bool

        public init(point: GeoPoint, title: String, link: String? = nil, hazard: Bool = false) {
            self.point = point
            self.title = title
            self.link = link
            self.hazard = hazard
        }
    }

    public let projection: MapProjection
    /// Filled areas, drawn first (desa/kelurahan).
    public var areas: [Area]
    /// Outlines drawn over the areas (kecamatan), without fill and not tappable.
    public var borders: [AreaOutline] = []
    public var markers: [Marker] = []

    public init(projection: MapProjection, areas: [Area]) {
        self.projection = projection
        self.areas = areas
    }

    /// A map whose projection fits every area's outline (or a tiny world box when there are none).
    public init(areas: [Area], width: Double = 600) {
        let bounds = GeoBounds(covering: areas.flatMap(\.outline.points))
            ?? GeoBounds(west: 106.8, south: -6.2, east: 106.81, north: -6.19)!
        self.init(projection: MapProjection(fitting: bounds, width: width), areas: areas)
    }

    /// The `<svg>` element, scaling to its container's width.
    /// - Parameters:
    ///   - id: the element's id.
    ///   - label: its accessible name.
    public func render(id: String, label: String) -> String {
        let p = projection
        var svg = "<svg id=\"\(HTML.escape(id))\" class=\"map\" role=\"img\" aria-label=\"\(HTML.escape(label))\" "
        svg += "viewBox=\"0 0 \(MapProjection.number(p.width)) \(MapProjection.number(p.height))\" "
        svg += "xmlns=\"http://www.w3.org/2000/svg\" style=\"width:100%;height:auto;display:block\">"
        svg += "<title>\(HTML.escape(label))</title>"
        svg += "<g stroke=\"#555\" stroke-width=\"1\" stroke-linejoin=\"round\">"
        for area in areas {
            let title = HTML.escape(area.title ?? area.outline.name)
            let shape = "<path d=\"\(path(area.outline))\" fill=\"\(HTML.escape(area.fill ?? "none"))\" fill-rule=\"evenodd\""
                + (area.emphasised ? " stroke=\"#c00\" stroke-width=\"3\" stroke-dasharray=\"6 3\"" : "")
                + " data-code=\"\(HTML.escape(area.outline.code.value))\"><title>\(title)</title></path>"
            if let link = area.link {
                svg += "<a href=\"\(HTML.escape(link))\" aria-label=\"\(title)\">\(shape)</a>"
            } else {
                svg += shape
            }
        }
        svg += "</g><g fill=\"none\" stroke=\"#222\" stroke-width=\"2.5\" pointer-events=\"none\">"
        for border in borders { svg += "<path d=\"\(path(border))\"/>" }
        svg += "</g><g stroke=\"#fff\" stroke-width=\"1.5\">"
        for marker in markers { svg += self.marker(marker) }
        return svg + "</g></svg>"
    }

    /// Path data of an outline's rings, each closed.
    func path(_ outline: AreaOutline) -> String {
        var data = ""
        for ring in outline.polygons.joined() where ring.count > 2 {
            for (index, point) in ring.enumerated() {
                let (x, y) = projection.coordinates(point)
                data += (index == 0 ? "M" : "L") + x + " " + y
            }
            data += "Z"
        }
        return data
    }

    private func marker(_ marker: Marker) -> String {
        let (x, y) = projection.project(marker.point)
        let shape: String
        if marker.hazard {
            let n = MapProjection.number
            shape = "<path class=\"hazard\" d=\"M\(n(x)) \(n(y - 11))L\(n(x + 10)) \(n(y + 7))L\(n(x - 10)) \(n(y + 7))Z\" fill=\"#c00\">"
        } else {
            shape = "<circle cx=\"\(MapProjection.number(x))\" cy=\"\(MapProjection.number(y))\" r=\"8\" fill=\"#0b5394\">"
        }
        let element = shape + "<title>\(HTML.escape(marker.title))</title>" + (marker.hazard ? "</path>" : "</circle>")
        guard let link = marker.link else { return element }
        return "<a href=\"\(HTML.escape(link))\">\(element)</a>"
    }
}
