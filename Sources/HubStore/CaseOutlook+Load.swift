import Complaints
import Postgres

extension CaseOutlook {
    /// The outlook of a case just loaded: its agency from `public_case_agencies` (migration 021, no
    /// personal data) and the working calendar for the estimate of its first deadline.
    /// - Throws: `PostgresError`.
    public static func load(_ found: PublicCase, on connection: PostgresConnection) throws -> CaseOutlook {
        let agency = try connection.query("""
            select agency_name_id, agency_name_en from public_case_agencies where tracking_code = $1
            """, [found.trackingCode]).first.map { (id: try $0.decode("agency_name_id", as: String.self),
                                                     en: try $0.decode("agency_name_en", as: String.self)) }
        return CaseOutlook(found, agency: agency, calendar: try CategoryStore.calendar(connection))
    }
}
