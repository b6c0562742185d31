import Complaints
import Foundation
@testable import Hubctl
import HubStore
import Postgres
import TestSupport
import Testing

struct DemoDataWriterTests {
    static let until = Date(timeIntervalSince1970: 1_795_000_000)

    func filled(count: Int = 2000, seed: UInt64 = 42) throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try DemoDataWriter.write(count: count, seed: seed, until: Self.until, on: connection)
        return connection
    }

    func count(_ sql: String, on connection: PostgresConnection) throws -> Int {
        try connection.query("select count(*) as n from (\(sql)) counted")[0].decode("n")
    }

    @Test func fillsAMigratedDatabaseWithRealisticComplaints() throws {
        let connection = try filled()
        #expect(try count("select 1 from complaints", on: connection) == 2000)
        let closed = try count("select 1 from complaints where status = 'closed'", on: connection)
        #expect((1100...1300).contains(closed), "\(closed) of 2000 closed")
        // Every status but received, forwarded and awaiting_reporter (no demo case waits for a module, for an
        // agency's answer or for the reporter's).
        #expect(try count("select distinct status from complaints", on: connection) == ComplaintStatus.allCases.count - 3)
        #expect(try count("select distinct category_code from complaints", on: connection)
                == count("select 1 from categories", on: connection))
        #expect(try count("select distinct channel_code from complaints", on: connection) == Channel.allCases.count)
        #expect(try count("select 1 from complaints where geo_point is null", on: connection) == 0)
        #expect(try count("select 1 from complaint_photos", on: connection) > 0)
        #expect(try count("select 1 from complaints c join complaint_reporters r on r.complaint_id = c.id where not c.anonymous", on: connection)
                == count("select 1 from complaints where not anonymous", on: connection))
        #expect(try count("select 1 from queue_messages", on: connection) == 0)
    }

    @Test func everyComplaintCarriesTheCodesOfTheSyntheticKelurahanItsPointLiesIn() throws {
        let connection = try filled()
        #expect(try count("select 1 from regions where kind = 'kecamatan' and boundary is not null", on: connection) == 6)
        #expect(try count("select 1 from regions where kind = 'kelurahan' and boundary is not null", on: connection) == Kelurahan.region.count)
        #expect(try count("select 1 from regions where not ST_IsValid(boundary)", on: connection) == 0)
        #expect(try count("select 1 from complaints where kecamatan_code is null or kelurahan_code is null", on: connection) == 0)
        // Placing each point as submission does finds the codes it was written with.
        #expect(try count("""
            select 1 from complaints c
             where c.kelurahan_code is distinct from (select code from regions r where r.district_code is not null
                                                         and ST_Covers(r.boundary, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326))
                                                       order by code limit 1)
                or not exists (select 1 from regions k where k.code = c.kecamatan_code
                                  and ST_Covers(k.boundary, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326)))
            """, on: connection) == 0)
        // The kelurahan's cells tile their kecamatan.
        #expect(try count("""
            select 1 from regions k where k.kind = 'kecamatan'
               and abs(ST_Area(k.boundary) - (select sum(ST_Area(v.boundary)) from regions v where v.district_code = k.code)) > 1e-9
            """, on: connection) == 0)
        // A second run (another seed) finds its regions there.
        try DemoDataWriter.write(count: 10, seed: 7, until: Self.until, on: connection)
        #expect(try count("select 1 from regions", on: connection) == 6 + Kelurahan.region.count)
    }

    @Test func everyComplaintHasATimelineEndingInItsStatus() throws {
        let connection = try filled()
        #expect(try count("""
            select 1 from complaints c
             where not exists (select 1 from complaint_events e where e.complaint_id = c.id and e.kind = 'submitted')
                or c.status is distinct from (select e.to_status from complaint_events e where e.complaint_id = c.id and e.to_status is not null
                                               order by e.at desc, e.id desc limit 1)
            """, on: connection) == 0)
    }

    @Test func theSameSeedGivesTheSameData() throws {
        let digest = """
            select md5(string_agg(concat_ws('|', c.tracking_code, c.category_code, c.subcategory_code, c.channel_code, c.status, c.priority,
                                             c.description, c.kelurahan, c.lat, c.lon, c.anonymous, c.confidential, c.due_at, c.created_at,
                                             c.resolved_at, c.closed_at, c.duplicate_of, c.pole_id, c.citizen_rating,
                                             (select string_agg(concat_ws(',', e.kind, e.at, e.actor_role, e.note, e.to_status, e.details), ';'
                                                                order by e.id) from complaint_events e where e.complaint_id = c.id)),
                                   '/' order by c.id)) as digest from complaints c
            """
        let first = try filled(count: 500, seed: 9).query(digest)[0].decode("digest", as: String.self)
        #expect(try filled(count: 500, seed: 9).query(digest)[0].decode("digest", as: String.self) == first)
        #expect(try filled(count: 500, seed: 10).query(digest)[0].decode("digest", as: String.self) != first)
    }

    @Test func theStoresReadADemoComplaintsPublicView() throws {
        let connection = try filled(count: 300)
        let code = try connection.query("select tracking_code from complaints where status = 'closed' order by id limit 1")[0]
            .decode("tracking_code", as: String.self)
        let view = try #require(try PublicCase.load(code, on: connection))
        #expect(view.status == .closed)
        #expect(view.timeline.first?.kind == .submitted)
        #expect(view.timeline.last?.toStatus == "closed")
    }

    @Test func theStoresReadEveryDemoCaseAndTheWorkQueues() throws {
        let connection = try filled(count: 500)
        let ids = try connection.query("select id from complaints order by id").map { try $0.decode("id", as: Int64.self) }
        for id in ids {
            let demo = try #require(try CaseStore.find(id: id, on: connection))
            #expect(!(try CaseStore.timeline(caseID: id, on: connection)).isEmpty, "\(demo.trackingCode)")
        }
        let queue = try CaseStore.queue(QueueFilter(module: ModuleName(rawValue: "public-works")), page: try QueuePage(size: 50), on: connection)
        #expect(!queue.isEmpty && queue.allSatisfy { $0.status.isOpen })
    }

    @Test func loadingTheSameSeedTwiceIntoOneDatabaseStoresNothingTheSecondTime() throws {
        let connection = try filled(count: 100)
        #expect(throws: PostgresError.self) { try DemoDataWriter.write(count: 100, seed: 42, until: Self.until, on: connection) }
        #expect(try count("select 1 from complaints", on: connection) == 100)
        try DemoDataWriter.write(count: 100, seed: 43, until: Self.until, on: connection)
        #expect(try count("select 1 from complaints", on: connection) == 200)
    }
}
