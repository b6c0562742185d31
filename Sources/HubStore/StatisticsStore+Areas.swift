import Complaints
import Postgres

extension StatisticsStore {
    /// The figures of each desa/kelurahan with a counted case in the query's period (and category,
    /// and area), from the rollup: confidential cases are never placed, so none is counted here.
    public static func byArea(_ query: StatisticsQuery, on connection: PostgresConnection) throws -> [RegionCode: StatisticsFigures] {
        var figures: [RegionCode: StatisticsFigures] = [:]
        for row in try connection.query(SQL.byArea, parameters(query)) {
            guard let code = RegionCode(try row.decode("code")) else { continue }
            figures[code] = StatisticsFigures(StatisticsTotals(
                received: try row.decode("received"), resolved: try row.decode("resolved"),
                withinDeadline: try row.decode("within_deadline"), confidential: 0,
                rated: try row.decode("rated"), ratingSum: try row.decode("rating_sum"),
                medianVerifySeconds: try row.decode("median_verify"), medianResolveSeconds: try row.decode("median_resolve")))
        }
        return figures
    }
}

extension StatisticsStore.SQL {
    /// One line per desa/kelurahan: the sums and the exact medians of its rows.
    static let byArea = selected + """
        ,
        sums as (
            select kelurahan_code as code, sum(received)::int as received, sum(resolved)::int as resolved,
                   sum(within_deadline)::int as within_deadline, sum(rated)::int as rated, sum(rating_sum)::int as rating_sum
              from selected where kelurahan_code is not null group by kelurahan_code),
        verify as (
            select kelurahan_code as code, percentile_cont(0.5) within group (order by s) as median
              from selected, unnest(verify_seconds) s where kelurahan_code is not null group by kelurahan_code),
        resolve as (
            select kelurahan_code as code, percentile_cont(0.5) within group (order by s) as median
              from selected, unnest(resolve_seconds) s where kelurahan_code is not null group by kelurahan_code)
        select s.code, s.received, s.resolved, s.within_deadline, s.rated, s.rating_sum,
               v.median as median_verify, r.median as median_resolve
          from sums s left join verify v using (code) left join resolve r using (code)
        """
}
