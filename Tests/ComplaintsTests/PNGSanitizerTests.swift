@testable import Complaints
import Testing

struct PNGSanitizerTests {
    typealias Sample = SampleImages
    static let secret = Sample.secret

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] { PNGSanitizer.chunk(type, data) }

    /// Every chunk an editor or a phone writes metadata into, each carrying a name and a place.
    static let metadataChunks: [(String, [UInt8])] = [
        ("tEXt", chunk("tEXt", Array("Author\0".utf8) + secret)),
        ("zTXt", chunk("zTXt", Array("Comment\0\0".utf8) + Sample.zlibStored(secret))),
        ("iTXt", chunk("iTXt", Array("XML:com.adobe.xmp\0\0\0\0\0".utf8) + secret)),
        ("eXIf", chunk("eXIf", Array("MM\0*".utf8) + secret)),
        ("tIME", chunk("tIME", [0x07, 0xEA, 12, 3, 8, 30, 0])),
        ("unknown ancillary", chunk("prVt", secret)),
    ]

    @Test(arguments: metadataChunks)
    func metadataChunkBeforeTheImageIsRemoved(field: String, chunk: [UInt8]) throws {
        let photo = try Photo(bytes: Sample.png(before: chunk))
        #expect(Sample.leaks(in: photo.bytes).isEmpty, "\(field) survived")
        #expect(photo.bytes == Sample.png(), "\(field) survived")
        let image = try PNGSanitizer.sanitize(photo.bytes)
        #expect((image.width, image.height) == (3, 2))
    }

    @Test(arguments: metadataChunks)
    func metadataChunkAfterTheImageIsRemoved(field: String, chunk: [UInt8]) throws {
        let photo = try Photo(bytes: Sample.png(afterData: chunk))
        #expect(photo.bytes == Sample.png(), "\(field) survived")
    }

    @Test func exifKeepsOnlyTheOrientation() throws {
        let photo = try Photo(bytes: Sample.png(before: Self.chunk("eXIf", Sample.exif(orientation: 8))))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.png(before: Self.chunk("eXIf", ExifOrientation.tiff(8))))
    }

    @Test func displayChunksAreKeptAndTheProfileLosesItsName() throws {
        let display = Self.chunk("gAMA", [0, 0, 0xB1, 0x8F]) + Self.chunk("sRGB", [0]) + Self.chunk("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1])
        let profile = Sample.zlibStored(Array(repeating: 0x42, count: 40))
        let named = Self.chunk("iCCP", Array("Siti Rahayu's phone\0\0".utf8) + profile)
        let photo = try Photo(bytes: Sample.png(before: display + named))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.png(before: display + Self.chunk("iCCP", Array("ICC profile\0\0".utf8) + profile)))
    }

    /// Bytes that start like a PNG but cannot be read to their end.
    static let unreadable: [(String, [UInt8])] = {
        let png = Sample.png()
        var badCRC = png
        badCRC[png.count - 13] ^= 0x01
        var idatOnly = Sample.png()
        idatOnly.removeSubrange(8..<33)
        return [
            ("cut inside a chunk", Array(png.dropLast(20))),
            ("no IEND", Array(png.dropLast(12))),
            ("a bad CRC", badCRC),
            ("data after IEND", png + secret),
            ("a chunk after IEND", png + chunk("tEXt", Array("Author\0".utf8) + secret)),
            ("a length beyond the format's limit", Array(png.prefix(8)) + [0x80, 0, 0, 0] + Array("tEXt".utf8)),
            ("a chunk length past the end", Sample.png(before: [0, 0, 0x10, 0] + Array("tEXt".utf8) + secret)),
            ("IHDR not first", Array(png.prefix(8)) + chunk("gAMA", [0, 0, 0xB1, 0x8F]) + png.dropFirst(8)),
            ("no IHDR", idatOnly),
            ("no IDAT", Array(png.prefix(33)) + chunk("IEND", [])),
            ("IDAT split by another chunk", Sample.png(afterData: chunk("tEXt", Array("a\0b".utf8)) + chunk("IDAT", [0]))),
            ("an unknown critical chunk", Sample.png(before: chunk("SECR", secret))),
            ("a chunk type that is not letters", Sample.png(before: chunk("t3Xt", secret))),
            ("a zero width", Sample.png(width: 0)),
            ("an impossible bit depth", Array(png.prefix(8)) + chunk("IHDR", [0, 0, 0, 3, 0, 0, 0, 2, 3, 2, 0, 0, 0]) + png.dropFirst(33)),
            ("a palette image without a palette", Array(png.prefix(8))
                + chunk("IHDR", [0, 0, 0, 3, 0, 0, 0, 2, 8, 3, 0, 0, 0]) + png.dropFirst(33)),
        ]
    }()

    @Test(arguments: unreadable)
    func unreadablePNGIsRefusedAndNothingStored(defect: String, bytes: [UInt8]) {
        #expect(PhotoFormat(sniffing: bytes) == .png)
        #expect(throws: PhotoProblem.unreadable, "\(defect)") { try Photo(bytes: bytes) }
    }
}
