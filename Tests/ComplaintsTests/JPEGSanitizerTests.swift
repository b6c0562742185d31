@testable import Complaints
import Testing

struct JPEGSanitizerTests {
    typealias Sample = SampleImages
    static let secret = Sample.secret

    /// Every segment a phone or an editor writes metadata into, each carrying a name and a place.
    static let metadataSegments: [(String, [UInt8])] = [
        ("APP1 Exif", Sample.jpegSegment(0xE1, Array("Exif\0\0".utf8) + secret)),
        ("APP1 XMP", Sample.jpegSegment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>".utf8) + secret)),
        ("APP2 MPF", Sample.jpegSegment(0xE2, Array("MPF\0".utf8) + secret)),
        ("APP2 FlashPix", Sample.jpegSegment(0xE2, Array("FPXR\0".utf8) + secret)),
        ("APP13 IPTC", Sample.jpegSegment(0xED, Array("Photoshop 3.0\08BIM\u{4}\u{4}\0\0".utf8) + [0x1C, 0x02, 0x50] + secret)),
        ("APP14 not Adobe", Sample.jpegSegment(0xEE, secret)),
        ("APP15", Sample.jpegSegment(0xEF, secret)),
        ("APP0 JFXX", Sample.jpegSegment(0xE0, Array("JFXX\0\u{13}".utf8) + secret)),
        ("COM", Sample.jpegSegment(0xFE, secret)),
    ] + (0xE3...0xEC).map { ("APP\($0 - 0xE0)", Sample.jpegSegment(UInt8($0), Array("Vendor\0".utf8) + secret)) }

    @Test(arguments: metadataSegments)
    func metadataSegmentIsRemovedAndTheImageKept(field: String, segment: [UInt8]) throws {
        let photo = try Photo(bytes: Sample.jpeg(inserting: segment))
        #expect(Sample.leaks(in: photo.bytes).isEmpty, "\(field) survived")
        #expect(photo.bytes == Sample.jpeg, "the image itself is stored as it was")
        let again = try JPEGSanitizer.sanitize(photo.bytes)
        #expect((again.width, again.height) == (16, 8))
    }

    @Test func fillBytesBeforeAMarkerDoNotLetMetadataThrough() throws {
        let padded = Sample.jpeg(inserting: [0xFF, 0xFF, 0xFF] + Sample.jpegSegment(0xE1, Array("Exif\0\0".utf8) + Self.secret))
        let photo = try Photo(bytes: padded)
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.jpeg)
    }

    @Test func anythingAfterTheEndOfTheImageIsDropped() throws {
        let trailer = Array("SEFH".utf8) + Self.secret + [0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, 0x41, 0x42, 0xFF, 0xD9]
        let photo = try Photo(bytes: Sample.jpeg + trailer)
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.jpeg)
    }

    @Test func commentsBetweenProgressiveScansAreRemovedAndRestartMarkersKept() throws {
        let firstScan = try #require(Self.offset(of: [0xFF, 0xDA], in: Sample.progressiveJPEG, after: 0))
        let firstScanEnds = try #require(Self.offset(of: [0xFF, 0xC4], in: Sample.progressiveJPEG, after: firstScan))
        let withComment = Array(Sample.progressiveJPEG[..<firstScanEnds]) + Sample.jpegSegment(0xFE, Self.secret)
            + Sample.progressiveJPEG[firstScanEnds...]
        let photo = try Photo(bytes: withComment)
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.progressiveJPEG)
        #expect(Self.offset(of: [0xFF, 0xD0], in: photo.bytes, after: 0) != nil, "restart markers stay in the scan")
        let image = try JPEGSanitizer.sanitize(photo.bytes)
        #expect((image.width, image.height) == (16, 8))
    }

    @Test func colourProfileAndAdobeTransformAreKeptWithoutExtras() throws {
        let profile = Sample.jpegSegment(0xE2, Array("ICC_PROFILE\0".utf8) + [1, 1] + Array(repeating: 0x42, count: 20))
        let adobe = Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 1]
        let photo = try Photo(bytes: Sample.jpeg(inserting: profile + Sample.jpegSegment(0xEE, adobe + Self.secret)))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.jpeg(inserting: profile + Sample.jpegSegment(0xEE, adobe)))
    }

    @Test func exifKeepsOnlyTheOrientation() throws {
        let photo = try Photo(bytes: Sample.jpeg(inserting: Sample.jpegSegment(0xE1, Array("Exif\0\0".utf8) + Sample.exif(orientation: 6))))
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(photo.bytes == Sample.jpeg(inserting: Sample.jpegSegment(0xE1, Array("Exif\0\0".utf8) + ExifOrientation.tiff(6))))
    }

    @Test func jfifThumbnailIsRemoved() throws {
        let thumbnail = Array("JFIF\0".utf8) + [1, 2, 0, 0, 1, 0, 1] + [UInt8(Self.secret.count / 3), 1] + Self.secret.prefix(Self.secret.count / 3 * 3)
        let image = Sample.jpegSegment(0xE0, thumbnail) + Sample.jpeg.dropFirst(2 + 18)
        let photo = try Photo(bytes: [0xFF, 0xD8] + image)
        #expect(Sample.leaks(in: photo.bytes).isEmpty)
        #expect(Array(photo.bytes.prefix(20)) == [0xFF, 0xD8] + Sample.jpegSegment(0xE0, Array("JFIF\0".utf8) + [1, 2, 0, 0, 1, 0, 1, 0, 0]))
    }

    /// Bytes that start like a JPEG but cannot be read to their end.
    static let unreadable: [(String, [UInt8])] = {
        let jpeg = Sample.jpeg
        let scanStart = offset(of: [0xFF, 0xDA], in: jpeg, after: 0)!
        return [
            ("cut inside a segment", Array(jpeg.prefix(30))),
            ("cut inside the scan", Array(jpeg.prefix(jpeg.count - 6))),
            ("no end of image", Array(jpeg.dropLast(2))),
            ("a lone 0xFF at the end of the scan", Array(jpeg.dropLast(2)) + [0xFF]),
            ("segment length below 2", Sample.jpeg(inserting: [0xFF, 0xFE, 0x00, 0x01])),
            ("segment length past the end", Sample.jpeg(inserting: [0xFF, 0xE1, 0xFF, 0xF0] + Array("Exif\0\0".utf8) + secret)),
            ("garbage between segments", Sample.jpeg(inserting: secret)),
            ("a second start of image", Sample.jpeg(inserting: [0xFF, 0xD8])),
            ("a restart marker outside a scan", Sample.jpeg(inserting: [0xFF, 0xD3])),
            ("a reserved marker", Sample.jpeg(inserting: Sample.jpegSegment(0xF3, secret))),
            ("a second frame", Sample.jpeg(inserting: Sample.jpegSegment(0xC0, [8, 0, 8, 0, 16, 1, 1, 0x11, 0]))),
            ("a scan before the frame", Sample.jpeg(inserting: Sample.jpegSegment(0xDA, [1, 1, 0, 0, 0x3F, 0]) + [0x12, 0x34])),
            ("no frame at all", [0xFF, 0xD8] + Sample.jpegSegment(0xDA, [1, 1, 0, 0, 0x3F, 0]) + [0x12, 0x34, 0xFF, 0xD9]),
            ("no scan at all", Array(jpeg[..<scanStart]) + [0xFF, 0xD9]),
            ("a frame of zero width", jpeg.replacing([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x10],
                                                       with: [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x00])),
            ("a scan header of the wrong length", jpeg.replacing([0xFF, 0xDA, 0x00, 0x08, 0x01], with: [0xFF, 0xDA, 0x00, 0x08, 0x02])),
        ]
    }()

    @Test(arguments: unreadable)
    func unreadableJPEGIsRefusedAndNothingStored(defect: String, bytes: [UInt8]) {
        #expect(PhotoFormat(sniffing: bytes) == .jpeg)
        #expect(throws: PhotoProblem.unreadable, "\(defect)") { try Photo(bytes: bytes) }
    }

    static func offset(of needle: [UInt8], in bytes: [UInt8], after start: Int) -> Int? {
        (start..<bytes.count).first { bytes[$0...].starts(with: needle) }
    }
}
