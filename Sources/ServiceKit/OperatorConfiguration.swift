/// What `hubctl` reads from the environment, read at its start with the services' reader: a set
/// variable that does not read stops it with a message naming the variable.
public struct OperatorConfiguration: Sendable {
    /// `HUB_DATABASE_URL`; nil when unset (a verb that connects then says so).
    public let databaseURL: String?
    /// `HUB_MIGRATE_DATABASE_URL`: the schema owner, for `migrate` and `db-roles`; nil: `HUB_DATABASE_URL`.
    public let migrateDatabaseURL: String?
    /// The passwords `db-roles` sets, by variable (`HUB_DB_PASSWORD_GATEWAY`).
    private let passwords: [String: String]

    /// - Parameter passwordVariables: the roles' `HUB_DB_PASSWORD_<ROLE>` variables.
    /// - Throws: `ConfigurationError` with one problem per variable that does not read.
    public init(environment: [String: String], passwordVariables: [String]) throws(ConfigurationError) {
        var reader = ConfigurationReader(environment)
        databaseURL = reader.databaseURL("HUB_DATABASE_URL", required: false)
        migrateDatabaseURL = reader.databaseURL("HUB_MIGRATE_DATABASE_URL", required: false)
        var passwords: [String: String] = [:]
        for variable in passwordVariables {
            passwords[variable] = reader.read(variable, expected: "a password without control characters",
                                              secret: true) { text in
                text.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value != 127 } ? text : nil
            }
        }
        self.passwords = passwords
        try reader.finish()
    }

    /// The password in `variable` (`HUB_DB_PASSWORD_<ROLE>`), nil when unset or empty.
    public func password(in variable: String) -> String? { passwords[variable] }
}
