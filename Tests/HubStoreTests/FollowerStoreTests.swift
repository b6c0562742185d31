import Complaints
import Foundation
import HubStore
import Postgres
import Queue
import TestSupport
import Testing

struct FollowerStoreTests {
    func submit(confidential: Bool, contact: Contact? = nil, on connection: PostgresConnection) throws -> ComplaintStore.Receipt {
        let submission = ComplaintSubmission(category: "kesehatan", description: "Antrean puskesmas tiga jam", confidential: confidential,
                                             contact: contact, channel: .api)
        return try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }
    }

    func confirmations(on connection: PostgresConnection) throws -> [FollowerConfirmation] {
        try connection.query("select payload::text as p from queue_messages where queue = 'notify.reporter' and payload->>'type' = 'follower.confirm'")
            .map { try MessageEnvelope.decode(FollowerConfirmation.self, from: try $0.decode("p")) }
    }

    /// A public case on a fresh database, followed in English by `email`: the follow waits for its confirmation.
    func pendingFollow(_ email: String) throws
        -> (connection: PostgresConnection, receipt: ComplaintStore.Receipt, confirmation: FollowerConfirmation, pending: FollowerStore.Pending) {
        let conninfo = try TestCluster.shared().migratedDatabase()
        let pool = PostgresPool(conninfo: conninfo, maximumConnections: 1)
        let connection = try PostgresConnection(conninfo: conninfo)
        let receipt = try submit(confidential: false, on: connection)
        try FollowerStore.follow(.trackingCode(receipt.trackingCode.value), email: email, language: .en, on: pool)
        let confirmation = try #require(try confirmations(on: connection).first)
        return (connection, receipt, confirmation, try #require(try FollowerStore.pending(id: confirmation.followerID, on: connection)))
    }

    @Test func aFollowWaitsForItsLinkAndEndsByTheOther() throws {
        let (connection, receipt, confirmation, pending) = try pendingFollow("tetangga@example.id")
        #expect(pending.email == "tetangga@example.id" && pending.language == .en && pending.complaintID == receipt.id)
        #expect(try FollowerStore.followers(of: receipt.id, on: connection).isEmpty)

        let confirmed = try #require(try FollowerStore.confirm(token: pending.confirmToken, on: connection))
        #expect(confirmed.report == receipt.id && confirmed.language == .en)
        #expect(try FollowerStore.confirm(token: pending.confirmToken, on: connection) != nil)
        let follower = try #require(try FollowerStore.followers(of: receipt.id, on: connection).first)
        #expect(follower.email == "tetangga@example.id" && Following.looksLikeToken(follower.unsubscribeToken))
        #expect(try FollowerStore.pending(id: confirmation.followerID, on: connection) == nil)

        #expect(try FollowerStore.unsubscribe(token: follower.unsubscribeToken, on: connection)?.report == receipt.id)
        #expect(try FollowerStore.unsubscribe(token: follower.unsubscribeToken, on: connection) == nil)
        #expect(try FollowerStore.followers(of: receipt.id, on: connection).isEmpty)
        #expect(try FollowerStore.confirm(token: String(repeating: "0", count: 48), on: connection) == nil)
    }

    @Test func readingWhatALinkNamesChangesNothing() throws {
        let (connection, receipt, confirmation, pending) = try pendingFollow("baca@example.id")
        for _ in 0..<2 {
            let followed = try #require(try FollowerStore.followed(by: .confirm, token: pending.confirmToken, on: connection))
            #expect(followed.report == receipt.id && followed.language == .en && !followed.confirmed)
        }
        #expect(try FollowerStore.pending(id: confirmation.followerID, on: connection) != nil, "still waiting for the button")
        _ = try FollowerStore.confirm(token: pending.confirmToken, on: connection)
        let follower = try #require(try FollowerStore.followers(of: receipt.id, on: connection).first)
        #expect(try FollowerStore.followed(by: .confirm, token: pending.confirmToken, on: connection)?.confirmed == true)
        #expect(try FollowerStore.followed(by: .unsubscribe, token: follower.unsubscribeToken, on: connection)?.report == receipt.id)
        #expect(try FollowerStore.followers(of: receipt.id, on: connection).count == 1, "still following")
        // Each link answers to its own token only.
        #expect(try FollowerStore.followed(by: .unsubscribe, token: pending.confirmToken, on: connection) == nil)
        #expect(try FollowerStore.followed(by: .confirm, token: "bukan-token", on: connection) == nil)
    }

    @Test func refusedFollowsStoreNothingAndNothingIsStoredTwice() throws {
        let conninfo = try TestCluster.shared().migratedDatabase()
        let pool = PostgresPool(conninfo: conninfo, maximumConnections: 1)
        let connection = try PostgresConnection(conninfo: conninfo)
        let open = try submit(confidential: false, on: connection)
        let secret = try submit(confidential: true, on: connection)
        #expect(throws: Refusal.followConfidential) {
            try FollowerStore.follow(.trackingCode(secret.trackingCode.value), email: "a@example.id", language: .id, on: pool)
        }
        #expect(throws: Refusal.complaintNotFound) {
            try FollowerStore.follow(.trackingCode("7K3M9Q2XRT5VA"), email: "a@example.id", language: .id, on: pool)
        }
        #expect(throws: Refusal.contactEmailInvalid) {
            try FollowerStore.follow(.trackingCode(open.trackingCode.value), email: "bukan", language: .id, on: pool)
        }
        try FollowerStore.follow(.trackingCode(open.trackingCode.value), email: "dua@example.id", language: .id, on: pool)
        #expect(throws: Refusal.alreadyFollowing) {
            try FollowerStore.follow(.trackingCode(open.trackingCode.value), email: "DUA@example.id", language: .id, on: pool)
        }
        #expect(try connection.query("select count(*)::int as n from complaint_followers").first?.decode("n", as: Int.self) == 1)
        #expect(try confirmations(on: connection).count == 1)
    }

    @Test func aListedReportIsFollowedByItsPublicIDAndAnUnlistedOneIsNotFound() throws {
        let conninfo = try TestCluster.shared().migratedDatabase()
        let pool = PostgresPool(conninfo: conninfo, maximumConnections: 1)
        let connection = try PostgresConnection(conninfo: conninfo)
        let open = try submit(confidential: false, on: connection)
        let secret = try submit(confidential: true, on: connection)
        try FollowerStore.follow(.report(open.id), email: "warga@example.id", language: .id, on: pool)
        #expect(try FollowerStore.pending(id: try #require(try confirmations(on: connection).first).followerID, on: connection)?.complaintID
            == open.id)
        for unlisted in [secret.id, 999_999] {
            #expect(throws: Refusal.reportNotFound) {
                try FollowerStore.follow(.report(unlisted), email: "warga@example.id", language: .id, on: pool)
            }
        }
        #expect(try connection.query("select count(*)::int as n from complaint_followers").first?.decode("n", as: Int.self) == 1)
    }

    @Test func aCaseWithOnlyAConfirmedFollowerQueuesItsNoticesAndTheAddressGoesWithTheContacts() throws {
        let conninfo = try TestCluster.shared().migratedDatabase()
        let pool = PostgresPool(conninfo: conninfo, maximumConnections: 1)
        let connection = try PostgresConnection(conninfo: conninfo)
        let receipt = try submit(confidential: false, on: connection)
        let notices = "select count(*)::int as n from queue_messages where queue = 'notify.reporter' and payload->>'type' = 'reporter.notice'"
        #expect(try connection.query(notices).first?.decode("n", as: Int.self) == 0)
        try FollowerStore.follow(.trackingCode(receipt.trackingCode.value), email: "ikut@example.id", language: .id, on: pool)
        let confirmation = try #require(try confirmations(on: connection).first)
        let pending = try #require(try FollowerStore.pending(id: confirmation.followerID, on: connection))
        _ = try FollowerStore.confirm(token: pending.confirmToken, on: connection)
        try connection.transaction { connection in
            let calendar = try CategoryStore.calendar(connection)
            _ = try CaseStore.perform(.dispatch, on: receipt.trackingCode.value, by: .system, calendar: calendar, connection: connection)
        }
        // Taken in: the follower is the only one to tell, and the notice is queued for them.
        #expect(try connection.query(notices).first?.decode("n", as: Int.self) == 1)
        // Their address goes by the reporters' rule.
        try connection.query("update complaints set status = 'closed', closed_at = now() - interval '40 days' where id = $1", [receipt.id])
        try ContactRetention.sweep(keepingDays: 30, on: connection)
        #expect(try FollowerStore.followers(of: receipt.id, on: connection).isEmpty)
    }
}
