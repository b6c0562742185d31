/// Rewrites a JPEG (ITU T.81, JFIF) to what a decoder needs to display it, refusing what it cannot
/// parse. Phones write the place a photo was taken and the owner's name into application segments
/// (Exif and XMP in APP1, FlashPix and MPF in APP2, IPTC in APP13, vendor data in the rest) and into
/// comments, and some append whole files after the end of the image.
///
/// Kept: the tables (DQT, DHT, DAC, DRI), the one frame header (SOF), every scan with its
/// entropy-coded data (restart markers and stuffed bytes as they are), EOI, and the application
/// segments that change how the pixels look:
/// - APP0 JFIF, with its thumbnail removed (a thumbnail can show the photo before it was cropped);
/// - APP1 Exif reduced to its orientation (`ExifOrientation`);
/// - APP2 ICC_PROFILE, the colour profile (a phone's wide-gamut photo looks wrong without it);
/// - APP14 Adobe, cut to its 12 defined bytes (its transform flag decides how CMYK and YCCK decode).
///
/// Dropped: every other APPn segment, COM, fill bytes, and anything after EOI (phones append motion
/// photos and vendor trailers there).
enum JPEGSanitizer {
    /// - Throws: `PhotoDefect` when the bytes are not a complete, well-formed JPEG with one frame and
    ///   at least one scan.
    static func sanitize(_ bytes: [UInt8]) throws(PhotoDefect) -> SanitizedImage {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == Marker.startOfImage else { throw .wrongSignature }
        var out: [UInt8] = [0xFF, Marker.startOfImage]
        var index = 2
        var frame: (width: Int, height: Int)?
        var scans = 0
        var keptJFIF = false
        var readExif = false
        while true {
            let marker = try nextMarker(in: bytes, at: &index)
            if marker == Marker.endOfImage {
                guard let frame, scans > 0 else { throw .missingImageData }
                out += [0xFF, Marker.endOfImage]
                return SanitizedImage(bytes: out, width: frame.width, height: frame.height)
            }
            guard Marker.hasLength(marker) else { throw .unexpectedMarker(marker) }
            guard index + 2 <= bytes.count else { throw .truncated }
            let length = bytes.bigEndian16(at: index)
            guard length >= 2 else { throw .badLength }
            guard index + length <= bytes.count else { throw .truncated }
            let payload = bytes[(index + 2)..<(index + length)]
            index += length
            switch marker {
            case _ where Marker.isStartOfFrame(marker):
                guard frame == nil else { throw .outOfOrder }
                frame = try frameSize(payload)
                out += segment(marker, payload)
            case Marker.huffmanTables, Marker.arithmeticConditioning, Marker.quantizationTables, Marker.restartInterval:
                out += segment(marker, payload)
            case Marker.startOfScan:
                guard frame != nil else { throw .outOfOrder }
                let components = payload.first.map(Int.init) ?? 0
                guard (1...4).contains(components), payload.count == 4 + 2 * components else { throw .badHeader }
                out += segment(marker, payload)
                out += try entropyCodedData(in: bytes, at: &index)
                scans += 1
            case Marker.app0 where !keptJFIF && payload.count >= 14 && payload.hasASCII("JFIF\0", at: 0):
                keptJFIF = true
                out += segment(marker, payload.prefix(12) + [0, 0])
            case Marker.app1 where !readExif && payload.hasASCII("Exif\0\0", at: 0):
                readExif = true
                if let orientation = ExifOrientation.read(tiff: payload.dropFirst(6)) {
                    out += segment(marker, (Array("Exif\0\0".utf8) + ExifOrientation.tiff(orientation))[...])
                }
            case Marker.app2 where payload.hasASCII("ICC_PROFILE\0", at: 0):
                out += segment(marker, payload)
            case Marker.app14 where payload.count >= 12 && payload.hasASCII("Adobe", at: 0):
                out += segment(marker, payload.prefix(12))
            case Marker.app0...Marker.app15, Marker.comment:
                continue
            default:
                throw .unexpectedMarker(marker)
            }
        }
    }

    /// Reads the marker at `index`, skipping the fill bytes (0xFF) that may precede it.
    private static func nextMarker(in bytes: [UInt8], at index: inout Int) throws(PhotoDefect) -> UInt8 {
        guard index < bytes.count else { throw .truncated }
        guard bytes[index] == 0xFF else { throw .badLength }
        while index < bytes.count, bytes[index] == 0xFF { index += 1 }
        guard index < bytes.count else { throw .truncated }
        defer { index += 1 }
        return bytes[index]
    }

    /// The entropy-coded data after a scan header, up to the next marker that is neither a stuffed
    /// zero (FF 00) nor a restart (FF D0–D7); `index` is left on that marker.
    private static func entropyCodedData(in bytes: [UInt8], at index: inout Int) throws(PhotoDefect) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count {
            if bytes[index] != 0xFF {
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { throw .truncated }
            let next = bytes[index + 1]
            guard next == 0x00 || Marker.isRestart(next) else { return bytes[start..<index] }
            index += 2
        }
        throw .truncated
    }

    /// Width and height from a frame header; a height left to a later DNL segment is refused.
    private static func frameSize(_ payload: ArraySlice<UInt8>) throws(PhotoDefect) -> (width: Int, height: Int) {
        guard payload.count >= 6 else { throw .badHeader }
        let height = payload.bigEndian16(at: 1)
        let width = payload.bigEndian16(at: 3)
        let components = Int(payload[payload.startIndex + 5])
        guard width > 0, height > 0, (1...4).contains(components), payload.count == 6 + 3 * components else { throw .badHeader }
        return (width, height)
    }

    private static func segment(_ marker: UInt8, _ payload: ArraySlice<UInt8>) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// Marker codes (T.81 table B.1).
    enum Marker {
        static let startOfImage: UInt8 = 0xD8
        static let endOfImage: UInt8 = 0xD9
        static let startOfScan: UInt8 = 0xDA
        static let quantizationTables: UInt8 = 0xDB
        static let restartInterval: UInt8 = 0xDD
        static let huffmanTables: UInt8 = 0xC4
        static let arithmeticConditioning: UInt8 = 0xCC
        static let app0: UInt8 = 0xE0
        static let app1: UInt8 = 0xE1
        static let app2: UInt8 = 0xE2
        static let app14: UInt8 = 0xEE
        static let app15: UInt8 = 0xEF
        static let comment: UInt8 = 0xFE

        /// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        static func isStartOfFrame(_ marker: UInt8) -> Bool {
            (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
        }

        static func isRestart(_ marker: UInt8) -> Bool { (0xD0...0xD7).contains(marker) }

        /// Markers followed by a length: all but SOI, EOI, RSTn, TEM and the reserved 0x00.
        static func hasLength(_ marker: UInt8) -> Bool {
            marker > 0x01 && !isRestart(marker) && marker != startOfImage && marker != endOfImage
        }
    }
}
