import Postgres

/// Applies the numbered migrations from Schemas/migrations (compiled into the binary), each once,
/// in order, recorded in `schema_migrations`. Safe to run again and from several processes at once.
public enum Migrator {
    /// One migration file.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let sql: String
    }

    /// Every migration this binary carries, in version order.
    public static let migrations: [Migration] = embeddedMigrations.compactMap { file, sql in
        guard let version = Int(file.prefix { $0.isNumber }) else { return nil }
        let name = String(file.drop { $0.isNumber || $0 == "_" }.dropLast(".sql".count))
        return Migration(version: version, name: name, sql: sql)
    }.sorted { $0.version < $1.version }

    /// The schema version this binary was built for.
    public static var expectedVersion: Int { migrations.last?.version ?? 0 }

    /// Applies whatever is missing.
    /// - Returns: the migrations applied now (empty when the schema was current).
    /// - Throws: `PostgresError` from a failing migration, which is rolled back entirely.
    @discardableResult
    public static func migrate(_ connection: PostgresConnection) throws -> [Migration] {
        try connection.query("select pg_advisory_lock($1)", [advisoryLock])
        defer { _ = try? connection.query("select pg_advisory_unlock($1)", [advisoryLock]) }
        try connection.execute("""
            create table if not exists schema_migrations (
                version    int primary key,
                name       text not null,
                applied_at timestamptz not null default now()
            )
            """)
        let current = try currentVersion(connection)
        var applied: [Migration] = []
        for migration in migrations where migration.version > current {
            try connection.transaction { connection in
                try connection.execute(migration.sql)
                try connection.query("insert into schema_migrations (version, name) values ($1, $2)",
                                     [migration.version, migration.name])
            }
            applied.append(migration)
        }
        return applied
    }

    /// The highest applied version, 0 for an empty database.
    /// - Throws: `PostgresError` when the database cannot be read.
    public static func currentVersion(_ connection: PostgresConnection) throws -> Int {
        let exists = try connection.query("select to_regclass('schema_migrations') is not null as present")
        guard try exists.first?.decode("present", as: Bool.self) == true else { return 0 }
        return try connection.query("select coalesce(max(version), 0) as version from schema_migrations")
            .first?.decode("version", as: Int.self) ?? 0
    }

    private static let advisoryLock = 7_270_001
}
