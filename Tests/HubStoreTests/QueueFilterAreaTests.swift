import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// A staff queue filtered by area code, on the made-up regency: a kecamatan's code lists the cases
/// placed in any of its desa/kelurahan, a desa's code those placed in it; the account's own area (a
/// name) still applies.
struct QueueFilterAreaTests {
    @Test func anAreaCodeListsTheCasesPlacedThere() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try KabupatenContoh.load(on: connection)
        var codes: [String?: String] = [:]
        for point in KabupatenContoh.points where point.lon != 106.925 {
            let submission = ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu jalan mati", lat: point.lat, lon: point.lon,
                                                 channel: .web)
            codes[point.code] = try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }.trackingCode.value
        }
        func listed(_ filter: QueueFilter) throws -> Set<String> {
            Set(try CaseStore.queueWithCounts(filter, order: .default, on: connection).entries.map(\.stored.trackingCode))
        }
        #expect(try listed(QueueFilter(module: .publicWorks, area: RegionCode("99.01.01"))) == [codes["99.01.01.2001"]!, codes["99.01.01.1002"]!])
        #expect(try listed(QueueFilter(module: .publicWorks, area: RegionCode("99.01.02.2002"))) == [codes["99.01.02.2002"]!])
        #expect(try listed(QueueFilter(module: .publicWorks, area: RegionCode("99.01.03"))).isEmpty)
        #expect(try listed(QueueFilter(module: .publicWorks, area: RegionCode("99.01.01"), boundArea: "mekarsari")) == [codes["99.01.01.1002"]!])
        #expect(try listed(QueueFilter(module: .publicWorks)).count == 5, "the case outside every region is listed without a filter")
    }

    @Test func theDirectoryHoldsEachKecamatanWithItsDesa() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        #expect(try RegionStore.directory(on: connection).isEmpty)
        try KabupatenContoh.load(on: connection)
        let directory = try RegionStore.directory(on: connection)
        #expect(directory.districts.map(\.kecamatan.name) == ["Sukamaju", "Tanjungsari"])
        #expect(directory.districts.map { $0.villages.map(\.name) } == [["Mekarsari", "Sukamaju"], ["Cibodas", "Pasirjaya"]])
        #expect(directory.villageNames == ["Cibodas", "Mekarsari", "Pasirjaya", "Sukamaju"])
        #expect(directory.kecamatanNames == ["Sukamaju", "Tanjungsari"])
    }
}
