@testable import Complaints
import Testing

struct WebPSanitizerTests {
    typealias Sample = SampleImages
    static let secret = Sample.secret
    static let exif = Sample.webpChunk("EXIF", Array("MM\0*".utf8) + secret)
    static let xmp = Sample.webpChunk("XMP ", Array("<x:xmpmeta>".utf8) + secret)

    /// `alphaWebP` (VP8X, ALPH, VP8) with VP8X flags `flags` and `extra` chunks after the image.
    static func extended(flags: UInt8 = 0x10, before: [UInt8] = [], after extra: [UInt8]) -> [UInt8] {
        var body = Sample.webpBody(Sample.alphaWebP)
        body[8] = flags
        return Sample.webp(Array(body.prefix(18)) + before + body.dropFirst(18) + extra)
    }

    @Test func exifAndXMPChunksAreRemovedTheirFlagsClearedAndTheSizeRewritten() throws {
        let photo = try Photo(bytes: Self.extended(flags: 0x10 | 0x08 | 0x04, after: Self.exif + Self.xmp))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.alphaWebP)
        let image = try WebPSanitizer.sanitize(photo.bytes)
        #expect((image.width, image.height) == (16, 8))
    }

    @Test func exifKeepsOnlyTheOrientation() throws {
        let photo = try Photo(bytes: Self.extended(flags: 0x10 | 0x08 | 0x04, after: Sample.webpChunk("EXIF", Sample.exif(orientation: 3)) + Self.xmp))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Self.extended(flags: 0x10 | 0x08, after: Sample.webpChunk("EXIF", ExifOrientation.tiff(3))))
    }

    @Test func unknownChunksAreRemoved() throws {
        let photo = try Photo(bytes: Self.extended(after: Sample.webpChunk("META", Self.secret)))
        #expect(photo.bytes == Sample.alphaWebP)
    }

    @Test(arguments: [Sample.lossyWebP, Sample.losslessWebP])
    func simpleFileKeepsOnlyItsBitstream(image: [UInt8]) throws {
        let photo = try Photo(bytes: Sample.webp(Sample.webpBody(image) + Self.exif))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == image)
    }

    @Test func colourProfileIsKept() throws {
        let profile = Sample.webpChunk("ICCP", Array(repeating: 0x42, count: 21))
        let photo = try Photo(bytes: Self.extended(flags: 0x10 | 0x20 | 0x08, before: profile, after: Self.exif))
        #expect(photo.bytes == Self.extended(flags: 0x10 | 0x20, before: profile, after: []))
    }

    @Test func animationFramesLoseTheirUnknownChunks() throws {
        let bitstream = Sample.webpBody(Sample.losslessWebP)
        let frameHeader: [UInt8] = [0, 0, 0, 0, 0, 0, 15, 0, 0, 7, 0, 0, 100, 0, 0, 0]
        func animation(frameExtra: [UInt8], after: [UInt8], flags: UInt8) -> [UInt8] {
            Sample.webp(Sample.webpChunk("VP8X", [flags, 0, 0, 0, 15, 0, 0, 7, 0, 0])
                + Sample.webpChunk("ANIM", [0, 0, 0, 0, 0, 0])
                + Sample.webpChunk("ANMF", frameHeader + bitstream + frameExtra) + after)
        }
        let photo = try Photo(bytes: animation(frameExtra: Sample.webpChunk("META", Self.secret), after: Self.xmp, flags: 0x02 | 0x04))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == animation(frameExtra: [], after: [], flags: 0x02))
    }

    /// Bytes that start like a WebP but cannot be read to their end.
    static let unreadable: [(String, [UInt8])] = {
        let lossy = Sample.lossyWebP
        var badStartCode = lossy
        badStartCode[23] = 0x9C
        var wrongCanvas = Sample.alphaWebP
        wrongCanvas[24] = 0x1F
        return [
            ("RIFF size beyond the bytes", Array(lossy.dropLast(2))),
            ("bytes beyond the RIFF size", lossy + [0, 0] + secret),
            ("a chunk past the end", Sample.webp(Sample.webpBody(lossy) + Array("EXIF".utf8) + [0xFF, 0, 0, 0] + secret)),
            ("an odd chunk without its pad byte", Sample.webp(Sample.webpBody(lossy) + Array("EXIF".utf8) + [3, 0, 0, 0, 1, 2, 3])),
            ("a chunk header cut short", Sample.webp(Sample.webpBody(lossy) + Array("EXIF".utf8))),
            ("no chunks", Sample.webp([])),
            ("metadata without an image", Sample.webp(Self.exif)),
            ("an extended file without an image", Sample.webp(Sample.webpChunk("VP8X", [0x08, 0, 0, 0, 15, 0, 0, 7, 0, 0]) + Self.exif)),
            ("a VP8 bitstream without its start code", badStartCode),
            ("a lossless bitstream without its signature", Sample.webp(Sample.webpChunk("VP8L", [0x2E, 0, 0, 0, 0]))),
            ("a canvas unlike its image", wrongCanvas),
            ("two images in an extended file", Self.extended(after: Sample.webpBody(Sample.lossyWebP))),
        ]
    }()

    @Test(arguments: unreadable)
    func unreadableWebPIsRefusedAndNothingStored(defect: String, bytes: [UInt8]) {
        #expect(PhotoFormat(sniffing: bytes) == .webp)
        #expect(throws: PhotoProblem.unreadable, "\(defect)") { try Photo(bytes: bytes) }
    }
}
