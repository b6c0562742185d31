import Complaints
import Postgres

extension CategoryStore {
    /// The working calendar as the region keeps it in the schema, read in one round trip: the
    /// holidays observed (cuti bersama included), the service levels (`service_levels`) and the time
    /// zone of each agency outside WIB. Read afresh for each change, so an admin's edit applies to the
    /// next deadline set.
    /// - Throws: `PostgresError`.
    public static func calendar(_ connection: PostgresConnection) throws -> WorkingCalendar {
        try calendar(from: connection.query(SQL.calendar))
    }

    /// The calendar from the rows of `SQL.calendar` (read in a caller's batch).
    static func calendar(from rows: PostgresRows) throws -> WorkingCalendar {
        var holidays: [String] = []
        var days: [ServiceLevels.Kind: Int] = [:]
        var zones: [String: TimeZoneCode] = [:]
        for row in rows {
            let key: String = try row.decode("key")
            let value: String = try row.decode("value")
            switch try row.decode("part", as: String.self) {
            case "holiday": holidays.append(key)
            case "level": if let kind = ServiceLevels.Kind(rawValue: key), let number = Int(value) { days[kind] = number }
            default: if let zone = TimeZoneCode(rawValue: value) { zones[key] = zone }
            }
        }
        return WorkingCalendar(holidayDates: holidays, levels: ServiceLevels(days), agencyZones: zones)
    }
}

extension CategoryStore.SQL {
    /// The calendar's three parts as (part, key, value) rows.
    static let calendar = """
        select 'holiday' as part, day::text as key, '' as value from holidays where active
        union all select 'level', kind, working_days::text from service_levels
        union all select 'zone', code, time_zone from agencies where time_zone <> 'WIB'
        """
}
