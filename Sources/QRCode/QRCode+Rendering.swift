/// Drawing a symbol: as filled rectangles (one per horizontal run of dark modules) for a PDF page or
/// any other vector surface, and as an SVG document.
extension QRCode {
    /// A filled rectangle in a coordinate system whose origin is the top-left corner of the quiet
    /// zone, y growing downwards.
    public struct Rectangle: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
    }

    /// The dark modules as rectangles, each horizontal run of dark modules one rectangle.
    /// - Parameters:
    ///   - moduleSize: the side of one module in the caller's unit (points for a PDF).
    ///   - quietZone: light modules around the symbol; the standard asks for 4.
    /// - Returns: rectangles inside a square of `sideLength(moduleSize:quietZone:)`.
    public func rectangles(moduleSize: Double = 1, quietZone: Int = 4) -> [Rectangle] {
        var result: [Rectangle] = []
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                let start = x
                while x < size && self[x, y] { x += 1 }
                result.append(Rectangle(
                    x: Double(start + quietZone) * moduleSize,
                    y: Double(y + quietZone) * moduleSize,
                    width: Double(x - start) * moduleSize,
                    height: moduleSize
                ))
            }
        }
        return result
    }

    /// The side of the drawn square, quiet zone included.
    public func sideLength(moduleSize: Double = 1, quietZone: Int = 4) -> Double {
        Double(size + 2 * quietZone) * moduleSize
    }

    /// A standalone SVG document of the symbol on a white square, one unit per module.
    /// - Parameters:
    ///   - moduleSize: the rendered size of a module in pixels (the width and height attributes).
    ///   - quietZone: light modules around the symbol.
    public func svg(moduleSize: Int = 4, quietZone: Int = 4) -> String {
        let side = size + 2 * quietZone
        var path = ""
        for rectangle in rectangles(moduleSize: 1, quietZone: quietZone) {
            path += "M\(Int(rectangle.x)) \(Int(rectangle.y))h\(Int(rectangle.width))v1h-\(Int(rectangle.width))z"
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(side * moduleSize)" \
            height="\(side * moduleSize)" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>

            """
    }
}
