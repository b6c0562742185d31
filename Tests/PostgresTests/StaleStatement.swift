import Postgres

/// A statement this session has prepared whose result no longer fits its table: `select * from
/// stale` read once, then the table gains a column, so running the prepared statement again fails
/// with 0A000 ("cached plan must not change result type").
enum StaleStatement {
    static let sql = "select * from stale"

    /// Makes `sql` stale on `connection`; the table holds one row, (1, 'baru').
    static func make(on connection: PostgresConnection) throws {
        try connection.execute("create table stale (a int); insert into stale values (1)")
        _ = try connection.query(sql)
        try connection.execute("alter table stale add column b text default 'baru'")
    }
}
