import Complaints
import Postgres

extension CaseStore {
    /// What a batch of cases being taken in needs, read in one round trip: each case, locked, and the
    /// working calendar.
    public struct DispatchBatch: Sendable {
        /// The cases found, by id; an id no case has is absent.
        public let cases: [Int64: Case]
        public let calendar: WorkingCalendar
    }

    /// Locks the cases with these ids, in the order of their ids (two batches that share cases then
    /// never wait on each other in a circle), and reads the working calendar with them. Call inside
    /// a transaction.
    /// - Throws: `PostgresError`.
    public static func lockForDispatch(ids: [Int64], on connection: PostgresConnection) throws -> DispatchBatch {
        let rows = try connection.pipeline { batch in
            batch.query(ReadSQL.lockByIDs, [ids.map(String.init)])
            batch.query(CategoryStore.SQL.calendar)
        }
        var cases: [Int64: Case] = [:]
        for row in rows[0] {
            let found = try Case(row: row)
            cases[found.id] = found
        }
        return DispatchBatch(cases: cases, calendar: try CategoryStore.calendar(from: rows[1]))
    }
}

extension CaseStore.ReadSQL {
    static let lockByIDs = "select \(Case.columns) from complaints where id = any($1::bigint[]) order by id for update"
}
