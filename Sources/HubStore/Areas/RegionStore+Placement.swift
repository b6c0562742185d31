import Complaints
import Postgres

extension RegionStore {
    /// Queues the read of the regions a submission may lie in (`candidates(from:)`): those whose
    /// boundary covers its point, or, without a point, those named as it names its kelurahan and
    /// kecamatan (`AreaPlacement.matchable`). Part of the submission's one lookup round trip.
    static func queueCandidates(for submission: ComplaintSubmission, into batch: inout PostgresBatch) {
        let hasPoint = submission.lat != nil && submission.lon != nil
        batch.query(PlacementSQL.candidates, [hasPoint ? submission.lat : nil, hasPoint ? submission.lon : nil,
                                              AreaPlacement.matchable(submission.kelurahan),
                                              AreaPlacement.matchable(submission.kecamatan)])
    }

    /// The candidates in the rows of `queueCandidates`, for `AreaPlacement.place`.
    static func candidates(from rows: PostgresRows) throws -> [AreaPlacement.Candidate] {
        try rows.map { row in
            let match: String = try row.decode("match")
            guard let kind = AreaPlacement.Candidate.Match(rawValue: match) else {
                throw PostgresError.decoding(column: "match", expected: "point or name", value: match)
            }
            let district: AreaPlacement.Place? = try place(row, code: "district_code", name: "district_name")
            guard let region = try place(row, code: "code", name: "name") else {
                throw PostgresError.decoding(column: "code", expected: "a region", value: "null")
            }
            return AreaPlacement.Candidate(match: kind, region: region, district: district)
        }
    }

    private static func place(_ row: PostgresRow, code column: String, name: String) throws -> AreaPlacement.Place? {
        guard let code = try row.regionCode(column) else { return nil }
        return AreaPlacement.Place(code: code, name: try row.decode(name))
    }

    enum PlacementSQL {
        /// $1, $2 the point's latitude and longitude (both null without a point: ST_MakePoint is
        /// strict, so the first branch is then empty); $3, $4 the matchable kelurahan and kecamatan
        /// names, compared only without a point. The point's branch goes through the GiST index
        /// regions_boundary (migration 037), the names' through regions_name (migration 039).
        static let candidates = """
            select 'point' as match, r.code, r.name, k.code as district_code, k.name as district_name
              from regions r left join regions k on k.code = r.district_code
             where ST_Covers(r.boundary, ST_SetSRID(ST_MakePoint($2::float8, $1::float8), 4326))
            union all
            select 'name', r.code, r.name, k.code, k.name
              from regions r join regions k on k.code = r.district_code
             where $1::float8 is null and lower(r.name) = $3::text
            union all
            select 'name', r.code, r.name, null, null
              from regions r
             where $1::float8 is null and r.district_code is null and lower(r.name) = $4::text
            """
    }
}
