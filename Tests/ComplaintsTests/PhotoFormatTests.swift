import Complaints
import Testing

struct PhotoFormatTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
    static let webp: [UInt8] = Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8)

    /// SOI, an APP1 Exif segment carrying "GPS", an APP0 segment, SOS and scan bytes, EOI.
    static let jpegWithExif: [UInt8] = [0xFF, 0xD8]
        + [0xFF, 0xE1, 0x00, 0x0A] + Array("Exif".utf8) + [0, 0] + Array("GP".utf8)
        + [0xFF, 0xE0, 0x00, 0x06] + Array("JFIF".utf8)
        + [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0xAB, 0xCD, 0xFF, 0xD9]

    @Test func recognisesFormatsByTheirBytes() {
        #expect(PhotoFormat(sniffing: Self.png) == .png)
        #expect(PhotoFormat(sniffing: Self.webp) == .webp)
        #expect(PhotoFormat(sniffing: Self.jpegWithExif) == .jpeg)
        #expect(PhotoFormat(sniffing: Array("GIF89a....".utf8)) == nil)
        #expect(PhotoFormat(sniffing: Array("<svg xmlns=".utf8)) == nil)
        #expect(PhotoFormat(sniffing: []) == nil)
    }

    @Test func refusesNonImagesAndOversizePhotos() {
        #expect(throws: PhotoProblem.notAnImage) { try Photo(bytes: Array("%PDF-1.7".utf8)) }
        #expect(throws: PhotoProblem.tooLarge) { try Photo(bytes: Self.png + [UInt8](repeating: 0, count: PhotoFormat.maxBytes)) }
    }

    @Test func stripsExifFromJPEGButKeepsTheImage() throws {
        let photo = try Photo(bytes: Self.jpegWithExif)
        #expect(!photo.bytes.contains(0xE1), "the APP1 segment is gone")
        #expect(photo.bytes.starts(with: [0xFF, 0xD8, 0xFF, 0xE0]))
        #expect(Array(photo.bytes.suffix(10)) == [0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0xAB, 0xCD, 0xFF, 0xD9])
        #expect(try Photo(bytes: Self.png).bytes == Self.png, "other formats are stored as sent")
    }

    @Test func poleNumbersAreNormalised() {
        let submission = ComplaintSubmission(category: "pekerjaan-umum", description: "PJU mati", channel: "web", poleID: " pju 12-a ")
        #expect(submission.poleID == "PJU12A")
    }
}
