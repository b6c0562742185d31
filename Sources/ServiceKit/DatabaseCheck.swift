import Postgres

/// What a service checks of its database, handed in by its main: the schema and the database roles
/// are the store's knowledge, not ServiceKit's. Used at start (refuse an old schema, warn of a
/// privileged login) and by `/readyz`.
public struct DatabaseCheck: Sendable {
    /// The schema version this binary expects.
    public let expectedVersion: Int
    /// Reads the schema version the database is at.
    public let currentVersion: @Sendable (PostgresConnection) throws -> Int
    /// Whether the connection's login has more power than a service should (a superuser, say).
    public let loginIsPrivileged: @Sendable (PostgresConnection) throws -> Bool
    /// The database role the service works as, named in the warning about a privileged login.
    public let role: String?
    /// Run on every new connection, to step down to `role`.
    public let sessionSetup: String?

    public init(expectedVersion: Int, currentVersion: @escaping @Sendable (PostgresConnection) throws -> Int,
                loginIsPrivileged: @escaping @Sendable (PostgresConnection) throws -> Bool, role: String?, sessionSetup: String?) {
        self.expectedVersion = expectedVersion
        self.currentVersion = currentVersion
        self.loginIsPrivileged = loginIsPrivileged
        self.role = role
        self.sessionSetup = sessionSetup
    }
}
