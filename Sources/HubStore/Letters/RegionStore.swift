import Complaints
import Foundation
import Postgres

/// The kecamatan and desa/kelurahan with their letterheads (`regions`).
public enum RegionStore {
    /// Adds a region or replaces its letterhead; a desa/kelurahan needs its kecamatan first.
    /// - Throws: `PostgresError` (a foreign key violation for a village whose kecamatan is missing).
    public static func save(_ region: Region, on connection: PostgresConnection) throws {
        try connection.query("""
            insert into regions (code, kind, district_code, name, address, logo, logo_media_type)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (code) do update set kind = excluded.kind, district_code = excluded.district_code, name = excluded.name,
                address = excluded.address, logo = excluded.logo, logo_media_type = excluded.logo_media_type
            """, [region.code.value, region.kind.rawValue, region.code.isVillage ? region.code.district.value : nil, region.name,
                  region.address, region.logo.map { Data($0) }, region.logoMediaType])
    }

    /// A region by its code, with its logo, or nil.
    public static func find(_ code: RegionCode, on connection: PostgresConnection) throws -> Region? {
        guard let row = try connection.query("""
            select code, kind, name, address, logo, logo_media_type from regions where code = $1
            """, [code.value]).first else { return nil }
        return try region(row)
    }

    static func region(_ row: PostgresRow) throws -> Region {
        let code: String = try row.decode("code"), kind: String = try row.decode("kind")
        guard let regionCode = RegionCode(code), let regionKind = RegionKind(rawValue: kind) else {
            throw PostgresError.decoding(column: "code", expected: "RegionCode", value: code)
        }
        let logo: Data? = try row.decode("logo")
        return Region(code: regionCode, kind: regionKind, name: try row.decode("name"), address: try row.decode("address"),
                      logo: logo.map { [UInt8]($0) }, logoMediaType: try row.decode("logo_media_type"))
    }

    /// A kecamatan and its desa/kelurahan, code and name, the kecamatan first.
    public static func names(in district: RegionCode, on connection: PostgresConnection) throws -> [(code: String, name: String)] {
        try connection.query("""
            select code, name from regions where code = $1 or district_code = $1 order by district_code nulls first, code
            """, [district.value]).map { (try $0.decode("code"), try $0.decode("name")) }
    }

    /// How many regions of each level there are.
    public static func count(on connection: PostgresConnection) throws -> Int {
        try connection.query("select count(*)::bigint as n from regions")[0].decode("n", as: Int.self)
    }
}
