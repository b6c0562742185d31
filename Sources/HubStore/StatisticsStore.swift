import Complaints
import Foundation
import Postgres

/// The public statistics as the gateway reads them, through `hub_cap_public`: only the rollup
/// (`complaint_stats_daily`, no personal data, no confidential case placed) and reference data.
public enum StatisticsStore {
    /// How many times the refresher has rewritten the rollup: figures read under one version stay
    /// true until it changes.
    public static func version(on connection: PostgresConnection) throws -> Int64 {
        try connection.query("select version from complaint_stats_version")[0].decode("version")
    }

    /// The figures per agency, per category and in total, and the weekly trend, for `query`.
    public static func report(_ query: StatisticsQuery, on connection: PostgresConnection) throws -> StatisticsReport {
        let parameters = self.parameters(query)
        var total = StatisticsFigures(StatisticsTotals())
        var agencies: [StatisticsReport.Row] = []
        var categories: [StatisticsReport.Row] = []
        for row in try connection.query(SQL.figures, parameters) {
            let figures = StatisticsFigures(StatisticsTotals(
                received: try row.decode("received"), resolved: try row.decode("resolved"),
                withinDeadline: try row.decode("within_deadline"), confidential: try row.decode("confidential"),
                rated: try row.decode("rated"), ratingSum: try row.decode("rating_sum"),
                medianVerifySeconds: try row.decode("median_verify"), medianResolveSeconds: try row.decode("median_resolve")))
            switch try row.decode("kind", as: String.self) {
            case "total": total = figures
            case let kind:
                let made = StatisticsReport.Row(kind: kind == "agency" ? .agency : .category, code: try row.decode("code"),
                                                nameID: try row.decode("name_id"), nameEN: try row.decode("name_en"), figures: figures)
                if made.kind == .agency { agencies.append(made) } else { categories.append(made) }
            }
        }
        var counted: [Int: (Int, Int)] = [:]
        for row in try connection.query(SQL.weeks, parameters) {
            counted[LocalDay(try row.decode("week", as: String.self))?.number ?? 0] = (try row.decode("received"), try row.decode("resolved"))
        }
        let weeks = query.weeks.map { start in
            StatisticsReport.Week(start: start, received: counted[start.number]?.0 ?? 0, resolved: counted[start.number]?.1 ?? 0)
        }
        return StatisticsReport(query: query, total: total, agencies: agencies, categories: categories, weeks: weeks)
    }

    /// $1 from, $2 to, $3 kecamatan, $4 desa/kelurahan, $5 category.
    static func parameters(_ query: StatisticsQuery) -> [any PostgresEncodable] {
        let village = query.area.flatMap { $0.isVillage ? $0.value : nil }
        let district = query.area.flatMap { $0.isVillage ? nil : $0.value }
        return [query.from.description, query.to.description, district, village, query.category]
    }

    enum SQL {
        /// The rollup rows of the period, area and category (the primary key's day range).
        static let selected = """
            with selected as (
                select * from complaint_stats_daily
                 where day between $1::date and $2::date
                   and ($3::text is null or kecamatan_code = $3::text)
                   and ($4::text is null or kelurahan_code = $4::text)
                   and ($5::text is null or category_code = $5::text))
            """
        /// One line per agency, per category and in total: the sums, and the exact medians of every
        /// duration the rows hold; every category (or the one asked for) and every agency a category
        /// routes to or a counted case names, with zeros where none was received.
        static let figures = selected + """
            ,
            sums as (
                select case when grouping(agency_code) = 0 then 'agency' when grouping(category_code) = 0 then 'category' else 'total' end as kind,
                       coalesce(agency_code, category_code, '') as code,
                       sum(received)::int as received, sum(resolved)::int as resolved, sum(within_deadline)::int as within_deadline,
                       sum(confidential)::int as confidential, sum(rated)::int as rated, sum(rating_sum)::int as rating_sum
                  from selected group by grouping sets ((agency_code), (category_code), ())),
            verify as (
                select case when grouping(agency_code) = 0 then 'agency' when grouping(category_code) = 0 then 'category' else 'total' end as kind,
                       coalesce(agency_code, category_code, '') as code, percentile_cont(0.5) within group (order by s) as median
                  from selected, unnest(verify_seconds) s group by grouping sets ((agency_code), (category_code), ())),
            resolve as (
                select case when grouping(agency_code) = 0 then 'agency' when grouping(category_code) = 0 then 'category' else 'total' end as kind,
                       coalesce(agency_code, category_code, '') as code, percentile_cont(0.5) within group (order by s) as median
                  from selected, unnest(resolve_seconds) s group by grouping sets ((agency_code), (category_code), ())),
            listed as (
                select 'category' as kind, c.code, c.name_id, c.name_en, c.position as ord from categories c
                 where $5::text is null or c.code = $5::text
                union all
                select 'agency', a.code, a.name_id, a.name_en, 0 from agencies a
                 where a.code in (select agency_code from category_routes where $5::text is null or category_code = $5::text)
                    or a.code in (select code from sums where kind = 'agency')
                union all
                select 'total', '', '', '', 0)
            select l.kind, l.code, l.name_id, l.name_en,
                   coalesce(s.received, 0) as received, coalesce(s.resolved, 0) as resolved,
                   coalesce(s.within_deadline, 0) as within_deadline, coalesce(s.confidential, 0) as confidential,
                   coalesce(s.rated, 0) as rated, coalesce(s.rating_sum, 0) as rating_sum,
                   v.median as median_verify, r.median as median_resolve
              from listed l
              left join sums s on s.kind = l.kind and s.code = l.code
              left join verify v on v.kind = l.kind and v.code = l.code
              left join resolve r on r.kind = l.kind and r.code = l.code
             order by l.kind, l.ord, l.name_id
            """
        /// Received and resolved per week of receipt (Monday to Sunday).
        static let weeks = selected + """

            select date_trunc('week', day)::date::text as week, sum(received)::int as received, sum(resolved)::int as resolved
              from selected group by 1 order by 1
            """
    }
}
