import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// A complaint's kecamatan and desa/kelurahan decided at submission, through the store's submission
/// path that every channel takes, with the made-up regency loaded (Tests/Fixtures/areas).
struct ComplaintStoreAreaTests {
    func regency() throws -> PostgresConnection {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try KabupatenContoh.load(on: connection)
        return connection
    }

    /// The stored case of a submission.
    func submitted(_ submission: ComplaintSubmission, on connection: PostgresConnection) throws -> Case {
        let receipt = try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }
        return try #require(try CaseStore.find(receipt.trackingCode.value, on: connection))
    }

    func submitted(kelurahan: String? = nil, kecamatan: String? = nil, lat: Double? = nil, lon: Double? = nil,
                   channel: Channel = .web, on connection: PostgresConnection) throws -> Case {
        try submitted(ComplaintSubmission(category: "kesehatan", description: "Antrean puskesmas panjang", kelurahan: kelurahan,
                                          kecamatan: kecamatan, lat: lat, lon: lon, channel: channel), on: connection)
    }

    @Test func eachFixturePointLandsInItsDesaOnEveryChannel() throws {
        let connection = try regency()
        for (point, channel) in zip(KabupatenContoh.points, [Channel.web, .api, .open311, .desk, .sms, .web]) {
            let stored = try submitted(kelurahan: "Entah", kecamatan: "Mana", lat: point.lat, lon: point.lon, channel: channel,
                                       on: connection)
            #expect(stored.kelurahanCode?.value == point.code, "\(point)")
            #expect(stored.kecamatanCode == point.code.map { RegionCode($0)!.district }, "\(point)")
            let row = try connection.query("select kelurahan_code, kecamatan_code from complaints where id = $1", [stored.id])[0]
            #expect(try row.decode("kelurahan_code", as: String?.self) == point.code)
        }
    }

    @Test func thePointWinsAndItsRegionsNamesAreStored() throws {
        let connection = try regency()
        let island = try submitted(kelurahan: "Sukamaju", kecamatan: "Sukamaju", lat: -6.575, lon: 106.925, on: connection)
        #expect(island.kelurahanCode == RegionCode("99.01.02.2002") && island.kecamatanCode == RegionCode("99.01.02"))
        #expect(island.kelurahan == "Pasirjaya" && island.kecamatan == "Tanjungsari")
    }

    @Test func aPointOutsideEveryRegionLeavesTheCodesNullAndTheNamesAsTyped() throws {
        let connection = try regency()
        let outside = try submitted(kelurahan: "Mekarsari", kecamatan: "Sukamaju", lat: -6.55, lon: 106.95, on: connection)
        #expect(outside.kelurahanCode == nil && outside.kecamatanCode == nil)
        #expect(outside.kelurahan == "Mekarsari" && outside.kecamatan == "Sukamaju")
        #expect(outside.status == .received)
    }

    @Test func typedNamesAreMatchedWithoutRegardToCaseAndSpaces() throws {
        let connection = try regency()
        let named = try submitted(kelurahan: "  mekarSARI ", kecamatan: nil, on: connection)
        #expect(named.kelurahanCode == RegionCode("99.01.01.1002") && named.kecamatanCode == RegionCode("99.01.01"))
        #expect(named.kelurahan == "Mekarsari" && named.kecamatan == "Sukamaju")
        let spaced = try submitted(kelurahan: "pasir   jaya", kecamatan: " TANJUNGSARI ", on: connection)
        #expect(spaced.kelurahanCode == nil && spaced.kecamatanCode == RegionCode("99.01.02"), "an unknown kelurahan in a known kecamatan")
        #expect(spaced.kecamatan == "Tanjungsari" && spaced.kelurahan == "pasir   jaya")
        let unknown = try submitted(kelurahan: "Antah", kecamatan: "Berantah", on: connection)
        #expect(unknown.kelurahanCode == nil && unknown.kecamatanCode == nil)
    }

    @Test func aKelurahanNameInTwoKecamatanPlacesOnlyWhatIsCertain() throws {
        let connection = try regency()
        // A second Sukamaju: the desa of kecamatan Sukamaju already has the name.
        try connection.query("update regions set name = 'Sukamaju' where code = '99.01.02.2001'")
        let ambiguous = try submitted(kelurahan: "sukamaju", on: connection)
        #expect(ambiguous.kelurahanCode == nil && ambiguous.kecamatanCode == nil)
        let settled = try submitted(kelurahan: "sukamaju", kecamatan: "tanjungsari", on: connection)
        #expect(settled.kelurahanCode == RegionCode("99.01.02.2001") && settled.kecamatanCode == RegionCode("99.01.02"))
        let kecamatanOnly = try submitted(kelurahan: "Sukamaju", kecamatan: "Tanjung", on: connection)
        #expect(kecamatanOnly.kelurahanCode == nil && kecamatanOnly.kecamatanCode == nil)
    }

    @Test func thePartsOfARequestThatFansOutLieWhereItDoes() throws {
        let connection = try regency()
        let parent = try submitted(ComplaintSubmission(category: "kependudukan", subcategory: "bayi-baru-lahir",
                                                       description: "Bayi kami lahir; mohon akta, KK dan BPJS-nya.",
                                                       lat: -6.55, lon: 106.82, channel: .web), on: connection)
        #expect(parent.kelurahanCode == RegionCode("99.01.02.2001"))
        let parts = try connection.query("select distinct kelurahan_code from complaints where parent_id = $1", [parent.id])
        #expect(try parts.map { try $0.decode("kelurahan_code", as: String?.self) } == ["99.01.02.2001"])
    }
}
