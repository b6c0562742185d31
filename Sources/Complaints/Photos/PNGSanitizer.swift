/// Rewrites a PNG to what a viewer needs to display it, refusing what it cannot parse. Phones and
/// editors write the place and the author into text chunks (tEXt, zTXt, iTXt), Exif (eXIf) and the
/// time (tIME).
///
/// Kept: the critical chunks (IHDR, PLTE, IDAT, IEND) and the ancillary chunks that change how the
/// pixels look: transparency (tRNS), colour space (gAMA, cHRM, sRGB, cICP, and iCCP with its
/// free-text profile name replaced), significant bits (sBIT), pixel aspect (pHYs) and eXIf reduced
/// to its orientation (`ExifOrientation`), each only before the image data, where viewers look for them.
///
/// Dropped: every other ancillary chunk. Refused: a wrong signature, a chunk cut off or with a bad
/// CRC, an unknown critical chunk, chunks out of order, and anything after IEND.
enum PNGSanitizer {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let displayChunks: Set<String> = ["tRNS", "gAMA", "cHRM", "sRGB", "cICP", "iCCP", "sBIT", "pHYs"]
    /// What the kept iCCP chunk is called: the writer's name for the profile is free text.
    static let profileName = "ICC profile"

    /// - Throws: `PhotoDefect` when the bytes are not a complete, well-formed PNG.
    static func sanitize(_ bytes: [UInt8]) throws(PhotoDefect) -> SanitizedImage {
        guard bytes.starts(with: signature) else { throw .wrongSignature }
        var out = signature
        var index = signature.count
        var header: Header?
        var palette = false
        var imageData = ImageDataRun.notStarted
        var readExif = false
        while true {
            guard index + 12 <= bytes.count else { throw .truncated }
            let length = bytes.bigEndian32(at: index)
            guard length <= Int(Int32.max) else { throw .badLength }
            guard index + 12 + length <= bytes.count else { throw .truncated }
            let typeBytes = bytes[(index + 4)..<(index + 8)]
            guard typeBytes.allSatisfy(isLetter) else { throw .badHeader }
            let data = bytes[(index + 8)..<(index + 8 + length)]
            guard bytes.bigEndian32(at: index + 8 + length) == CRC32.checksum(typeBytes, data) else { throw .badChecksum }
            let chunk = bytes[index..<(index + 12 + length)]
            index += 12 + length
            let type = String(decoding: typeBytes, as: UTF8.self)
            guard header != nil || type == "IHDR" else { throw .outOfOrder }
            if imageData == .running && type != "IDAT" { imageData = .ended }
            switch type {
            case "IHDR":
                guard header == nil else { throw .outOfOrder }
                header = try Header(data)
                out += chunk
            case "PLTE":
                guard !palette, imageData == .notStarted else { throw .outOfOrder }
                guard length > 0, length % 3 == 0, length / 3 <= 256, header?.colourType != 0, header?.colourType != 4 else {
                    throw .badHeader
                }
                palette = true
                out += chunk
            case "IDAT":
                guard imageData != .ended else { throw .outOfOrder }
                guard palette || header?.colourType != 3 else { throw .outOfOrder }
                imageData = .running
                out += chunk
            case "IEND":
                guard imageData != .notStarted, let header else { throw .missingImageData }
                guard length == 0 else { throw .badLength }
                guard index == bytes.count else { throw .trailingData }
                out += chunk
                return SanitizedImage(bytes: out, width: header.width, height: header.height)
            case _ where isCritical(typeBytes):
                throw .unknownCriticalChunk
            case "eXIf" where imageData == .notStarted && !readExif:
                readExif = true
                if let orientation = ExifOrientation.read(tiff: data) { out += Self.chunk("eXIf", ExifOrientation.tiff(orientation)) }
            case "iCCP" where imageData == .notStarted:
                out += try renamedProfile(data)
            case _ where imageData == .notStarted && displayChunks.contains(type):
                out += chunk
            default:
                continue
            }
        }
    }

    /// Where the IDAT chunks are: they must follow one another without a break.
    private enum ImageDataRun { case notStarted, running, ended }

    /// The image header: dimensions and a bit depth that fits the colour type.
    private struct Header {
        let width: Int
        let height: Int
        let colourType: UInt8

        init(_ data: ArraySlice<UInt8>) throws(PhotoDefect) {
            guard data.count == 13 else { throw .badLength }
            width = data.bigEndian32(at: 0)
            height = data.bigEndian32(at: 4)
            let depth = data[data.startIndex + 8]
            colourType = data[data.startIndex + 9]
            let depths: [UInt8: [UInt8]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
            guard (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height),
                  depths[colourType]?.contains(depth) == true,
                  data[data.startIndex + 10] == 0, data[data.startIndex + 11] == 0, data[data.startIndex + 12] <= 1 else {
                throw .badHeader
            }
        }
    }

    /// The iCCP chunk with its profile name (free text, up to 79 bytes) replaced by `profileName`.
    private static func renamedProfile(_ data: ArraySlice<UInt8>) throws(PhotoDefect) -> [UInt8] {
        guard let separator = data.prefix(80).firstIndex(of: 0), separator > data.startIndex,
              separator + 1 < data.endIndex, data[separator + 1] == 0 else { throw .badHeader }
        return chunk("iCCP", Array(profileName.utf8) + [0, 0] + data[(separator + 2)...])
    }

    /// A chunk with its length and CRC.
    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        var out: [UInt8] = []
        out.appendBigEndian32(data.count)
        out += typeBytes + data
        out.appendBigEndian32(CRC32.checksum(typeBytes[...], data[...]))
        return out
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Bit 5 of the first type byte clear (an upper-case letter) marks a chunk a decoder must understand.
    private static func isCritical(_ type: ArraySlice<UInt8>) -> Bool { type[type.startIndex] & 0x20 == 0 }
}

/// The CRC-32 of ISO 3309 / ITU-T V.42 that PNG chunks carry (reflected polynomial 0xEDB88320).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { value in
        var crc = UInt32(value)
        for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        return crc
    }

    static func checksum(_ parts: ArraySlice<UInt8>...) -> Int {
        var crc: UInt32 = 0xFFFF_FFFF
        for part in parts {
            for byte in part { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return Int(crc ^ 0xFFFF_FFFF)
    }
}
