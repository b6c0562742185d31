/// The Latin text fonts among PDF's standard 14 (ISO 32000-1, 9.6.2.2): every reader has them, so
/// nothing is embedded; text is written in WinAnsiEncoding and measured with the fonts' AFM widths.
/// (Symbol and ZapfDingbats, the other two, have encodings of their own and are not offered.)
public enum StandardFont: String, Sendable, CaseIterable, Hashable {
    case helvetica = "Helvetica"
    case helveticaBold = "Helvetica-Bold"
    case helveticaOblique = "Helvetica-Oblique"
    case helveticaBoldOblique = "Helvetica-BoldOblique"
    case timesRoman = "Times-Roman"
    case timesBold = "Times-Bold"
    case timesItalic = "Times-Italic"
    case timesBoldItalic = "Times-BoldItalic"
    case courier = "Courier"
    case courierBold = "Courier-Bold"
    case courierOblique = "Courier-Oblique"
    case courierBoldOblique = "Courier-BoldOblique"

    /// The PostScript name PDF knows the font by.
    public var baseFont: String { rawValue }

    private var widths: [UInt16]? {
        switch self {
        case .helvetica, .helveticaOblique: StandardFontWidths.helvetica
        case .helveticaBold, .helveticaBoldOblique: StandardFontWidths.helveticaBold
        case .timesRoman: StandardFontWidths.timesRoman
        case .timesBold: StandardFontWidths.timesBold
        case .timesItalic: StandardFontWidths.timesItalic
        case .timesBoldItalic: StandardFontWidths.timesBoldItalic
        case .courier, .courierBold, .courierOblique, .courierBoldOblique: nil
        }
    }

    /// The advance width of one WinAnsi code, in thousandths of the font size.
    func width(ofCode code: UInt8) -> Int {
        guard let widths else { return 600 }
        return code >= 32 ? Int(widths[Int(code) - 32]) : 0
    }

    /// The width of `text` set at `size` points, as the page will draw it (characters outside
    /// WinAnsi measured as their replacement).
    public func width(of text: String, size: Double) -> Double {
        width(ofCodes: WinAnsi.encode(text), size: size)
    }

    func width(ofCodes codes: [UInt8], size: Double) -> Double {
        Double(codes.reduce(0) { $0 + width(ofCode: $1) }) * size / 1000
    }

    /// How far above the baseline the font's capital letters reach, as a share of its size (AFM CapHeight).
    public var capHeight: Double {
        switch self {
        case .helvetica, .helveticaOblique, .helveticaBold, .helveticaBoldOblique: 0.718
        case .timesRoman, .timesItalic: 0.662
        case .timesBold, .timesBoldItalic: 0.676
        case .courier, .courierBold, .courierOblique, .courierBoldOblique: 0.571
        }
    }
}
