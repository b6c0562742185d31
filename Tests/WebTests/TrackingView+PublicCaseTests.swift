import Complaints
import Foundation
import Testing
@testable import Web

struct TrackingViewPublicCaseTests {
    func found(kelurahan: String? = "Sukamaju", kecamatan: String? = "Cibeunying") -> PublicCase {
        PublicCase(trackingCode: Sample.code, category: "pekerjaan-umum", categoryNameID: "Pekerjaan Umum", categoryNameEN: "Public works",
                   status: .dispatched, confidential: false, description: "Jalan berlubang.", location: "Jl. Merdeka",
                   kelurahan: kelurahan, kecamatan: kecamatan, dueAt: nil, createdAt: Sample.at, updatedAt: Sample.at,
                   timeline: [PublicEvent(kind: EventKind(rawValue: "disposed"), at: Sample.at, actorRole: ActorRole(rawValue: "staff"), toStatus: nil, note: "UPT PJU",
                                          noteEN: "Street lighting unit")],
                   joinedStatus: nil,
                   photos: [PublicPhoto(position: 1, purpose: .report, mediaType: "image/jpeg"),
                            PublicPhoto(position: 1, purpose: .resolution, mediaType: "image/png")])
    }

    @Test func takesTheCategoryNameAndNotesInThePagesLanguage() {
        let code = TrackingCode(parsing: Sample.code)!
        let id = TrackingView(found(), code: code, language: .id), en = TrackingView(found(), code: code, language: .en)
        #expect(id.categoryName == "Pekerjaan Umum" && en.categoryName == "Public works")
        #expect(id.events.map(\.note) == ["UPT PJU"] && en.events.map(\.note) == ["Street lighting unit"])
    }

    @Test func joinsTheAreaFromWhatIsKnown() {
        let code = TrackingCode(parsing: Sample.code)!
        #expect(TrackingView(found(), code: code, language: .id).area == "Sukamaju, Cibeunying")
        #expect(TrackingView(found(kelurahan: nil), code: code, language: .id).area == "Cibeunying")
        #expect(TrackingView(found(kelurahan: nil, kecamatan: nil), code: code, language: .id).area == nil)
    }

    @Test func photosPointAtThePublicPaths() {
        let code = TrackingCode(parsing: Sample.code)!
        #expect(TrackingView(found(), code: code, language: .id).photoURLs
                == ["/api/v1/complaints/\(Sample.code)/photos/1", "/api/v1/complaints/\(Sample.code)/resolution-photos/1"])
    }
}
