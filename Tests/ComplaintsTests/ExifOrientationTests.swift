@testable import Complaints
import Testing

struct ExifOrientationTests {
    @Test func readsTheOrientationInEitherByteOrder() {
        #expect(ExifOrientation.read(tiff: SampleImages.exif(orientation: 6)[...]) == 6)
        #expect(ExifOrientation.read(tiff: ExifOrientation.tiff(8)[...]) == 8)
    }

    @Test func uprightMissingOrUnreadableOrientationIsNothingToKeep() {
        #expect(ExifOrientation.read(tiff: SampleImages.exif(orientation: 1)[...]) == nil)
        #expect(ExifOrientation.read(tiff: SampleImages.exif(orientation: 9)[...]) == nil)
        #expect(ExifOrientation.read(tiff: Array(SampleImages.exif(orientation: 6).prefix(30))[...]) == nil)
        #expect(ExifOrientation.read(tiff: Array("XX\0*Siti Rahayu".utf8)[...]) == nil)
        #expect(ExifOrientation.read(tiff: [][...]) == nil)
    }

    @Test func theKeptStructureHoldsNothingButTheOrientation() {
        #expect(ExifOrientation.tiff(6).count == 26)
        #expect(SampleImages.leaks(in: ExifOrientation.tiff(6)).isEmpty)
    }
}
