import Complaints
import Foundation
import HubStore
import Postgres
import ServiceKit
import TestSupport
import Testing

struct ComplaintStoreTests {
    func database() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
    }

    func count(_ connection: PostgresConnection, _ table: String) throws -> Int {
        try connection.query("select count(*)::int as n from \(table)")[0].decode("n", as: Int.self)
    }

    @Test func submissionStoresComplaintReporterEventAndMessageTogether() throws {
        let connection = try database()
        let submission = ComplaintSubmission(category: "pariwisata", subcategory: "harga-layanan",
                                             description: "Tiket masuk pantai dinaikkan tanpa pemberitahuan",
                                             kelurahan: "Pangandaran", contact: Contact(email: "wisatawan@example.id"),
                                             channel: .api)
        let receipt = try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }
        #expect(receipt.module == .tourism)
        let stored = try #require(try CaseStore.find(receipt.trackingCode.value, on: connection))
        #expect(stored.status == .received && stored.agency == "dispar" && stored.channel == .api)
        #expect(stored.anonymous && stored.confidential, "private by default")
        #expect(try ReporterStore.contact(caseID: stored.id, on: connection)?.email == "wisatawan@example.id")
        let message = try connection.query("select queue, payload->>'tracking_code' as code from queue_messages")[0]
        #expect(message["queue"] == "module.tourism")
        #expect(message["code"] == receipt.trackingCode.value)
        #expect(try CaseStore.timeline(caseID: stored.id, on: connection).map(\.kind.rawValue) == ["submitted"])
    }

    @Test func aChannelTheHubDoesNotKnowIsADecodingErrorNotADefault() throws {
        let connection = try database()
        let receipt = try connection.transaction {
            try ComplaintStore.submit(ComplaintSubmission(category: "kesehatan", description: "Antrean puskesmas", channel: .web).validated(on: $0), on: $0)
        }
        try connection.query("insert into channels (code, name_id, name_en) values ('faks', 'Faks', 'Fax') on conflict do nothing")
        try connection.query("update complaints set channel_code = 'faks' where tracking_code = $1", [receipt.trackingCode.value])
        do {
            _ = try CaseStore.find(receipt.trackingCode.value, on: connection)
            Issue.record("an unknown channel was read as a case")
        } catch PostgresError.decoding(let column, _, let value) {
            #expect(column == "channel_code" && value == "faks")
        }
    }

    @Test func theMessageToTheModuleIsAVersionedComplaintReceivedAndOpen311DetailsStayOnTheFirstEvent() throws {
        let connection = try database()
        let submission = ComplaintSubmission(category: "kesehatan", description: "Antrean puskesmas", channel: .open311)
        let receipt = try connection.transaction {
            try ComplaintStore.submit(submission.validated(on: $0), open311Details: ["address_id": "ALAMAT-77"], on: $0)
        }
        let payload: String = try connection.query("select payload::text as p from queue_messages")[0].decode("p")
        #expect(try MessageEnvelope.decode(ComplaintReceived.self, from: payload)
            == ComplaintReceived(complaintID: receipt.id, trackingCode: receipt.trackingCode.value))
        #expect(try connection.query("select payload->>'version' as v from queue_messages")[0]["v"] == "1")
        let event = try connection.query("""
            select details->>'channel' as channel, details->'open311'->>'address_id' as address, actor_role, from_status
              from complaint_events
            """)
        #expect(event.count == 1 && event[0]["channel"] == "open311" && event[0]["address"] == "ALAMAT-77")
        #expect(event[0]["actor_role"] == "citizen" && event[0]["from_status"] == nil)
    }

    @Test func aReportOfAnOpenProblemIsLinkedToItAndSentNowhere() throws {
        let connection = try database()
        let first = ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu PJU padam", channel: .web, poleID: "PJU 12-A")
        let second = ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu mati", channel: .web, poleID: "pju12a")
        let open = try connection.transaction { try ComplaintStore.submit(first.validated(on: $0), on: $0) }
        let linked = try connection.transaction { try ComplaintStore.submit(second.validated(on: $0), on: $0) }
        #expect(linked.joined == open.trackingCode.value)
        let stored = try #require(try CaseStore.find(linked.trackingCode.value, on: connection))
        #expect(stored.status == .duplicate)
        #expect(try CaseStore.timeline(caseID: stored.id, on: connection).map(\.kind.rawValue) == ["submitted", "linked_duplicate"])
        #expect(try count(connection, "queue_messages") == 1, "only the first report goes to the module")
        #expect(try DuplicateLinks.load(caseID: stored.id, on: connection).duplicateOf == open.trackingCode.value)
        #expect(try count(connection, "audit_log") == 0, "the hub's own link is not audited")
    }

    @Test func reportWithinTheRulesRadiusAndWindowJoinsAndOthersDoNot() throws {
        let connection = try database()
        func report(_ lat: Double, _ lon: Double, category: String = "pekerjaan-umum") throws -> ComplaintStore.Receipt {
            let submission = ComplaintSubmission(category: category, description: "Jalan berlubang", lat: lat, lon: lon, channel: .web)
            return try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }
        }
        let open = try report(-6.2000, 106.8166)
        #expect(try report(-6.2003, 106.8166).joined == open.trackingCode.value, "about 33 m away")
        #expect(try report(-6.2009, 106.8166).joined == nil, "about 100 m away")
        #expect(try report(-6.2000, 106.8166, category: "kesehatan").joined == nil, "another category")
        try connection.query("update complaints set created_at = now() - interval '8 days'")
        #expect(try report(-6.2000, 106.8166).joined == nil, "the open reports are older than the rule's window")
    }

    @Test func refusedSubmissionStoresNothing() throws {
        let connection = try database()
        let bad = ComplaintSubmission(category: "kesehatan", description: "ok", lat: 1, lon: nil,
                                      contact: Contact(email: "bukan-email"), channel: .web)
        #expect {
            try connection.transaction { try ComplaintStore.submit(bad.validated(on: $0), on: $0) }
        } throws: { error in
            guard let invalid = error as? InvalidSubmission else { return false }
            return Set(invalid.problems) == [.coordinatesIncomplete, .invalidEmail]
        }
        for table in ["complaints", "complaint_reporters", "complaint_events", "queue_messages"] {
            #expect(try count(connection, table) == 0)
        }
    }

    @Test func publicViewNeverCarriesReporterOrStaffIdentity() throws {
        let connection = try database()
        let account = try AccountStore.create(login: "budi.pu", password: "kata-sandi-1", role: .staff, module: .publicWorks,
                                              on: connection)
        let open = ComplaintSubmission(category: "pekerjaan-umum", description: "Jembatan retak", location: "Jl. Sudirman",
                                       anonymous: false, confidential: false,
                                       contact: Contact(name: "Siti Aminah", email: "siti@example.id", phone: "0812-3456-7890"),
                                       channel: .web)
        let receipt = try connection.transaction { try ComplaintStore.submit(open.validated(on: $0), on: $0) }
        let calendar = WorkingCalendar()
        try connection.transaction { connection in
            try CaseStore.perform(.dispatch, on: receipt.trackingCode.value, by: .system, calendar: calendar, connection: connection)
            try CaseStore.perform(.claim, on: receipt.trackingCode.value, by: Acting(account.actor), calendar: calendar, connection: connection)
            try CaseStore.perform(.addNote(text: "catatan internal rahasia", isPublic: false), on: receipt.trackingCode.value,
                                  by: Acting(account.actor), calendar: calendar, connection: connection)
        }
        let view = try #require(try PublicCase.load(receipt.trackingCode.value, on: connection))
        let json = String(decoding: view.json(language: .id).bytes, as: UTF8.self)
        for secret in ["Siti", "siti@example.id", "3456", "budi.pu", "catatan internal"] {
            #expect(!json.contains(secret), "\(secret) leaked into \(json)")
        }
        #expect(json.contains("Jembatan retak"), "a non-confidential complaint shows its description")
        #expect(view.timeline.map(\.actorRole.rawValue) == ["citizen", "system", "staff"])
    }

    @Test func confidentialComplaintShowsOnlyItsStatus() throws {
        let connection = try database()
        let secret = ComplaintSubmission(category: "sosial", description: "Anak terlantar di rumah nomor 5",
                                         location: "Gang Mawar 5", channel: .web)
        let receipt = try connection.transaction { try ComplaintStore.submit(secret.validated(on: $0), on: $0) }
        let view = try #require(try PublicCase.load(receipt.trackingCode.value, on: connection))
        #expect(view.description == nil && view.location == nil)
        let json = view.json(language: .en)
        #expect(json["description"] == nil && json["location"] == nil)
        #expect(json["status"] == "received")
    }
}
