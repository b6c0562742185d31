import Complaints
import Postgres

extension RegionStore {
    /// A region as `hubctl areas import FILE.geojson` loads it: its name and its boundary as GeoJSON
    /// geometry text (a Polygon or MultiPolygon in WGS 84).
    public struct Boundary: Sendable, Equatable {
        public let code: RegionCode
        /// Its kind when it is new; a region already known keeps its own.
        public let kind: RegionKind
        public let name: String
        public let geometry: String

        public init(code: RegionCode, kind: RegionKind, name: String, geometry: String) {
            self.code = code
            self.kind = kind
            self.name = name
            self.geometry = geometry
        }
    }

    /// What PostGIS finds wrong with each boundary it does not accept (`ST_IsValidReason`), by
    /// position in `geometries`, in one statement; empty when every one is valid.
    /// - Throws: `PostgresError` when a text is not GeoJSON geometry at all (PostGIS names no position then).
    public static func invalidBoundaries(_ geometries: [String], on connection: PostgresConnection) throws -> [(index: Int, reason: String)] {
        try connection.query(BoundarySQL.invalid, [geometries]).map { (try $0.decode("position", as: Int.self) - 1, try $0.decode("reason")) }
    }

    /// Which of `codes` are known regions.
    public static func known(_ codes: [RegionCode], on connection: PostgresConnection) throws -> Set<RegionCode> {
        Set(try connection.query("select code from regions where code = any($1::text[])", [codes.map(\.value)])
            .compactMap { RegionCode(try $0.decode("code", as: String.self)) })
    }

    /// Adds the regions or gives those already known their name and boundary (keeping their kind and
    /// letterhead), in one statement; a desa/kelurahan's kecamatan must be known or saved before it.
    /// - Returns: how many were new.
    /// - Throws: `PostgresError`.
    public static func save(_ boundaries: [Boundary], on connection: PostgresConnection) throws -> Int {
        guard !boundaries.isEmpty else { return 0 }
        return try connection.query(BoundarySQL.save, [boundaries.map(\.code.value), boundaries.map(\.kind.rawValue),
                                                       boundaries.map { $0.code.isVillage ? $0.code.district.value : "" },
                                                       boundaries.map(\.name), boundaries.map(\.geometry)])[0].decode("new")
    }

    enum BoundarySQL {
        static let invalid = """
            select position, ST_IsValidReason(geometry) as reason
              from unnest($1::text[]) with ordinality as given(text, position),
                   lateral (select ST_SetSRID(ST_GeomFromGeoJSON(given.text), 4326) as geometry) as parsed
             where not ST_IsValid(geometry)
             order by position
            """
        /// `xmax = 0` tells an inserted row from an updated one.
        static let save = """
            with saved as (
                insert into regions (code, kind, district_code, name, boundary)
                select code, kind, nullif(district_code, ''), name, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))
                  from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as given(code, kind, district_code, name, geometry)
                on conflict (code) do update set name = excluded.name, boundary = excluded.boundary
                returning xmax = 0 as inserted
            )
            select count(*) filter (where inserted)::bigint as new from saved
            """
    }
}
