/// Writes 8-bit PNG files with the image data in stored (uncompressed) DEFLATE blocks: enough for
/// tests that need a PNG of exact pixels, alpha included.
public enum PNGWriter {
    /// A PNG of `colourType` (0 grey, 2 RGB, 4 grey and alpha, 6 RGBA) from rows of samples, no filter.
    public static func png(width: Int, height: Int, colourType: UInt8, samples: [UInt8]) -> [UInt8] {
        let channels = [0: 1, 2: 3, 4: 2, 6: 4][Int(colourType)]!
        precondition(samples.count == width * height * channels)
        var raw: [UInt8] = []
        for row in 0..<height {
            raw.append(0)
            raw += samples[row * width * channels..<(row + 1) * width * channels]
        }
        var header = bigEndian(width) + bigEndian(height)
        header += [8, colourType, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", zlibStored(raw)) + chunk("IEND", [])
    }

    /// A zlib stream of stored blocks (RFC 1950, 1951 3.2.4).
    public static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let length = min(65_535, data.count - start)
            let final: UInt8 = start + length == data.count ? 1 : 0
            stream += [final, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            stream += data[start..<start + length]
            start += length
        } while start < data.count
        var a = 1, b = 0
        for byte in data {
            a = (a + Int(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return stream + bigEndian(b << 16 | a)
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return bigEndian(body.count) + typed + bigEndian(Int(crc32(typed)))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8((value >> 24) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
