import Complaints
import Postgres

/// The demo's regions with SYNTHETIC boundaries (see `Kelurahan`): each kelurahan is the Voronoi cell
/// of its centre among all the centres, clipped to their bounding box grown by about 2 km; each
/// kecamatan is the union of its kelurahan's cells. Made-up codes, drawn by PostGIS; a region
/// already known gets its name and boundary again and keeps its letterhead.
enum DemoRegions {
    /// Writes the kecamatan and kelurahan, kecamatan first, in the caller's transaction.
    /// - Throws: `PostgresError`.
    static func write(on connection: PostgresConnection) throws {
        let places = Kelurahan.region
        try connection.query(SQL.cells, [places.map(\.code.value), places.map(\.name), places.map { String($0.lat) },
                                         places.map { String($0.lon) }])
        var districts: [String: String] = [:]
        for place in places { districts[place.kecamatanCode.value] = place.kecamatan }
        try connection.query(SQL.districts, [Array(districts.keys), districts.keys.map { districts[$0]! }])
        try connection.query(SQL.villages)
    }

    enum SQL {
        static let cells = """
            create temporary table demo_cells on commit drop as
            with centre as (
                select code, name, ST_SetSRID(ST_MakePoint(lon::float8, lat::float8), 4326) as point
                  from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as given(code, name, lat, lon)
            ), frame as (
                select ST_SetSRID(ST_Expand(ST_Extent(point)::geometry, 0.02), 4326) as box from centre
            ), cell as (
                select (ST_Dump(ST_VoronoiPolygons(ST_Collect(point), 0, (select box from frame)))).geom as geom from centre
            )
            select centre.code, centre.name, ST_Multi(ST_Intersection(cell.geom, frame.box)) as boundary
              from centre join cell on ST_Contains(cell.geom, centre.point), frame
            """
        static let districts = """
            insert into regions (code, kind, name, boundary)
            select given.code, 'kecamatan', given.name,
                   (select ST_Multi(ST_Union(boundary)) from demo_cells where demo_cells.code like given.code || '.%')
              from unnest($1::text[], $2::text[]) as given(code, name)
            on conflict (code) do update set name = excluded.name, boundary = excluded.boundary
            """
        static let villages = """
            insert into regions (code, kind, district_code, name, boundary)
            select code, 'kelurahan', left(code, 8), name, boundary from demo_cells
            on conflict (code) do update set name = excluded.name, boundary = excluded.boundary
            """
    }
}
