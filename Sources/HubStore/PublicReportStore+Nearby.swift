import Complaints
import Postgres

extension PublicReportStore {
    /// The open listed reports within `NearbyQuery.radiusMetres` of the point, nearest first, at most
    /// `NearbyQuery.limit`, each with its distance in whole metres.
    /// - Throws: `PostgresError`.
    public static func nearby(_ query: NearbyQuery, on connection: PostgresConnection) throws -> [(report: PublicReport, metres: Int)] {
        try connection.query(SQL.nearby, [query.point.lon, query.point.lat, Double(NearbyQuery.radiusMetres), query.category,
                                          NearbyQuery.limit]).map { row in
            (try PublicReport(row: row), try row.decode("distance_m", as: Int.self))
        }
    }
}

extension PublicReportStore.SQL {
    /// $1 lon, $2 lat, $3 the radius in metres, $4 the category or null, $5 how many.
    static let nearby = """
        with here as (select ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326)::geography as point),
        near as (
            select n.request_id as near_id, round(ST_Distance(n.geo_point, here.point))::int as distance_m
              from public_open_report_points n, here
             where ST_DWithin(n.geo_point, here.point, $3::float8) and ($4::text is null or n.category_code = $4::text)
             order by n.geo_point <-> here.point
             limit $5::int
        )
        \(columns), distance_m
          from public_reports join near on request_id = near_id
         order by distance_m, request_id
        """
}
