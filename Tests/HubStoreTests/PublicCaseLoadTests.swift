import Complaints
import Foundation
import HubStore
import Postgres
import ServiceKit
import TestSupport
import Testing

/// The public view is read in one round trip: the case, its timeline and its photos in one snapshot.
struct PublicCaseLoadTests {
    func database() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
    }

    let submission = ComplaintSubmission(category: "pekerjaan-umum", description: "Gorong-gorong tersumbat sampah",
                                         kelurahan: "Tegallega", channel: .api)

    /// Stores the submission in the caller's transaction.
    func submitted(on connection: PostgresConnection) throws -> String {
        try ComplaintStore.submit(submission.validated(on: connection), on: connection).trackingCode.value
    }

    @Test func aViewReadAloneLeavesTheConnectionOutsideAnyTransaction() throws {
        let connection = try database()
        let code = try connection.transaction { try submitted(on: $0) }
        let view = try #require(try PublicCase.load(code, on: connection))
        #expect(view.trackingCode == code && view.status == .received)
        #expect(view.timeline.map(\.kind) == [.submitted])
        #expect(!connection.inTransaction, "the view's own snapshot is committed")
        #expect(try PublicCase.load("ABCDEFGHJKMNP", on: connection) == nil)
        #expect(!connection.inTransaction)
    }

    @Test func aViewReadInsideATransactionSeesItsWritesAndLeavesItOpen() throws {
        let connection = try database()
        let view = try connection.transaction { connection -> PublicCase? in
            let code = try submitted(on: connection)
            let view = try PublicCase.load(code, on: connection)
            #expect(connection.inTransaction, "the caller's transaction is not ended by the view")
            return view
        }
        #expect(view?.timeline.map(\.kind) == [.submitted])
    }
}
