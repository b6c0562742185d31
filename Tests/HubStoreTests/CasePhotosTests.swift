import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The photos staff see on a case: its own, and for a part of a request that fans out, the photos
/// the reporter sent with the request (kept once, on the parent).
struct CasePhotosTests {
    static let png = try! Photo(bytes: SamplePhotos.png)

    func submitted(_ submission: ComplaintSubmission, on connection: PostgresConnection) throws -> Case {
        let receipt = try connection.transaction { connection in
            try ComplaintStore.submit(try submission.validated(on: connection), on: connection)
        }
        return try #require(try CaseStore.find(receipt.trackingCode.value, on: connection))
    }

    @Test func eachPartShowsTheRequestsPhotosAndServesTheirBytesButNoOtherCasesPhoto() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let parent = try submitted(ComplaintSubmission(category: "kependudukan", subcategory: "bayi-baru-lahir",
                                                       description: "Surat keterangan lahir terlampir", channel: .web,
                                                       photos: [Self.png, Self.png]), on: connection)
        let other = try submitted(ComplaintSubmission(category: "kesehatan", description: "Antrean panjang", channel: .web,
                                                      photos: [Self.png]), on: connection)
        let parts = try connection.query("select tracking_code from complaints where parent_id = $1 order by id", [parent.id])
            .map { try #require(try CaseStore.find(try $0.decode("tracking_code"), on: connection)) }
        #expect(parts.count == 3)
        let requestPhotos = try CasePhotos.list(of: parent, on: connection)
        #expect(requestPhotos.map(\.position) == [1, 2] && requestPhotos.allSatisfy { $0.purpose == .report })
        let otherPhoto = try #require(try CasePhotos.list(of: other, on: connection).first)
        for part in parts {
            #expect(try CasePhotos.list(of: part, on: connection).map(\.id) == requestPhotos.map(\.id), "\(part.agency) sees the request's photos")
            let (mediaType, bytes) = try #require(try CasePhotos.load(id: requestPhotos[0].id, of: part, on: connection))
            #expect(mediaType == "image/png" && !bytes.isEmpty)
            #expect(try CasePhotos.load(id: otherPhoto.id, of: part, on: connection) == nil, "another case's photo is not the part's")
        }
        #expect(try CasePhotos.load(id: requestPhotos[0].id, of: other, on: connection) == nil)
        #expect(try CasePhotos.list(of: other, on: connection).map(\.id) == [otherPhoto.id], "a case that is no part shows its own alone")
    }
}
