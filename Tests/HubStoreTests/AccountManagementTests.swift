import Complaints
import HubStore
import Postgres
import TestSupport
import Testing

/// Cutting accounts off: disabling, enabling, a new password and ending sessions, each ending the
/// sessions it should at once, checked against who manages whom, and audited.
struct AccountManagementTests {
    func database() throws -> PostgresConnection {
        try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
    }

    func audit(_ connection: PostgresConnection) throws -> [String] {
        try connection.query("select role || ' ' || action || ' ' || (after->>'login') as line from audit_log order by id")
            .map { try $0.decode("line") }
    }

    @Test func disablingEndsEverySessionAndTheAccountLogsInNoMoreUntilEnabled() throws {
        let connection = try database()
        let admin = try AccountStore.create(login: "admin.kota", password: "sandi-admin-01", role: .admin, module: nil, on: connection)
        try AccountStore.create(login: "keluar.pu", password: "sandi-keluar-01", role: .staff, module: .publicWorks, on: connection)
        let (_, first) = try #require(try logIn("keluar.pu", "sandi-keluar-01", on: connection))
        let (_, second) = try #require(try logIn("keluar.pu", "sandi-keluar-01", from: "198.51.100.20", on: connection))

        let change = try connection.transaction {
            try AccountStore.setActive(false, login: "KELUAR.PU", by: Acting(admin.manager), on: $0)
        }
        #expect(change.sessionsEnded == 2 && !change.account.active)
        #expect(try AccountStore.session(forToken: first, on: connection) == nil)
        #expect(try AccountStore.session(forToken: second, on: connection) == nil)
        #expect(try logIn("keluar.pu", "sandi-keluar-01", on: connection) == nil, "the right password is refused like a wrong one")

        try connection.transaction { _ = try AccountStore.setActive(true, login: "keluar.pu", by: Acting(admin.manager), on: $0) }
        #expect(try AccountStore.session(forToken: first, on: connection) == nil, "enabling does not bring old sessions back")
        #expect(try logIn("keluar.pu", "sandi-keluar-01", on: connection) != nil)
        #expect(try audit(connection) == ["admin disable_account keluar.pu", "admin enable_account keluar.pu"])
        let actor = try connection.query("select account_id from audit_log order by id limit 1")[0].decode("account_id", as: Int64.self)
        #expect(actor == admin.id)
    }

    @Test func aNewPasswordEndsEverySessionAndTheOldPasswordNoLongerWorks() throws {
        let connection = try database()
        try AccountStore.create(login: "bocor.sos", password: "sandi-bocor-01", role: .staff, module: .social, on: connection)
        let (_, token) = try #require(try logIn("bocor.sos", "sandi-bocor-01", on: connection))
        #expect(throws: AccountStore.AccountError.invalidPassword("password must have at least 8 characters")) {
            try connection.transaction { _ = try AccountStore.resetPassword(login: "bocor.sos", to: "pendek", by: .operator, on: $0) }
        }
        #expect(try AccountStore.session(forToken: token, on: connection) != nil, "a refused reset changes nothing")
        let change = try connection.transaction {
            try AccountStore.resetPassword(login: "bocor.sos", to: "sandi-baru-sekali", by: .operator, on: $0)
        }
        #expect(change.sessionsEnded == 1)
        #expect(try AccountStore.session(forToken: token, on: connection) == nil)
        #expect(try logIn("bocor.sos", "sandi-bocor-01", on: connection) == nil)
        #expect(try logIn("bocor.sos", "sandi-baru-sekali", on: connection) != nil)
        let (_, again) = try #require(try logIn("bocor.sos", "sandi-baru-sekali", on: connection))
        let revoked = try connection.transaction { try AccountStore.revokeSessions(login: "bocor.sos", by: .operator, on: $0) }
        #expect(revoked.sessionsEnded == 2)
        #expect(try AccountStore.session(forToken: again, on: connection) == nil)
        #expect(try audit(connection) == ["operator reset_password bocor.sos", "operator revoke_sessions bocor.sos"])
        let hashes = try connection.query("select count(*)::int as n from audit_log where after::text like '%$y$%' or after::text like '%sandi%'")
        #expect(try hashes[0].decode("n", as: Int.self) == 0, "neither password nor hash is audited")
    }

    @Test func adminsNeitherCreateNorManageInspectorsAndNobodyDisablesThemselves() throws {
        let connection = try database()
        let admin = try AccountStore.create(login: "admin.kota", password: "sandi-admin-01", role: .admin, module: nil, on: connection)
        let inspector = try AccountStore.create(login: "inspektur", password: "sandi-insp-01", role: .inspector, module: nil, on: connection)
        #expect(throws: AccountStore.AccountError.roleNotManaged(.inspector)) {
            try AccountStore.create(login: "inspektur.2", password: "sandi-insp-02", role: .inspector, module: nil, by: admin.manager,
                                    on: connection)
        }
        for change in [{ try AccountStore.setActive(false, login: "inspektur", by: Acting(admin.manager), on: $0) },
                       { try AccountStore.resetPassword(login: "inspektur", to: "diambil-alih", by: Acting(admin.manager), on: $0) },
                       { try AccountStore.revokeSessions(login: "inspektur", by: Acting(admin.manager), on: $0) }] as [(PostgresConnection) throws -> AccountStore.Change] {
            #expect(throws: AccountStore.AccountError.roleNotManaged(.inspector)) { try connection.transaction { _ = try change($0) } }
        }
        #expect(try logIn("inspektur", "sandi-insp-01", on: connection) != nil, "the inspector is untouched")
        // Inspectors create and manage inspectors, and nothing else.
        try AccountStore.create(login: "inspektur.2", password: "sandi-insp-02", role: .inspector, module: nil, by: inspector.manager,
                                on: connection)
        #expect(throws: AccountStore.AccountError.roleNotManaged(.staff)) {
            try AccountStore.create(login: "staf.baru", password: "sandi-staf-02", role: .staff, module: .kir, by: inspector.manager,
                                    on: connection)
        }
        #expect(throws: AccountStore.AccountError.roleNotManaged(.admin)) {
            try connection.transaction { _ = try AccountStore.setActive(false, login: "admin.kota", by: Acting(inspector.manager), on: $0) }
        }
        try connection.transaction { _ = try AccountStore.setActive(false, login: "inspektur.2", by: Acting(inspector.manager), on: $0) }
        #expect(throws: AccountStore.AccountError.ownAccount) {
            try connection.transaction { _ = try AccountStore.setActive(false, login: "admin.kota", by: Acting(admin.manager), on: $0) }
        }
        #expect(throws: AccountStore.AccountError.notFound("tidak.ada")) {
            try connection.transaction { _ = try AccountStore.revokeSessions(login: "tidak.ada", by: .operator, on: $0) }
        }
        let listed = try AccountStore.list(on: connection).map { "\($0.login) \($0.active)" }
        #expect(listed == ["admin.kota true", "inspektur true", "inspektur.2 false"])
        #expect(try AccountStore.list(roles: [.inspector], on: connection).map(\.login) == ["inspektur", "inspektur.2"])
    }
}
