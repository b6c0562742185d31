@testable import Complaints
import Testing

/// Hostile bytes: every photo a reporter can send goes through the sanitizers inside a service, so a
/// mangled one must be refused or come out clean; it must never stop the process.
struct PhotoMutationTests {
    static let images: [(String, [UInt8])] = [
        ("JPEG", SampleImages.jpeg(inserting: SampleImages.jpegSegment(0xE1, Array("Exif\0\0".utf8) + SampleImages.exif(orientation: 6))
            + SampleImages.jpegSegment(0xFE, SampleImages.secret))),
        ("progressive JPEG", SampleImages.progressiveJPEG),
        ("PNG", SampleImages.png(before: PNGSanitizer.chunk("eXIf", SampleImages.exif(orientation: 6))
            + PNGSanitizer.chunk("tEXt", Array("Author\0".utf8) + SampleImages.secret))),
        ("WebP", WebPSanitizerTests.extended(flags: 0x1C, after: SampleImages.webpChunk("EXIF", SampleImages.exif(orientation: 6)) + WebPSanitizerTests.xmp)),
    ]

    @Test(arguments: images)
    func mangledPhotoIsRefusedOrStoredCleanAndStable(format: String, image: [UInt8]) {
        var generator = SeededGenerator(state: 11)
        for _ in 0..<2000 {
            var bytes = image
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes[at] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
                case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &generator)))
                default: bytes.insert(contentsOf: [0xFF, UInt8.random(in: 0...255, using: &generator)], at: at)
                }
                if bytes.isEmpty { bytes = [0] }
            }
            guard let photo = try? Photo(bytes: bytes) else { continue }
            #expect(SampleImages.leaks(in: photo.bytes).isEmpty, "\(format): \(bytes)")
            #expect((try? Photo(bytes: photo.bytes))?.bytes == photo.bytes, "\(format): a stored photo reads back as itself: \(bytes)")
        }
    }
}
