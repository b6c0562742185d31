import Complaints
import Foundation
import HubStore
import Postgres
import ServiceKit
import TestSupport
import Testing

struct ReporterNoticeStoreTests {
    func database() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
    }

    func submit(_ contact: Contact?, language: Language = .id, on connection: PostgresConnection) throws -> ComplaintStore.Receipt {
        var submission = ComplaintSubmission(category: "kesehatan", description: "Antrean puskesmas tiga jam", contact: contact, channel: .api)
        submission.language = language
        return try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }
    }

    func notices(_ receipt: ComplaintStore.Receipt, on connection: PostgresConnection) throws -> [ReporterNotice] {
        try connection.query("select payload::text as p from queue_messages where queue = 'notify.reporter' and payload->>'complaint_id' = $1",
                             [String(receipt.id)])
            .map { try MessageEnvelope.decode(ReporterNotice.self, from: try $0.decode("p")) }
    }

    @Test func aReporterWithAContactIsToldOfTheSubmissionInTheSameTransaction() throws {
        let connection = try database()
        let receipt = try submit(Contact(email: "warga@example.id", phone: "081234567890"), language: .en, on: connection)
        let told = try notices(receipt, on: connection)
        #expect(told.map(\.notice) == [.received] && told[0].trackingCode == receipt.trackingCode.value)
        let recipient = try #require(try ReporterNoticeStore.recipient(of: told[0], on: connection))
        #expect(recipient.email == "warga@example.id" && recipient.phone == "081234567890" && recipient.language == .en)
    }

    @Test func aReporterWhoLeftNoWayToReachThemQueuesNothing() throws {
        let connection = try database()
        #expect(try notices(try submit(nil, on: connection), on: connection).isEmpty)
        #expect(try notices(try submit(Contact(name: "Budi"), on: connection), on: connection).isEmpty)
    }

    @Test func aDeliveryIsClaimedOnceAndGivenBackOnlyUntilSent() throws {
        let connection = try database()
        let receipt = try submit(Contact(email: "klaim@example.id"), on: connection)
        let key = "\(receipt.id)-submitted-1-0:email"
        #expect(try ReporterNoticeStore.claim(key, caseID: receipt.id, channel: .email, on: connection))
        #expect(try !ReporterNoticeStore.claim(key, caseID: receipt.id, channel: .email, on: connection))
        try ReporterNoticeStore.release(key, on: connection)
        #expect(try ReporterNoticeStore.claim(key, caseID: receipt.id, channel: .email, on: connection))
        try ReporterNoticeStore.confirm(key, on: connection)
        try ReporterNoticeStore.release(key, on: connection)
        #expect(try ReporterNoticeStore.isClaimed(key, on: connection))
        #expect(try !ReporterNoticeStore.claim(key, caseID: receipt.id, channel: .email, on: connection))
    }

    @Test func contactsAreDeletedTheSetTimeAfterTheirCaseEndsAnonymousOrNot() throws {
        let connection = try database()
        let ended = try submit(Contact(email: "lama@example.id"), on: connection)
        let recent = try submit(Contact(phone: "081234567891"), on: connection)
        let open = try submit(Contact(email: "buka@example.id"), on: connection)
        try connection.query("update complaints set status = 'closed', closed_at = now() - interval '31 days' where id = $1", [ended.id])
        try connection.query("update complaints set status = 'rejected', updated_at = now() - interval '29 days' where id = $1", [recent.id])
        try connection.query("update complaints set created_at = now() - interval '400 days' where id = $1", [open.id])
        try ContactRetention.sweep(keepingDays: 30, on: connection)
        #expect(try ReporterStore.contact(caseID: ended.id, on: connection) == nil)
        #expect(try ReporterStore.contact(caseID: recent.id, on: connection)?.phone == "081234567891")
        #expect(try ReporterStore.contact(caseID: open.id, on: connection)?.email == "buka@example.id")
        try ContactRetention.sweep(keepingDays: 28, on: connection)
        #expect(try ReporterStore.contact(caseID: recent.id, on: connection) == nil)
    }
}
