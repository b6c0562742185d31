import Complaints
import Testing

struct PhotoAllowanceTests {
    @Test func threePhotosFitAndAFourthDoesNot() {
        #expect(PhotoAllowance.admits(0))
        #expect(PhotoAllowance.admits(3))
        #expect(!PhotoAllowance.admits(4))
    }

    @Test func tooManyPhotosAreRefusedBeforeAnyIsRead() throws {
        var read = 0
        #expect(throws: PhotoProblem.tooMany) {
            try PhotoAllowance.photos(Array(repeating: SampleImages.jpeg, count: 4)) { read += 1; return $0 }
        }
        #expect(read == 0)
        #expect(try PhotoAllowance.photos(Array(repeating: SampleImages.jpeg, count: 3)).count == 3)
    }

    @Test func eachPhotoIsStillChecked() {
        #expect(throws: PhotoProblem.notAnImage) { try PhotoAllowance.photos([SampleImages.jpeg, Array("%PDF-1.7".utf8)]) }
    }

    @Test func theRefusalNamesTheAllowance() {
        #expect(PhotoProblem.tooMany.message(.id) == "Paling banyak 3 foto.")
        #expect(PhotoProblem.tooMany.message(.en) == "At most 3 photos.")
    }
}
