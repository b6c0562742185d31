import Postgres

/// The database role each executable logs in as. Migration 014 creates them (without LOGIN) and
/// grants each only the capabilities its work needs; `hubctl db-roles` lets them log in. None is a
/// superuser or BYPASSRLS, so a service cannot `RESET ROLE` or `SET ROLE` its way to more power.
public enum ServiceRole: String, CaseIterable, Sendable {
    case gateway = "hub_gateway"
    case intake = "hub_intake"
    case publicWorks = "hub_public_works"
    case social = "hub_social"
    case tourism = "hub_tourism"
    case kir = "hub_kir"
    /// The operator's verbs (accounts, sub-units, dead letters), not the schema.
    case hubctl = "hub_hubctl"

    /// The role of an executable, by its contract name (`gateway`, `public-works`, …).
    public init?(service: String) {
        self.init(rawValue: "hub_" + service.replacingOccurrences(of: "-", with: "_"))
    }

    /// The variable `hubctl db-roles` reads this role's password from: `HUB_DB_PASSWORD_GATEWAY`, …
    public var passwordVariable: String {
        "HUB_DB_PASSWORD_" + rawValue.dropFirst("hub_".count).uppercased()
    }

    /// Run on every new connection of the service. A login with more power than the service's role
    /// (a superuser, or the schema owner's URL left in place) steps down to it, so even then the
    /// service works with its own grants; a login as the role itself stays as it is. Before
    /// migration 014 the role does not exist and nothing changes.
    public var sessionSetup: String {
        """
        do $$
        begin
            if session_user <> '\(rawValue)'
               and exists (select 1 from pg_roles where rolname = '\(rawValue)')
               and pg_has_role(session_user, '\(rawValue)', 'MEMBER') then
                execute 'set role \(rawValue)';
            end if;
        end
        $$
        """
    }

    /// Lets every role log in, setting the password of those `passwords` names (hashed here with
    /// SCRAM-SHA-256, so no password reaches the server or its statement log in clear); the others
    /// keep whatever password they had (none: for trust or peer authentication on a local cluster).
    /// - Parameter connection: a connection as the schema owner (it needs CREATEROLE).
    /// - Throws: `ServiceRoleError.missing` before migration 014, `PostgresError` otherwise.
    public static func enableLogins(passwords: [ServiceRole: String] = [:], on connection: PostgresConnection) throws {
        let present = Set(try connection.query("select rolname from pg_roles where rolname like 'hub\\_%'")
            .map { try $0.decode("rolname", as: String.self) })
        let missing = allCases.filter { !present.contains($0.rawValue) }
        guard missing.isEmpty else { throw ServiceRoleError.missing(missing.map(\.rawValue)) }
        for role in allCases {
            var statement = "alter role \(try connection.escapedIdentifier(role.rawValue)) login"
            if let password = passwords[role] {
                let verifier = try connection.encryptedPassword(password, role: role.rawValue)
                statement += " password \(try connection.escapedLiteral(verifier))"
            }
            try connection.execute(statement)
        }
    }

    /// Whether the connection's login is a superuser or bypasses row security: a service should
    /// never log in so (its `SET ROLE` could be undone).
    public static func loginIsPrivileged(on connection: PostgresConnection) throws -> Bool {
        try connection.query("select rolsuper or rolbypassrls as privileged from pg_roles where rolname = session_user")
            .first?.decode("privileged", as: Bool.self) ?? false
    }
}

/// Why the login roles cannot be set up.
public enum ServiceRoleError: Error, CustomStringConvertible, Sendable {
    /// The roles migration 014 creates are not there: run `hubctl migrate` first.
    case missing([String])

    public var description: String {
        switch self {
        case .missing(let roles): return "roles \(roles.joined(separator: ", ")) do not exist; run `hubctl migrate` first"
        }
    }
}
