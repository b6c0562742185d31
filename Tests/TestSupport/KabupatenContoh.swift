import Foundation
import Postgres

/// The made-up regency of Tests/Fixtures/areas (its README lists its codes, shapes and test points).
public enum KabupatenContoh {
    /// Codes of the regency's regions (see its README).
    public static let sukamajuKecamatan = "99.01.01", tanjungsariKecamatan = "99.01.02"
    public static let sukamaju = "99.01.01.2001", mekarsari = "99.01.01.1002", cibodas = "99.01.02.2001", pasirjaya = "99.01.02.2002"

    /// The GeoJSON file, as `hubctl areas import` reads it.
    public static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/areas/kabupaten-contoh.geojson").path

    /// The README's test points (latitude, longitude) and the desa/kelurahan each lies in; the last is outside.
    public static let points: [(lat: Double, lon: Double, code: String?)] = [
        (-6.55, 106.72, "99.01.01.2001"), (-6.55, 106.78, "99.01.01.1002"), (-6.55, 106.82, "99.01.02.2001"),
        (-6.55, 106.88, "99.01.02.2002"), (-6.575, 106.925, "99.01.02.2002"), (-6.55, 106.95, nil),
    ]

    /// Loads the regency's regions with their boundaries straight into `regions` (for tests of what
    /// reads them; `hubctl areas import` has tests of its own).
    public static func load(on connection: PostgresConnection) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try connection.query("""
            insert into regions (code, kind, district_code, name, boundary)
            select p->>'code',
                   case when p->>'level' = 'kecamatan' then 'kecamatan'
                        when split_part(p->>'code', '.', 4) like '1%' then 'kelurahan' else 'desa' end,
                   p->>'parent', p->>'name', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326))
              from json_array_elements($1::json->'features') f, lateral (select f->'properties' as p) props
            """, [text])
    }

    /// Places a complaint (by tracking code) in a desa/kelurahan of the regency, and so in its kecamatan,
    /// whatever its point says: for tests of what reads the codes.
    public static func place(_ trackingCode: String, in kelurahan: String, on connection: PostgresConnection) throws {
        try connection.query("""
            update complaints set kelurahan_code = $2, kecamatan_code = (select district_code from regions where code = $2)
             where tracking_code = $1
            """, [trackingCode, kelurahan])
    }
}
