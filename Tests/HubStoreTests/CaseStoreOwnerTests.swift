import Complaints
import HubStore
import Postgres
import TestSupport
import Testing

struct CaseStoreOwnerTests {
    @Test func theOwnerIsTheModuleTheCaseIsInAndNoneForAnUnknownCode() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let receipt = try connection.transaction {
            try ComplaintStore.submit(ComplaintSubmission(category: "sosial", description: "Lansia terlantar", channel: .web).validated(on: $0), on: $0)
        }
        #expect(try CaseStore.owner(of: receipt.trackingCode, on: connection) == .social)
        #expect(try CaseStore.owner(of: TrackingCode.generate(), on: connection) == nil)
    }
}
