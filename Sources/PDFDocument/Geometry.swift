/// A point on a page, in points (1/72 inch) from the page's top-left corner, y growing downwards as a
/// letter is read; the writer turns it into PDF's bottom-up space.
public struct PDFPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A rectangle on a page: its top-left corner (from the page's top-left, y downwards) and its size.
public struct PDFRect: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A page's size in points.
public struct PageSize: Sendable, Equatable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// ISO A4, 210 x 297 mm.
    public static let a4 = PageSize(width: 595.28, height: 841.89)

    /// Points in `millimetres`.
    public static func points(millimetres: Double) -> Double { millimetres * 72 / 25.4 }
}

/// A fill or stroke colour, each component 0...1.
public enum PDFColor: Sendable, Equatable {
    case gray(Double)
    case rgb(Double, Double, Double)

    public static let black = PDFColor.gray(0)
    public static let white = PDFColor.gray(1)

    func operator_(stroking: Bool) -> String {
        switch self {
        case .gray(let level): "\(PDFSyntax.number(level)) \(stroking ? "G" : "g")"
        case .rgb(let red, let green, let blue):
            "\(PDFSyntax.number(red)) \(PDFSyntax.number(green)) \(PDFSyntax.number(blue)) \(stroking ? "RG" : "rg")"
        }
    }
}

/// Where a line of text stands against the x it is given: starting there, centred on it, or ending there.
public enum TextAlignment: Sendable, Equatable {
    case left, center, right
    /// Lines but the last of a paragraph stretched to the full width (only in paragraphs).
    case justified
}
