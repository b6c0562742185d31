/// One page being drawn: a content stream of PDF operators (ISO 32000-1, 8 and 9) and the fonts and
/// images it names. Every position is in points from the page's top-left corner, y downwards.
public struct PDFPage: Sendable {
    public let size: PageSize
    private(set) var content = ""
    private(set) var fonts: [StandardFont] = []
    private(set) var images: [PDFImage] = []

    init(size: PageSize) { self.size = size }

    /// PDF's y (from the bottom) of a y from the top.
    func flipped(_ y: Double) -> Double { size.height - y }

    mutating func emit(_ operators: String) { content += operators + "\n" }

    /// The resource name of `font` on this page (F1, F2, ... in the order fonts are first used).
    mutating func resourceName(of font: StandardFont) -> String {
        if let index = fonts.firstIndex(of: font) { return "F\(index + 1)" }
        fonts.append(font)
        return "F\(fonts.count)"
    }

    /// A straight line.
    public mutating func line(from start: PDFPoint, to end: PDFPoint, width: Double = 1, color: PDFColor = .black) {
        let n = PDFSyntax.number
        emit("q \(color.operator_(stroking: true)) \(n(width)) w \(n(start.x)) \(n(flipped(start.y))) m \(n(end.x)) \(n(flipped(end.y))) l S Q")
    }

    /// A rectangle, filled, outlined or both.
    public mutating func rectangle(_ rect: PDFRect, fill: PDFColor? = .black, stroke: PDFColor? = nil, lineWidth: Double = 1) {
        guard fill != nil || stroke != nil else { return }
        var operators = "q "
        if let fill { operators += fill.operator_(stroking: false) + " " }
        if let stroke { operators += stroke.operator_(stroking: true) + " \(PDFSyntax.number(lineWidth)) w " }
        operators += path(rect) + (fill != nil && stroke != nil ? "B" : fill != nil ? "f" : "S") + " Q"
        emit(operators)
    }

    /// Many filled rectangles of one colour in one path, such as a QR code's modules.
    public mutating func fill(_ rects: [PDFRect], color: PDFColor = .black) {
        guard !rects.isEmpty else { return }
        emit("q \(color.operator_(stroking: false))")
        for rect in rects { emit(path(rect)) }
        emit("f Q")
    }

    private func path(_ rect: PDFRect) -> String {
        let n = PDFSyntax.number
        return "\(n(rect.x)) \(n(flipped(rect.y + rect.height))) \(n(rect.width)) \(n(rect.height)) re "
    }

    /// An image stretched over `rect`; the same image on several pages is stored once.
    public mutating func image(_ image: PDFImage, in rect: PDFRect) {
        if !images.contains(image) { images.append(image) }
        let index = images.firstIndex(of: image)!
        let n = PDFSyntax.number
        emit("q \(n(rect.width)) 0 0 \(n(rect.height)) \(n(rect.x)) \(n(flipped(rect.y + rect.height))) cm /Im\(index + 1) Do Q")
    }
}
