import Foundation
import Postgres

/// The made-up regency of Tests/Fixtures/areas (two kecamatan, four desa/kelurahan) loaded into a
/// test database with its boundaries, and complaints placed in it by setting their area codes
/// directly. Until `hubctl areas import` and placing by point at submission are on every branch,
/// this is how a test gets geography.
public enum RegencyFixture {
    /// Codes of the fixture's regions (see its README).
    public static let sukamajuKecamatan = "99.01.01", tanjungsariKecamatan = "99.01.02"
    public static let sukamaju = "99.01.01.2001", mekarsari = "99.01.01.1002", cibodas = "99.01.02.2001", pasirjaya = "99.01.02.2002"

    /// The fixture's GeoJSON text.
    public static var geoJSON: String {
        get throws {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: folder.appendingPathComponent("Fixtures/areas/kabupaten-contoh.geojson"), encoding: .utf8)
        }
    }

    /// The statement that loads a FeatureCollection's regions (`code`, `name`, `level`, `parent`) with
    /// their boundaries; a desa whose code's fourth group starts with 1 is a kelurahan.
    public static let loadStatement = """
        insert into regions (code, kind, district_code, name, boundary)
        select f->'properties'->>'code',
               case when f->'properties'->>'level' = 'kecamatan' then 'kecamatan'
                    when split_part(f->'properties'->>'code', '.', 4) like '1%' then 'kelurahan' else 'desa' end,
               f->'properties'->>'parent', f->'properties'->>'name',
               ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326))
          from jsonb_array_elements($1::jsonb->'features') f
        on conflict (code) do update set boundary = excluded.boundary
        """

    /// Loads the regency's kecamatan and desa with their boundaries.
    public static func load(on connection: PostgresConnection) throws {
        try connection.query(loadStatement, [try geoJSON])
    }

    /// Places a complaint (by tracking code) in a desa/kelurahan of the fixture, and so in its kecamatan.
    public static func place(_ trackingCode: String, in kelurahan: String, on connection: PostgresConnection) throws {
        try connection.query("""
            update complaints set kelurahan_code = $2, kecamatan_code = (select district_code from regions where code = $2)
             where tracking_code = $1
            """, [trackingCode, kelurahan])
    }
}
