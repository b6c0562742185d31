import Complaints
import HubStore
import Postgres
import TestSupport
import Testing

struct LostCodeStoreTests {
    func submit(_ contact: Contact, confidential: Bool = false, on connection: PostgresConnection) throws -> ComplaintStore.Receipt {
        let submission = ComplaintSubmission(category: "kesehatan", description: "Obat habis di puskesmas", confidential: confidential,
                                             contact: contact, channel: .api)
        return try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }
    }

    @Test func findsAnEmailsCasesOfTheLastTwelveMonthsWhateverItsCase() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let recent = try submit(Contact(email: "Lupa@Example.id"), on: connection)
        let secret = try submit(Contact(email: "lupa@example.id"), confidential: true, on: connection)
        let old = try submit(Contact(email: "lupa@example.id"), on: connection)
        _ = try submit(Contact(email: "lain@example.id"), on: connection)
        try connection.query("update complaints set created_at = now() - interval '13 months' where id = $1", [old.id])
        let found = try LostCodeStore.cases(for: .email("LUPA@example.ID"), language: .en, on: connection)
        #expect(Set(found.codes.map(\.trackingCode)) == [recent.trackingCode.value, secret.trackingCode.value])
        #expect(found.codes.first { $0.confidential }?.categoryName == nil)
        #expect(found.codes.first { !$0.confidential }?.categoryName == "Health services")
    }

    @Test func findsAPhonesCasesHowEverTheNumberWasTypedWithItsTextChannel() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let first = try submit(Contact(phone: "+62 812-9999-0001"), on: connection)
        let second = try submit(Contact(phone: "081299990001", textChannel: "whatsapp"), on: connection)
        _ = try submit(Contact(phone: "081299990002"), on: connection)
        let found = try LostCodeStore.cases(for: .phone("(0812) 9999 0001"), language: .id, on: connection)
        #expect(Set(found.codes.map(\.trackingCode)) == [first.trackingCode.value, second.trackingCode.value])
        #expect(found.textChannel == .whatsapp)
        #expect(try LostCodeStore.cases(for: .phone("081299990009"), language: .id, on: connection).codes.isEmpty)
    }

    @Test func theLookupsUseTheirIndexes() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try connection.query("set enable_seqscan = off")
        let email: [String] = try connection.query("explain select 1 from complaint_reporters r where lower(r.email) = lower('a@b.id') and r.email is not null")
            .map { try $0.decode("QUERY PLAN") }
        let phone: [String] = try connection.query("explain select 1 from complaint_reporters r where hub_phone_key(r.phone) = hub_phone_key('0812') and r.phone is not null")
            .map { try $0.decode("QUERY PLAN") }
        #expect(email.joined().contains("complaint_reporters_email") && phone.joined().contains("complaint_reporters_phone"))
    }
}
