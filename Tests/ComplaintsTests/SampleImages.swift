@testable import Complaints

/// Small real images and the metadata a phone writes into them, for the sanitizer tests. The JPEGs
/// and WebPs were written by an image library and decode as they are; the PNGs are built here with a
/// stored (uncompressed) zlib stream.
enum SampleImages {
    /// What an anonymous reporter's phone writes: a name and the place the photo was taken.
    static let secrets = ["Siti Rahayu", "-6.2088", "106.8456"]
    static let secret = Array("Siti Rahayu GPS -6.2088,106.8456".utf8)

    /// 16×8 greyscale baseline JPEG: SOI, APP0 JFIF (no thumbnail), DQT, SOF0, DHT ×2, SOS, scan, EOI.
    static let jpeg = bytes(hex: """
        ffd8ffe000104a46494600010100000100010000ffdb0043001b12141714111b1716171e1c1b2028422b28252528513a3d30\
        42605565645f555d5b6a7899816a7190735b5d85b586909ea3abadab6780bcc9baa6c799a8aba4ffc0000b08000800100101\
        1100ffc4001500010100000000000000000000000000000405ffc40020100001030207000000000000000000000003000221\
        0105041522317281d1ffda0008010100003f0015bc1b42b18a3e5f6e795b047681f2af935e97ffd9
        """)

    /// 16×8 colour progressive JPEG with a restart interval: DRI, ten scans with tables between them,
    /// RST markers inside the scans.
    static let progressiveJPEG = bytes(hex: """
        ffd8ffe000104a46494600010100000100010000ffdb0043001b12141714111b1716171e1c1b2028422b28252528513a3d30\
        42605565645f555d5b6a7899816a7190735b5d85b586909ea3abadab6780bcc9baa6c799a8aba4ffdb0043011c1e1e282328\
        4e2b2b4ea46e5d6ea4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4a4\
        a4a4a4a4a4a4a4a4ffc20011080008001003012200021101031101ffc4001500010100000000000000000000000000000003\
        ffc40014010100000000000000000000000000000002ffdd00040001ffda000c0301000210031000000195823fffc4001610\
        00030000000000000000000000000000000103ffda0008010100010502533fffd0533fffc400171100030100000000000000\
        00000000000000010203ffda0008010301013f01cad9ffc400161101010100000000000000000000000000010002ffda0008\
        010201013f0174dfffc40014100100000000000000000000000000000000ffda0008010100063f027fffd07fffc400151001\
        0100000000000000000000000000000061ffda0008010100013f2183ffd083ffda000c030100020003000000108fffc40015\
        11010100000000000000000000000000000051ffda0008010301013f10adffc4001411010000000000000000000000000000\
        0000ffda0008010201013f106fffc40014100100000000000000000000000000000000ffda0008010100013f106fffd06fff\
        d9
        """)

    /// 16×8 lossless WebP, simple format: one VP8L chunk.
    static let losslessWebP = bytes(hex: """
        524946462c000000574542505650384c1f0000002f0fc00100b98ce87fec220adfff80908030c5ffa3923e1003181380546d\
        0700
        """)

    /// 16×8 lossy WebP, simple format: one VP8 chunk.
    static let lossyWebP = bytes(hex: """
        524946463a00000057454250565038202e0000009001009d012a1000080007409625b0027400b1fda000fecd7c4cf35fd578\
        70cde23c9d5da20091853bef37d30000
        """)

    /// 16×8 lossy WebP with transparency, extended format: VP8X (alpha flag), ALPH, VP8.
    static let alphaWebP = bytes(hex: """
        524946465e00000057454250565038580a000000100000000f0000070000414c50480a000000010750e488084444ff035650\
        38202e0000009001009d012a1000080007409625b0027400b1fda000fecd7c4cf35fd57870cde23c9d5da20091853bef37d3\
        0000
        """)

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.filter(\.isHexDigit).utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
    }

    /// The secrets found in `bytes`; empty when the photo is clean.
    static func leaks(in bytes: [UInt8]) -> [String] {
        secrets.filter { secret in
            let needle = Array(secret.utf8)
            return bytes.indices.contains { bytes[$0...].starts(with: needle) }
        }
    }

    /// A little-endian Exif TIFF structure as a phone writes it: IFD0 with a description holding
    /// the place, the orientation, and the artist's name.
    static func exif(orientation: UInt8) -> [UInt8] {
        func entry(_ tag: UInt16, _ type: UInt16, _ count: UInt32, _ value: UInt32) -> [UInt8] {
            [UInt8(tag & 0xFF), UInt8(tag >> 8), UInt8(type), 0] + withUnsafeBytes(of: count.littleEndian, Array.init)
                + withUnsafeBytes(of: value.littleEndian, Array.init)
        }
        let artist = Array("Siti Rahayu\0".utf8)
        let description = Array("GPS -6.2088,106.8456\0".utf8)
        var tiff = Array("II".utf8) + [42, 0, 8, 0, 0, 0, 3, 0]
        tiff += entry(0x010E, 2, UInt32(description.count), 50 + UInt32(artist.count))
        tiff += entry(0x0112, 3, 1, UInt32(orientation))
        tiff += entry(0x013B, 2, UInt32(artist.count), 50)
        return tiff + [0, 0, 0, 0] + artist + description
    }

    // MARK: JPEG

    static func jpegSegment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
    }

    /// `jpeg` with `segments` inserted after its APP0 segment, where cameras put theirs.
    static func jpeg(inserting segments: [UInt8], into image: [UInt8] = jpeg) -> [UInt8] {
        let afterAPP0 = 2 + 2 + image.bigEndian16(at: 4)
        return Array(image[..<afterAPP0]) + segments + image[afterAPP0...]
    }

    // MARK: PNG

    /// A 3×2 RGB PNG (IHDR, `extra` chunks, one IDAT, IEND) whose pixels are stored uncompressed.
    static func png(before extra: [UInt8] = [], afterData: [UInt8] = [], width: Int = 3, height: Int = 2) -> [UInt8] {
        var header: [UInt8] = []
        header.appendBigEndian32(width)
        header.appendBigEndian32(height)
        header += [8, 2, 0, 0, 0]
        var rows: [UInt8] = []
        for y in 0..<height {
            rows.append(0)
            for x in 0..<(width * 3) { rows.append(UInt8((x * 40 + y * 90) % 256)) }
        }
        var out = PNGSanitizer.signature + PNGSanitizer.chunk("IHDR", header)
        out += extra
        out += PNGSanitizer.chunk("IDAT", zlibStored(rows))
        out += afterData
        return out + PNGSanitizer.chunk("IEND", [])
    }

    /// A zlib stream of one stored deflate block (RFC 1950, 1951).
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        let length = data.count
        var out: [UInt8] = [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8),
                            UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)] + data
        var a = 1, b = 0
        for byte in data {
            a = (a + Int(byte)) % 65521
            b = (b + a) % 65521
        }
        out.appendBigEndian32(b << 16 | a)
        return out
    }

    // MARK: WebP

    static func webpChunk(_ fourCC: String, _ payload: [UInt8]) -> [UInt8] {
        WebPSanitizer.Chunk(fourCC: fourCC, payload: payload[...]).bytes
    }

    /// A RIFF WebP file of `chunks`, with its size written to match.
    static func webp(_ chunks: [UInt8]) -> [UInt8] {
        var out = Array("RIFF".utf8)
        out.appendLittleEndian32(4 + chunks.count)
        return out + Array("WEBP".utf8) + chunks
    }

    /// The chunks of a WebP file after its 12-byte header.
    static func webpBody(_ file: [UInt8]) -> [UInt8] { Array(file[12...]) }
}
