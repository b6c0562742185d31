/// A picture a page can place (ISO 32000-1, 8.9.5): a JPEG is passed through as DCTDecode and an
/// opaque PNG's zlib stream as FlateDecode with the PNG predictors (7.4.4.4), neither decoded; a PNG
/// with transparency is decoded, its alpha becoming a soft mask (11.6.5.3).
public struct PDFImage: Sendable, Equatable, Hashable {
    public let width: Int
    public let height: Int
    /// The image dictionary's entries beside Type, Subtype, Width, Height and Length.
    let dictionary: [(key: String, value: String)]
    let data: [UInt8]
    /// Alpha samples, 8 bits each, written as the image's soft mask; nil for an opaque image.
    let softMask: [UInt8]?

    /// A JPEG (baseline or progressive; greyscale, RGB or CMYK).
    /// - Throws: `PDFError.unsupportedImage` when the bytes are not a JPEG whose frame header reads.
    public init(jpeg bytes: [UInt8]) throws(PDFError) {
        let frame = try JPEGFrame(bytes)
        width = frame.width
        height = frame.height
        var entries: [(String, String)] = [
            ("ColorSpace", frame.components == 1 ? "/DeviceGray" : frame.components == 3 ? "/DeviceRGB" : "/DeviceCMYK"),
            ("BitsPerComponent", "8"),
            ("Filter", "/DCTDecode"),
        ]
        // Adobe's CMYK JPEGs store inverted components.
        if frame.components == 4 && frame.adobeInverted { entries.append(("Decode", "[1 0 1 0 1 0 1 0]")) }
        dictionary = entries.map { (key: $0.0, value: $0.1) }
        data = bytes
        softMask = nil
    }

    init(width: Int, height: Int, dictionary: [(String, String)], data: [UInt8], softMask: [UInt8]? = nil) {
        self.width = width
        self.height = height
        self.dictionary = dictionary.map { (key: $0.0, value: $0.1) }
        self.data = data
        self.softMask = softMask
    }

    public static func == (lhs: PDFImage, rhs: PDFImage) -> Bool { lhs.data == rhs.data && lhs.softMask == rhs.softMask }
    public func hash(into hasher: inout Hasher) { hasher.combine(data) }
}

/// The parts of a JPEG's start-of-frame segment an image dictionary needs.
struct JPEGFrame {
    let width: Int
    let height: Int
    let components: Int
    let adobeInverted: Bool

    init(_ bytes: [UInt8]) throws(PDFError) {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { throw .unsupportedImage("not a JPEG") }
        var index = 2
        var adobe = false
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { throw .unsupportedImage("JPEG segments do not read") }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { throw .unsupportedImage("JPEG segment runs past the end") }
            let body = bytes[(index + 4)..<(index + 2 + length)]
            if marker == 0xEE && body.starts(with: Array("Adobe".utf8)) { adobe = true }
            let startOfFrame: ClosedRange<UInt8> = 0xC0...0xCF
            if startOfFrame.contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard body.count >= 6 else { throw .unsupportedImage("JPEG frame header too short") }
                let start = body.startIndex
                height = Int(body[start + 1]) << 8 | Int(body[start + 2])
                width = Int(body[start + 3]) << 8 | Int(body[start + 4])
                components = Int(body[start + 5])
                adobeInverted = adobe
                guard body[start] == 8, width > 0, height > 0, [1, 3, 4].contains(components) else {
                    throw .unsupportedImage("JPEG of \(components) components at \(body[start]) bits")
                }
                return
            }
            if marker == 0xDA || marker == 0xD9 { break }
            index += 2 + length
        }
        throw .unsupportedImage("JPEG without a frame header")
    }
}
