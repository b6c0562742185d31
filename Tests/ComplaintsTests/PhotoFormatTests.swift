import Complaints
import Testing

struct PhotoFormatTests {
    @Test func recognisesFormatsByTheirBytes() {
        #expect(PhotoFormat(sniffing: SampleImages.png()) == .png)
        #expect(PhotoFormat(sniffing: SampleImages.lossyWebP) == .webp)
        #expect(PhotoFormat(sniffing: SampleImages.jpeg) == .jpeg)
        #expect(PhotoFormat(sniffing: Array("GIF89a....".utf8)) == nil)
        #expect(PhotoFormat(sniffing: Array("<svg xmlns=".utf8)) == nil)
        #expect(PhotoFormat(sniffing: []) == nil)
    }

    @Test func refusesNonImagesAndOversizePhotos() {
        #expect(throws: PhotoProblem.notAnImage) { try Photo(bytes: Array("%PDF-1.7".utf8)) }
        #expect(throws: PhotoProblem.tooLarge) { try Photo(bytes: SampleImages.png() + [UInt8](repeating: 0, count: PhotoFormat.maxBytes)) }
    }

    @Test func cleanPhotosAreStoredAsSent() throws {
        for image in [SampleImages.jpeg, SampleImages.progressiveJPEG, SampleImages.png(),
                      SampleImages.lossyWebP, SampleImages.losslessWebP, SampleImages.alphaWebP] {
            #expect(try Photo(bytes: image).bytes == image)
        }
    }

    @Test func unreadablePhotoHasItsOwnCodeAndMessage() {
        #expect(throws: PhotoProblem.unreadable) { try Photo(bytes: Array(SampleImages.jpeg.dropLast(2))) }
        #expect(PhotoProblem.unreadable.rawValue == "photo_unreadable")
        #expect(PhotoProblem.unreadable.message(.id).hasPrefix("Foto rusak"))
        #expect(PhotoProblem.unreadable.message(.en).hasPrefix("The photo is damaged"))
    }

    @Test func poleNumbersAreNormalised() {
        let submission = ComplaintSubmission(category: "pekerjaan-umum", description: "PJU mati", channel: .web, poleID: " pju 12-a ")
        #expect(submission.poleID == "PJU12A")
    }
}
