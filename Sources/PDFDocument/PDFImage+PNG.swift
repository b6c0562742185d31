extension PDFImage {
    /// A PNG, not interlaced. Without transparency (greyscale, RGB or palette, 1 to 16 bits) its IDAT
    /// data, already a zlib stream of predicted rows, goes in as it is for FlateDecode. With an alpha
    /// channel (greyscale or RGB with alpha, 8 bits) or a palette with a tRNS chunk (8 bits), the rows
    /// are decoded and the alpha becomes a soft mask, so the logo stands on the paper as it was drawn.
    /// - Throws: `PDFError.unsupportedImage` for anything else.
    public init(png bytes: [UInt8]) throws(PDFError) {
        let png = try PNGFile(bytes)
        let palette = png.palette.map { palette in
            let hex = palette.map { byte in
                let digits = String(byte, radix: 16, uppercase: true)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
            return "[/Indexed /DeviceRGB \(palette.count / 3 - 1) <\(hex)>]"
        }
        if png.colourType == 3 && palette == nil { throw .unsupportedImage("PNG palette missing") }
        let transparent = png.colourType == 4 || png.colourType == 6 || (png.colourType == 3 && png.transparency != nil)

        guard transparent else {
            guard png.colourType != 2 || png.transparency == nil, png.colourType != 0 || png.transparency == nil else {
                throw .unsupportedImage("PNG with transparency (tRNS) outside a palette")
            }
            let colourSpace = png.colourType == 0 ? "/DeviceGray" : png.colourType == 2 ? "/DeviceRGB" : palette!
            let colours = png.colourType == 2 ? 3 : 1
            self.init(width: png.width, height: png.height, dictionary: [
                ("ColorSpace", colourSpace),
                ("BitsPerComponent", String(png.depth)),
                ("Filter", "/FlateDecode"),
                ("DecodeParms", "<< /Predictor 15 /Colors \(colours) /BitsPerComponent \(png.depth) /Columns \(png.width) >>"),
            ], data: png.compressed)
            return
        }

        guard png.depth == 8 else { throw .unsupportedImage("PNG with transparency at \(png.depth) bits") }
        let channels = [3: 1, 4: 2, 6: 4][Int(png.colourType)]!
        let pixels = try PNGRows.unfiltered(Inflate.zlib(png.compressed), width: png.width, height: png.height, bytesPerPixel: channels)
        var colour: [UInt8] = [], alpha: [UInt8] = []
        colour.reserveCapacity(png.width * png.height * max(1, channels - 1))
        alpha.reserveCapacity(png.width * png.height)
        if png.colourType == 3 {
            let table = png.transparency!
            colour = pixels
            alpha = pixels.map { Int($0) < table.count ? table[table.startIndex + Int($0)] : 255 }
        } else {
            for start in stride(from: 0, to: pixels.count, by: channels) {
                colour += pixels[start..<start + channels - 1]
                alpha.append(pixels[start + channels - 1])
            }
        }
        let colourSpace = png.colourType == 4 ? "/DeviceGray" : png.colourType == 6 ? "/DeviceRGB" : palette!
        self.init(width: png.width, height: png.height, dictionary: [
            ("ColorSpace", colourSpace),
            ("BitsPerComponent", "8"),
        ], data: colour, softMask: alpha)
    }
}

/// The chunks of a PNG file a PDF image needs (PNG specification, 11.2).
struct PNGFile {
    let width: Int
    let height: Int
    let depth: Int
    let colourType: UInt8
    let palette: ArraySlice<UInt8>?
    let transparency: ArraySlice<UInt8>?
    let compressed: [UInt8]

    init(_ bytes: [UInt8]) throws(PDFError) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.starts(with: signature) else { throw .unsupportedImage("not a PNG") }
        var index = 8
        var header: ArraySlice<UInt8>?
        var palette: ArraySlice<UInt8>?, transparency: ArraySlice<UInt8>?
        var compressed: [UInt8] = []
        while index + 8 <= bytes.count {
            let length = bytes[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[index + 4..<index + 8], as: UTF8.self)
            guard index + 12 + length <= bytes.count else { throw .unsupportedImage("PNG chunk runs past the end") }
            let body = bytes[index + 8..<index + 8 + length]
            switch type {
            case "IHDR": header = body
            case "PLTE": palette = body
            case "tRNS": transparency = body
            case "IDAT": compressed += body
            case "IEND": index = bytes.count
            default: break
            }
            index += 12 + length
        }
        guard let header, header.count == 13, !compressed.isEmpty else { throw .unsupportedImage("PNG without IHDR or IDAT") }
        let start = header.startIndex
        width = header[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
        height = header[start + 4..<start + 8].reduce(0) { $0 << 8 | Int($1) }
        depth = Int(header[start + 8])
        colourType = header[start + 9]
        guard header[start + 12] == 0 else { throw .unsupportedImage("interlaced PNG") }
        guard width > 0, height > 0, [0, 2, 3, 4, 6].contains(colourType) else { throw .unsupportedImage("PNG header does not read") }
        if let palette, palette.isEmpty || palette.count % 3 != 0 { throw .unsupportedImage("PNG palette does not read") }
        self.palette = palette
        self.transparency = transparency
        self.compressed = compressed
    }
}

/// Undoing the PNG row filters (PNG specification, 9): each row starts with its filter type.
enum PNGRows {
    static func unfiltered(_ data: [UInt8], width: Int, height: Int, bytesPerPixel: Int) throws(PDFError) -> [UInt8] {
        let stride = width * bytesPerPixel
        guard data.count >= height * (stride + 1) else { throw .unsupportedImage("PNG data is shorter than its rows") }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = data[row * (stride + 1)]
            let input = row * (stride + 1) + 1
            let output = row * stride
            for column in 0..<stride {
                let raw = Int(data[input + column])
                let left = column >= bytesPerPixel ? Int(pixels[output + column - bytesPerPixel]) : 0
                let up = row > 0 ? Int(pixels[output - stride + column]) : 0
                let upLeft = row > 0 && column >= bytesPerPixel ? Int(pixels[output - stride + column - bytesPerPixel]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let (toLeft, toUp, toUpLeft) = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predicted = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft
                default: throw .unsupportedImage("PNG row filter \(filter)")
                }
                pixels[output + column] = UInt8((raw + predicted) & 0xFF)
            }
        }
        return pixels
    }
}
