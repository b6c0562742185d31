extension PDFImage {
    /// A PNG without transparency: greyscale, RGB or palette, 1 to 16 bits, not interlaced. Its IDAT
    /// data is already a zlib stream of predicted rows, which PDF's FlateDecode reads as it is.
    /// - Throws: `PDFError.unsupportedImage` for anything else (an alpha channel or a tRNS chunk would
    ///   need the pixels decoded; save such a logo without transparency, or as JPEG).
    public init(png bytes: [UInt8]) throws(PDFError) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.starts(with: signature) else { throw .unsupportedImage("not a PNG") }
        var index = 8
        var header: ArraySlice<UInt8>?
        var palette: ArraySlice<UInt8>?
        var compressed: [UInt8] = []
        while index + 8 <= bytes.count {
            let length = bytes[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            guard index + 12 + length <= bytes.count else { throw .unsupportedImage("PNG chunk runs past the end") }
            let body = bytes[index + 8..<index + 8 + length]
            switch type {
            case "IHDR": header = body
            case "PLTE": palette = body
            case "IDAT": compressed += body
            case "tRNS": throw .unsupportedImage("PNG with transparency (tRNS)")
            case "IEND": index = bytes.count
            default: break
            }
            index += 12 + length
        }
        guard let header, header.count == 13, !compressed.isEmpty else { throw .unsupportedImage("PNG without IHDR or IDAT") }
        let start = header.startIndex
        let width = header[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
        let height = header[start + 4..<start + 8].reduce(0) { $0 << 8 | Int($1) }
        let depth = Int(header[start + 8]), colourType = header[start + 9], interlace = header[start + 12]
        guard interlace == 0 else { throw .unsupportedImage("interlaced PNG") }
        let colourSpace: String, colours: Int
        switch colourType {
        case 0:
            (colourSpace, colours) = ("/DeviceGray", 1)
        case 2:
            (colourSpace, colours) = ("/DeviceRGB", 3)
        case 3:
            guard let palette, palette.count % 3 == 0, !palette.isEmpty else { throw .unsupportedImage("PNG palette missing") }
            let hex = palette.map { byte in
                let digits = String(byte, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
            (colourSpace, colours) = ("[/Indexed /DeviceRGB \(palette.count / 3 - 1) <\(hex)>]", 1)
        default:
            throw .unsupportedImage("PNG with an alpha channel")
        }
        self.init(width: width, height: height, dictionary: [
            ("ColorSpace", colourSpace),
            ("BitsPerComponent", String(depth)),
            ("Filter", "/FlateDecode"),
            ("DecodeParms", "<< /Predictor 15 /Colors \(colours) /BitsPerComponent \(depth) /Columns \(width) >>"),
        ], data: compressed)
    }
}
