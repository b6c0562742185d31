import Complaints
import Postgres

extension RegionStore {
    /// Places the complaints that have a point but no area codes yet in the regions whose boundaries
    /// cover their points (as `AreaPlacement.place` does a point at submission: the desa/kelurahan
    /// with its kecamatan, else a kecamatan), with the regions' canonical names; a batch of identities
    /// at a time, each its own statement, so that a million complaints never hold one long transaction.
    /// - Parameter batch: how many identities a statement covers.
    /// - Returns: how many complaints were placed.
    /// - Throws: `PostgresError`.
    public static func placeUnplacedComplaints(batch: Int64 = 20_000, on connection: PostgresConnection) throws -> Int {
        let bounds = try connection.query("select min(id) as first, max(id) as last from complaints")[0]
        guard let first: Int64 = try bounds.decode("first"), let last: Int64 = try bounds.decode("last") else { return 0 }
        var placed = 0
        var start = first
        while start <= last {
            placed += try connection.query(ComplaintSQL.place, [start, start + batch])[0].decode("placed", as: Int.self)
            start += batch
        }
        return placed
    }

    enum ComplaintSQL {
        /// $1 the first identity, $2 the one after the last. The lowest-coded desa/kelurahan that
        /// covers the point wins, as at submission; a kecamatan only where none does.
        static let place = """
            with found as (
                select c.id, case when r.district_code is not null then r.code end as kelurahan_code,
                       case when r.district_code is not null then r.name end as kelurahan,
                       coalesce(k.code, r.code) as kecamatan_code, coalesce(k.name, r.name) as kecamatan
                  from complaints c
                  cross join lateral (select code, name, district_code from regions
                                       where ST_Covers(boundary, ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326))
                                       order by district_code is null, code limit 1) r
                  left join regions k on k.code = r.district_code
                 where c.id >= $1::bigint and c.id < $2::bigint and c.kecamatan_code is null and c.kelurahan_code is null
                   and c.lat is not null and c.lon is not null
            ), placed as (
                update complaints c
                   set kelurahan_code = found.kelurahan_code, kelurahan = coalesce(found.kelurahan, c.kelurahan),
                       kecamatan_code = found.kecamatan_code, kecamatan = found.kecamatan
                  from found where c.id = found.id
                returning 1
            )
            select count(*)::bigint as placed from placed
            """
    }
}
