/// Rewrites a WebP (the RIFF container of the WebP container specification) to what a viewer needs
/// to display it, refusing what it cannot parse. Phones write the place and the owner into the EXIF
/// and XMP chunks; any unknown chunk can carry the same.
///
/// Kept: the bitstream (VP8 or VP8L) of a simple file; in an extended file VP8X (with the EXIF and
/// XMP flags and the reserved bits cleared), the colour profile (ICCP, which changes how the pixels
/// look), ALPH, VP8, VP8L, ANIM, each ANMF frame with only its ALPH and bitstream inside, and EXIF
/// reduced to its orientation (`ExifOrientation`). Dropped: XMP, the rest of EXIF, unknown chunks. The RIFF size is written anew. Refused: a wrong
/// signature, a chunk cut off, a RIFF size that disagrees with the bytes, a bitstream header with
/// impossible values, and a canvas that disagrees with its image.
enum WebPSanitizer {
    /// The VP8X flag bits (container specification, "Extended file format").
    enum Flag {
        static let iccProfile: UInt8 = 0x20
        static let alpha: UInt8 = 0x10
        static let exif: UInt8 = 0x08
        static let xmp: UInt8 = 0x04
        static let animation: UInt8 = 0x02
    }

    struct Chunk {
        let fourCC: String
        let payload: ArraySlice<UInt8>

        /// Header, payload, and the pad byte that keeps chunks at even offsets.
        var bytes: [UInt8] {
            var out = Array(fourCC.utf8)
            out.appendLittleEndian32(payload.count)
            out += payload
            if payload.count % 2 == 1 { out.append(0) }
            return out
        }
    }

    /// - Throws: `PhotoDefect` when the bytes are not a complete, well-formed WebP.
    static func sanitize(_ bytes: [UInt8]) throws(PhotoDefect) -> SanitizedImage {
        guard bytes.count >= 12, bytes.hasASCII("RIFF", at: 0), bytes.hasASCII("WEBP", at: 8) else { throw .wrongSignature }
        let riffSize = bytes.littleEndian32(at: 4)
        guard riffSize + 8 <= bytes.count else { throw .truncated }
        guard riffSize + 8 == bytes.count else { throw .trailingData }
        let chunks = try chunks(in: bytes[12...])
        guard let first = chunks.first else { throw .missingImageData }
        let kept: [Chunk]
        let size: (width: Int, height: Int)
        switch first.fourCC {
        case "VP8 ", "VP8L":
            // A simple file is its bitstream; anything after it has no place there.
            size = try bitstreamSize(first)
            kept = [first]
        case "VP8X":
            (kept, size) = try extended(first, rest: chunks.dropFirst())
        default:
            throw .missingImageData
        }
        let body = kept.flatMap(\.bytes)
        var out = Array("RIFF".utf8)
        out.appendLittleEndian32(4 + body.count)
        out += Array("WEBP".utf8) + body
        return SanitizedImage(bytes: out, width: size.width, height: size.height)
    }

    /// The chunks of a RIFF body, each with its declared size; a chunk that runs past the end is refused.
    static func chunks(in body: ArraySlice<UInt8>) throws(PhotoDefect) -> [Chunk] {
        var chunks: [Chunk] = []
        var index = body.startIndex
        while index < body.endIndex {
            guard body.endIndex - index >= 8 else { throw .truncated }
            let fourCC = body[index..<(index + 4)]
            guard fourCC.allSatisfy({ (0x20...0x7E).contains($0) }) else { throw .badHeader }
            let size = body[index...].littleEndian32(at: 4)
            let padded = size + size % 2
            guard body.endIndex - index - 8 >= padded else { throw .truncated }
            chunks.append(Chunk(fourCC: String(decoding: fourCC, as: UTF8.self), payload: body[(index + 8)..<(index + 8 + size)]))
            index += 8 + padded
        }
        return chunks
    }

    /// An extended file: VP8X, then the profile, the image or the animation; metadata dropped.
    private static func extended(_ header: Chunk, rest: ArraySlice<Chunk>) throws(PhotoDefect) -> ([Chunk], (width: Int, height: Int)) {
        guard header.payload.count >= 10 else { throw .badHeader }
        let flags = header.payload[header.payload.startIndex]
        let canvas = (width: header.payload.littleEndian24(at: 4) + 1, height: header.payload.littleEndian24(at: 7) + 1)
        guard canvas.width * canvas.height <= Int(UInt32.max) else { throw .badHeader }
        var kept: [Chunk] = []
        var bitstreams = 0
        var frames = 0
        var animation = false
        var orientation: UInt8?
        var readExif = false
        for chunk in rest {
            switch chunk.fourCC {
            case "ICCP" where kept.isEmpty:
                kept.append(chunk)
            case "ANIM":
                guard chunk.payload.count >= 6 else { throw .badLength }
                animation = true
                kept.append(chunk)
            case "ANMF":
                kept.append(try frame(chunk))
                frames += 1
            case "ALPH":
                kept.append(chunk)
            case "EXIF" where !readExif:
                readExif = true
                // Some writers keep the JPEG segment's "Exif\0\0" before the TIFF structure.
                orientation = ExifOrientation.read(tiff: chunk.payload.hasASCII("Exif\0\0", at: 0) ? chunk.payload.dropFirst(6) : chunk.payload)
            case "VP8 ", "VP8L":
                let size = try bitstreamSize(chunk)
                guard size == canvas || flags & Flag.animation != 0 else { throw .badHeader }
                kept.append(chunk)
                bitstreams += 1
            default:
                continue
            }
        }
        let animated = flags & Flag.animation != 0
        guard animated ? (animation && frames > 0 && bitstreams == 0) : (bitstreams == 1 && frames == 0) else {
            throw .missingImageData
        }
        let hasProfile = kept.first?.fourCC == "ICCP"
        if let orientation { kept.append(Chunk(fourCC: "EXIF", payload: ExifOrientation.tiff(orientation)[...])) }
        let keptFlags = flags & (Flag.alpha | Flag.animation) | (hasProfile ? Flag.iccProfile : 0) | (orientation != nil ? Flag.exif : 0)
        let vp8x = Chunk(fourCC: "VP8X", payload: [keptFlags, 0, 0, 0] + header.payload.dropFirst(4).prefix(6))
        return ([vp8x] + kept, canvas)
    }

    /// An animation frame: its 16-byte header, then only its ALPH and bitstream sub-chunks.
    private static func frame(_ chunk: Chunk) throws(PhotoDefect) -> Chunk {
        guard chunk.payload.count >= 16 else { throw .badLength }
        let parts = try chunks(in: chunk.payload.dropFirst(16))
        var kept = Array(chunk.payload.prefix(16))
        var bitstreams = 0
        for part in parts where ["ALPH", "VP8 ", "VP8L"].contains(part.fourCC) {
            if part.fourCC != "ALPH" {
                _ = try bitstreamSize(part)
                bitstreams += 1
            }
            kept += part.bytes
        }
        guard bitstreams == 1 else { throw .missingImageData }
        return Chunk(fourCC: "ANMF", payload: kept[...])
    }

    /// Width and height from a VP8 key frame header or a VP8L header.
    static func bitstreamSize(_ chunk: Chunk) throws(PhotoDefect) -> (width: Int, height: Int) {
        let data = chunk.payload
        if chunk.fourCC == "VP8L" {
            // Signature 0x2F, then 14 bits width - 1, 14 bits height - 1, 1 bit alpha, 3 bits version 0.
            guard data.count >= 5, data[data.startIndex] == 0x2F else { throw .badHeader }
            let bits = data.littleEndian32(at: 1)
            guard bits >> 29 == 0 else { throw .badHeader }
            return ((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
        }
        // A key frame (bit 0 of the frame tag clear), the start code 9D 01 2A, 14-bit width and height.
        guard data.count >= 10, data[data.startIndex] & 1 == 0,
              data.dropFirst(3).prefix(3).elementsEqual([0x9D, 0x01, 0x2A]) else { throw .badHeader }
        let width = data.littleEndian16(at: 6) & 0x3FFF
        let height = data.littleEndian16(at: 8) & 0x3FFF
        guard width > 0, height > 0 else { throw .badHeader }
        return (width, height)
    }
}
