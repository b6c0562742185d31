import Complaints
import Foundation
import JSON
import Postgres

/// Keeps the public statistics current: measures again the complaints a trigger marked as changed
/// (`complaint_stats_pending`, migration 040), rewrites their rows of `complaint_stat_facts` with the
/// domain's `CaseFigures`, and adds up again only the rollup rows (`complaint_stats_daily`) they touch.
/// One refresher at a time (an advisory lock); another that finds it taken does nothing this round.
public enum StatisticsRefresher {
    /// Measures up to `batch` marked complaints per transaction until none is left or `rounds` ran.
    /// - Returns: how many complaints were measured.
    @discardableResult
    public static func refresh(batch: Int = 2000, rounds: Int = 50, on connection: PostgresConnection) throws -> Int {
        var measured = 0
        for _ in 0..<rounds {
            guard let taken = try refreshBatch(batch, on: connection) else { break }
            measured += taken
            if taken < batch { break }
        }
        return measured
    }

    /// Measures everything marked, however long it takes (`hubctl stats refresh`).
    @discardableResult
    public static func refreshAll(on connection: PostgresConnection) throws -> Int {
        try refresh(batch: 10_000, rounds: Int.max, on: connection)
    }

    /// - Returns: the complaints measured, or nil when another refresher holds the lock.
    static func refreshBatch(_ limit: Int, on connection: PostgresConnection) throws -> Int? {
        try connection.transaction { connection -> Int? in
            guard try connection.query(SQL.lock)[0].decode("locked", as: Bool.self) else { return nil }
            let ids = try connection.query(SQL.take, [limit]).map { try $0.decode("complaint_id", as: Int64.self) }
            guard !ids.isEmpty else { return 0 }
            let idList = ids.map(String.init)
            let calendar = try CategoryStore.calendar(connection)
            var keys: [JSONValue] = try connection.query(SQL.dropFacts, [idList]).map { row in
                try key(day: row.decode("local_day"), agency: row.decode("agency_code"), category: row.decode("category_code"),
                        area: row.decode("area_key"))
            }
            var facts: [JSONValue] = []
            for row in try connection.query(SQL.histories, [idList, CaseFigures.verifiedFrom.map(\.rawValue),
                                                             CaseFigures.verifiedTo.map(\.rawValue), CaseFigures.resolutionStatus.rawValue]) {
                guard let figures = CaseFigures.measure(try history(row), calendar: calendar) else { continue }
                facts.append(fact(figures, id: try row.decode("id", as: Int64.self)))
                keys.append(key(day: figures.day.description, agency: figures.agency, category: figures.category, area: figures.areaKey))
            }
            if !facts.isEmpty { try connection.query(SQL.insertFacts, [text(.array(facts))]) }
            let keyText = text(.array(keys))
            try connection.query(SQL.dropDaily, [keyText])
            try connection.query(SQL.addDaily, [keyText])
            try connection.query(SQL.bumpVersion)
            return ids.count
        }
    }

    static func history(_ row: PostgresRow) throws -> CaseHistory {
        CaseHistory(createdAt: try row.decode("created_at"), agency: try row.decode("agency_code"),
                    category: try row.decode("category_code"), kecamatan: try row.decode("kecamatan_code"),
                    kelurahan: try row.decode("kelurahan_code"), confidential: try row.decode("confidential"),
                    status: ComplaintStatus(rawValue: try row.decode("status")) ?? .received,
                    isParent: try row.decode("is_parent"), rating: try row.decode("citizen_rating"),
                    verifiedAt: try row.decode("verified_at"), resolvedAt: try row.decode("resolved_at"))
    }

    static func fact(_ figures: CaseFigures, id: Int64) -> JSONValue {
        [
            "complaint_id": .integer(Int(id)), "local_day": .string(figures.day.description), "agency_code": .string(figures.agency),
            "category_code": .string(figures.category), "kecamatan_code": JSONValue(figures.kecamatan),
            "kelurahan_code": JSONValue(figures.kelurahan), "area_key": .string(figures.areaKey),
            "confidential": .bool(figures.confidential), "resolved": .bool(figures.resolved),
            "within_deadline": figures.withinDeadline.map(JSONValue.bool) ?? .null,
            "verify_seconds": figures.verifySeconds.map(JSONValue.integer) ?? .null,
            "resolve_seconds": figures.resolveSeconds.map(JSONValue.integer) ?? .null,
            "rating": figures.rating.map(JSONValue.integer) ?? .null,
        ]
    }

    static func key(day: String, agency: String, category: String, area: String) -> JSONValue {
        ["day": .string(day), "agency": .string(agency), "category": .string(category), "area": .string(area)]
    }

    static func text(_ value: JSONValue) -> String { String(decoding: value.bytes, as: UTF8.self) }

    enum SQL {
        static let lock = "select pg_try_advisory_xact_lock(hashtext('complaint_stats_refresh')) as locked"
        /// The rollup changed: what readers keep of it is stale (`StatisticsStore.version`).
        static let bumpVersion = "update complaint_stats_version set version = version + 1"
        static let take = """
            delete from complaint_stats_pending
             where complaint_id in (select complaint_id from complaint_stats_pending order by complaint_id limit $1)
            returning complaint_id
            """
        static let dropFacts = """
            delete from complaint_stat_facts where complaint_id = any($1::bigint[])
            returning local_day::text, agency_code, category_code, area_key
            """
        /// A complaint's inputs to `CaseHistory`: its first verification and its standing resolution
        /// from the timeline (complaint_events_case index).
        static let histories = """
            select c.id, c.created_at, c.agency_code, c.category_code, c.kecamatan_code, c.kelurahan_code, c.confidential,
                   c.status, c.request_type is not null as is_parent, c.citizen_rating::int as citizen_rating,
                   (select min(e.at) from complaint_events e
                     where e.complaint_id = c.id and e.from_status = any($2::text[]) and e.to_status = any($3::text[])) as verified_at,
                   (select max(e.at) from complaint_events e where e.complaint_id = c.id and e.to_status = $4) as resolved_at
              from complaints c
             where c.id = any($1::bigint[])
            """
        static let insertFacts = """
            insert into complaint_stat_facts
            select * from json_populate_recordset(null::complaint_stat_facts, $1::json)
            """
        static let keys = """
            with keys as (select distinct * from json_to_recordset($1::json) as k(day date, agency text, category text, area text))
            """
        static let dropDaily = keys + """

            delete from complaint_stats_daily d using keys k
             where d.day = k.day and d.agency_code = k.agency and d.category_code = k.category and d.area_key = k.area
            """
        static let addDaily = keys + """

            insert into complaint_stats_daily
            select f.local_day, f.agency_code, f.category_code, f.area_key, max(f.kecamatan_code), max(f.kelurahan_code),
                   count(*), count(*) filter (where f.resolved), count(*) filter (where f.within_deadline),
                   count(*) filter (where f.confidential), count(f.rating), coalesce(sum(f.rating), 0),
                   coalesce(array_agg(f.verify_seconds order by f.verify_seconds) filter (where f.verify_seconds is not null), '{}'),
                   coalesce(array_agg(f.resolve_seconds order by f.resolve_seconds) filter (where f.resolve_seconds is not null), '{}')
              from complaint_stat_facts f
              join keys k on f.local_day = k.day and f.agency_code = k.agency and f.category_code = k.category and f.area_key = k.area
             group by f.local_day, f.agency_code, f.category_code, f.area_key
            """
    }
}
