import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// A request that fans out, on a real schema: the parent and one child per agency stored by the
/// submission's transaction, the children worked through the store, the parent following them.
struct FanOutStoreTests {
    static let newborn = ComplaintSubmission(category: "kependudukan", subcategory: "bayi-baru-lahir",
                                             description: "Bayi kami lahir 1 Desember di RSUD; mohon akta, KK dan BPJS-nya.",
                                             kelurahan: "Sukamaju", anonymous: false, confidential: false,
                                             contact: Contact(name: "Siti", email: "siti@example.org"), channel: .web)

    func submit(on connection: PostgresConnection) throws -> (parent: Case, children: [Case]) {
        let receipt = try connection.transaction { connection in
            try ComplaintStore.submit(try Self.newborn.validated(on: connection), on: connection)
        }
        let parent = try #require(try CaseStore.find(receipt.trackingCode.value, on: connection))
        let children = try connection.query("select tracking_code from complaints where parent_id = $1 order by id", [parent.id])
            .map { try #require(try CaseStore.find(try $0.decode("tracking_code"), on: connection)) }
        return (parent, children)
    }

    func messages(_ connection: PostgresConnection, about id: Int64) throws -> [String] {
        try connection.query("""
            select queue, payload->>'notice' as notice from queue_messages
             where (payload->>'complaint_id')::bigint = $1 order by id
            """, [id]).map { row in [row["queue"], row["notice"]].compactMap { $0 }.joined(separator: ":") }
    }

    /// An officer who works every part (the store does not check who sees what: StaffAccess does).
    func officer(_ connection: PostgresConnection) throws -> Acting<Complaints.Actor> {
        let account = try AccountStore.create(login: "petugas.\(UInt32.random(in: 0...UInt32.max))", password: "sandi-petugas-01",
                                              role: .staff, module: .intake, on: connection)
        return Acting(account.actor, from: "198.51.100.7")
    }

    func act(_ action: CaseAction, on code: String, by acting: Acting<Complaints.Actor>, _ connection: PostgresConnection) throws {
        try connection.transaction { connection in
            _ = try CaseStore.perform(action, on: code, by: acting, calendar: WorkingCalendar(), connection: connection)
        }
    }

    @Test func theSubmissionStoresTheParentAndOneCasePerAgencyEachSentToItsModule() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let (parent, children) = try submit(on: connection)
        #expect(parent.requestType == "bayi-baru-lahir" && parent.isParent && parent.status == .received && parent.dueAt == nil)
        #expect(children.map(\.agency) == ["rsud", "disdukcapil", "bpjs-kesehatan"])
        #expect(children.map(\.module) == [.intake, .intake, .social])
        #expect(children.allSatisfy { $0.parentID == parent.id && $0.status == .received && $0.description == parent.description })
        #expect(try messages(connection, about: parent.id) == ["notify.reporter:received"], "the parent goes to no module")
        #expect(try children.map { try messages(connection, about: $0.id) } == [["module.intake"], ["module.intake"], ["module.social"]],
                "each child to its module, no notice: the reporter hears of the parent")
        let reporters = try connection.query("""
            select r.complaint_id from complaint_reporters r join complaints c on c.id = r.complaint_id
             where c.id = $1 or c.parent_id = $1
            """, [parent.id])
        #expect(reporters.map { $0["complaint_id"] } == [String(parent.id)], "the contact is kept once, with the parent")
    }

    @Test func theParentFollowsItsChildrenAndClosesOnlyWithTheLastOneTellingTheReporterOnlyOfItsOwnChanges() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let (parent, children) = try submit(on: connection)
        let codes = children.map(\.trackingCode)
        let staff = try officer(connection)
        func parentStatus() throws -> ComplaintStatus { try #require(try CaseStore.find(id: parent.id, on: connection)).status }

        for code in codes { try act(.dispatch, on: code, by: Acting(.system), connection) }
        #expect(try parentStatus() == .dispatched)
        for code in codes { try act(.claim, on: code, by: staff, connection) }
        #expect(try parentStatus() == .inProgress)
        for code in codes.dropLast() {
            try act(.resolve(note: "Dokumen sudah jadi."), on: code, by: staff, connection)
            try act(.close, on: code, by: staff, connection)
        }
        #expect(try parentStatus() == .inProgress, "one agency still works its part")
        try act(.resolve(note: "Kartu BPJS bayi sudah aktif."), on: codes[2], by: staff, connection)
        #expect(try parentStatus() == .resolved)
        try act(.close, on: codes[2], by: staff, connection)
        #expect(try parentStatus() == .closed)
        let closedAt = try connection.query("select closed_at is not null as stamped from complaints where id = $1", [parent.id])
        #expect(closedAt.first?["stamped"] == "t")

        #expect(try messages(connection, about: parent.id) == [
            "notify.reporter:received", "notify.reporter:progressed", "notify.reporter:progressed",
            "notify.reporter:note", "notify.reporter:note", "notify.reporter:progressed", "notify.reporter:progressed",
        ], "one notice per change of the parent's status (dispatched, in progress, resolved, closed) and per part's public word")
        let timeline = try CaseStore.timeline(caseID: parent.id, on: connection)
        #expect(timeline.map(\.kind) == [.submitted, .partsProgressed, .partsProgressed, .note, .note, .partsProgressed, .partsProgressed])
        #expect(timeline.map(\.toStatus) == ["received", "dispatched", "in_progress", "in_progress", "in_progress", "resolved", "closed"])
        #expect(timeline.map(\.note) == [nil, nil, nil, "Rumah Sakit Umum Daerah: Dokumen sudah jadi.",
                                        "Dinas Kependudukan dan Pencatatan Sipil: Dokumen sudah jadi.",
                                        "BPJS Kesehatan: Kartu BPJS bayi sudah aktif.", nil],
                "each agency's resolution, by its public name, where the reporter reads it")
        #expect(timeline.filter { $0.note != nil }.allSatisfy { $0.isPublic })
    }

    @Test func theParentAndEachPartNameTheRequestAndEveryAgencysPartInOrder() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let (parent, children) = try submit(on: connection)
        try act(.dispatch, on: children[1].trackingCode, by: Acting(.system), connection)
        for stored in [parent] + children {
            let request = try #require(try FanOutStore.request(of: stored, on: connection))
            #expect(request.trackingCode == parent.trackingCode && request.typeNameID == "Layanan 3-in-1 bayi baru lahir")
            #expect(request.parts.map(\.trackingCode) == children.map(\.trackingCode))
            #expect(request.parts.map(\.agencyNameEN) == ["Regional general hospital", "Civil registry office",
                                                        "BPJS Health (national health insurance)"])
            #expect(request.parts.map(\.status) == [.received, .dispatched, .received])
        }
        let ordinary = try connection.transaction { connection in
            try ComplaintStore.submit(try ComplaintSubmission(category: "kependudukan", description: "KTP belum jadi", channel: .web)
                .validated(on: connection), on: connection)
        }
        #expect(try FanOutStore.request(of: try #require(try CaseStore.find(ordinary.trackingCode.value, on: connection)),
                                        on: connection) == nil)
    }

    @Test func aLaterReportAtTheSamePlaceJoinsNeitherTheRequestNorItsParts() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        var request = Self.newborn
        (request.lat, request.lon) = (-6.9, 107.6)
        let receipt = try connection.transaction { connection in
            try ComplaintStore.submit(try request.validated(on: connection), on: connection)
        }
        for category in ["kesehatan", "kependudukan", "sosial"] {
            let later = try connection.transaction { connection in
                try ComplaintStore.submit(try ComplaintSubmission(category: category, description: "Antrean panjang di RSUD",
                                                                  lat: -6.9, lon: 107.6, channel: .web).validated(on: connection),
                                          on: connection)
            }
            #expect(later.joined == nil, "a \(category) report joined \(later.joined ?? "-") of request \(receipt.trackingCode.value)")
        }
    }

    @Test func aStaffActionOnTheParentIsRefusedAndChangesNothing() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let (parent, _) = try submit(on: connection)
        let staff = try officer(connection)
        #expect(throws: Refusal.parentNotWorked) {
            try act(.reject(reason: "Bukan kewenangan kami."), on: parent.trackingCode, by: staff, connection)
        }
        #expect(try CaseStore.find(id: parent.id, on: connection)?.status == .received)
        #expect(try CaseStore.queue(QueueFilter(module: .intake), on: connection).allSatisfy { $0.id != parent.id },
                "the parent is in no work queue")
    }
}
