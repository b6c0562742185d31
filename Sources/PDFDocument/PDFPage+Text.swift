/// Text on a page: single lines placed by their baseline, and paragraphs wrapped to a width.
extension PDFPage {
    /// One line of text whose baseline stands at `point.y`; with `.left` it starts at `point.x`, with
    /// `.center` it is centred on it, with `.right` it ends there. Characters outside WinAnsi are drawn
    /// as "?".
    public mutating func text(
        _ text: String,
        at point: PDFPoint,
        font: StandardFont = .helvetica,
        size: Double = 11,
        alignment: TextAlignment = .left,
        color: PDFColor = .black
    ) {
        let codes = WinAnsi.encode(text)
        let width = font.width(ofCodes: codes, size: size)
        let x: Double
        switch alignment {
        case .left, .justified: x = point.x
        case .center: x = point.x - width / 2
        case .right: x = point.x - width
        }
        show(codes, x: x, baseline: point.y, font: font, size: size, color: color, wordSpacing: 0)
    }

    /// Text wrapped into lines of at most `width` points, starting at the top `y`; a line break in the
    /// text starts a new line, an empty line leaves one empty. Each line takes `lineHeight` (1.2 times
    /// the size when nil), its baseline 0.8 times the size below the line's top.
    /// - Returns: the y just below the last line, where the next block may start.
    @discardableResult
    public mutating func paragraph(
        _ text: String,
        x: Double,
        y: Double,
        width: Double,
        font: StandardFont = .helvetica,
        size: Double = 11,
        lineHeight: Double? = nil,
        alignment: TextAlignment = .left,
        color: PDFColor = .black
    ) -> Double {
        let step = lineHeight ?? size * 1.2
        var top = y
        for line in font.wrap(text, size: size, width: width) {
            let spare = width - line.width
            var lineX = x
            var wordSpacing = 0.0
            switch alignment {
            case .left: break
            case .center: lineX += spare / 2
            case .right: lineX += spare
            case .justified:
                let spaces = line.codes.filter { $0 == 0x20 }.count
                if !line.endsParagraph && spaces > 0 { wordSpacing = spare / Double(spaces) }
            }
            if !line.codes.isEmpty {
                show(line.codes, x: lineX, baseline: top + size * 0.8, font: font, size: size, color: color, wordSpacing: wordSpacing)
            }
            top += step
        }
        return top
    }

    private mutating func show(
        _ codes: [UInt8], x: Double, baseline: Double, font: StandardFont, size: Double, color: PDFColor, wordSpacing: Double
    ) {
        let n = PDFSyntax.number
        let name = resourceName(of: font)
        let spacing = wordSpacing == 0 ? "" : "\(n(wordSpacing)) Tw "
        emit("q BT \(color.operator_(stroking: false)) /\(name) \(n(size)) Tf \(spacing)1 0 0 1 \(n(x)) \(n(flipped(baseline))) Tm \(PDFSyntax.literal(codes)) Tj ET Q")
    }
}
