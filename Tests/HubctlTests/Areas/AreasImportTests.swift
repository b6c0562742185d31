import Complaints
import Foundation
@testable import Hubctl
import HubStore
import Postgres
import TestSupport
import Testing

/// `hubctl areas import FILE.geojson` on a throwaway PostgreSQL: the made-up regency's regions with
/// their boundaries, the letterhead of a region already known kept, every refusal leaving nothing
/// stored, and the complaints with a point placed afterwards.
struct AreasImportTests {
    func migrated() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
    }

    func count(_ sql: String, _ parameters: [any PostgresEncodable] = [], on connection: PostgresConnection) throws -> Int {
        try connection.query("select count(*)::bigint as n from (\(sql)) counted", parameters)[0].decode("n")
    }

    /// A GeoJSON file of the fixture with `change` applied to its text.
    func fixture(_ change: (String) -> String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("areas-\(UUID().uuidString).geojson").path
        try change(try String(contentsOfFile: KabupatenContoh.path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importsTheRegencyWithItsBoundaries() throws {
        let connection = try migrated()
        try AreasCommand.run(["import", KabupatenContoh.path], connection: connection)
        let rows = try connection.query("""
            select code, kind, district_code, name, ST_GeometryType(boundary) as shape, ST_NumGeometries(boundary)::int as parts,
                   ST_SRID(boundary) as srid from regions order by code
            """)
        #expect(try rows.map { try $0.decode("code", as: String.self) }
                == ["99.01.01", "99.01.01.1002", "99.01.01.2001", "99.01.02", "99.01.02.2001", "99.01.02.2002"])
        #expect(try rows.map { try $0.decode("kind", as: String.self) } == ["kecamatan", "kelurahan", "desa", "kecamatan", "desa", "desa"])
        #expect(try rows.map { try $0.decode("district_code", as: String?.self) }
                == [nil, "99.01.01", "99.01.01", nil, "99.01.02", "99.01.02"])
        #expect(try rows.map { try $0.decode("name", as: String.self) }
                == ["Sukamaju", "Mekarsari", "Sukamaju", "Tanjungsari", "Cibodas", "Pasirjaya"])
        #expect(try rows.allSatisfy { try $0.decode("shape", as: String.self) == "ST_MultiPolygon" && $0.decode("srid", as: Int.self) == 4326 })
        #expect(try rows.map { try $0.decode("parts", as: Int.self) } == [1, 1, 1, 2, 1, 2])
        for point in KabupatenContoh.points {
            let covering = try connection.query("""
                select code from regions where district_code is not null
                   and ST_Covers(boundary, ST_SetSRID(ST_MakePoint($2::float8, $1::float8), 4326))
                """, [point.lat, point.lon]).map { try $0.decode("code", as: String.self) }
            #expect(covering == (point.code.map { [$0] } ?? []), "\(point)")
        }
    }

    @Test func aRegionAlreadyKnownKeepsItsLetterheadAndGetsItsBoundary() throws {
        let connection = try migrated()
        try RegionStore.save(Region(code: RegionCode("99.01.01")!, kind: .kecamatan, name: "Suka Maju Lama", address: "Jl. Camat 1"),
                             on: connection)
        try AreasCommand.run(["import", KabupatenContoh.path], connection: connection)
        let region = try RegionStore.find(RegionCode("99.01.01")!, on: connection)
        #expect(region?.name == "Sukamaju")
        #expect(region?.address == "Jl. Camat 1")
        #expect(try RegionStore.find(RegionCode("99.01.02")!, on: connection)?.address == nil)
        #expect(try count("select 1 from regions where code = '99.01.01' and boundary is not null", on: connection) == 1)
    }

    /// Imports the changed fixture expecting a refusal that starts with `message`, and nothing stored.
    func expectRefusal(_ message: String, change: (String) -> String) throws {
        let connection = try migrated()
        do {
            try AreasCommand.run(["import", try fixture(change)], connection: connection)
            Issue.record("accepted")
        } catch let error as HubctlError {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.exitCode != 0)
        }
        #expect(try count("select 1 from regions", on: connection) == 0)
    }

    @Test func anInvalidBoundaryIsRefusedWithPostGISReason() throws {
        // The first kecamatan's second and third corners swapped: a bow tie, whose ring crosses itself.
        let corners = "[\n       106.8,\n       -6.6\n      ],\n      [\n       106.8,\n       -6.5\n      ]"
        let swapped = "[\n       106.8,\n       -6.5\n      ],\n      [\n       106.8,\n       -6.6\n      ]"
        try expectRefusal("features[0] (99.01.01): the boundary is not valid: Self-intersection") { text in
            text.replacingOccurrences(of: corners, with: swapped, options: [], range: text.range(of: corners))
        }
    }

    @Test func aDesaWhoseKecamatanIsNeitherInTheFileNorKnownIsRefused() throws {
        try expectRefusal("features[4] (99.01.02.2001): its kecamatan 99.01.02 is neither in the file nor known") { text in
            text.replacingOccurrences(of: "\"code\": \"99.01.02\",", with: "\"code\": \"99.01.03\",")
        }
    }

    @Test func complaintsWithAPointArePlacedAfterTheImport() throws {
        let connection = try migrated()
        var codes: [String] = []
        for point in KabupatenContoh.points {
            let submission = ComplaintSubmission(category: "kesehatan", description: "Antrean panjang", kelurahan: "Ketik Sendiri",
                                                 lat: point.lat, lon: point.lon, channel: .web)
            codes.append(try connection.transaction { try ComplaintStore.submit(submission.validated(on: $0), on: $0) }.trackingCode.value)
        }
        _ = try connection.transaction {
            try ComplaintStore.submit(ComplaintSubmission(category: "kesehatan", description: "Tanpa titik", channel: .web).validated(on: $0), on: $0)
        }
        #expect(try count("select 1 from complaints where kecamatan_code is not null", on: connection) == 0)
        try AreasCommand.run(["import", KabupatenContoh.path], connection: connection)
        for (code, point) in zip(codes, KabupatenContoh.points) {
            let row = try connection.query("select kelurahan_code, kecamatan_code, kelurahan from complaints where tracking_code = $1", [code])[0]
            #expect(try row.decode("kelurahan_code", as: String?.self) == point.code, "\(point)")
            #expect(try row.decode("kecamatan_code", as: String?.self) == point.code.map { RegionCode($0)!.district.value })
            if point.code == nil { #expect(try row.decode("kelurahan", as: String?.self) == "Ketik Sendiri") }
        }
        #expect(try RegionStore.placeUnplacedComplaints(batch: 2, on: connection) == 0)
    }
}
