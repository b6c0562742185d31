import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// Each service logs in as its own role (migration 014, `hubctl db-roles`): no superuser, no way to
/// more power, the audit log append-only, and only the grants its work needs.
struct ServiceRoleTests {
    /// A migrated database with one audit entry, and a connection to it as `role`.
    func connect(as role: ServiceRole) throws -> (owner: PostgresConnection, service: PostgresConnection) {
        let url = try TestCluster.shared().migratedDatabase()
        let owner = try PostgresConnection(conninfo: url)
        try owner.query("insert into audit_log (role, action) values ('system', 'probe')")
        return (owner, try PostgresConnection(conninfo: TestCluster.url(url, role: role.rawValue)))
    }

    func refused(_ statement: String, on connection: PostgresConnection, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try connection.execute(statement)
            Issue.record("\(statement) succeeded", sourceLocation: sourceLocation)
        } catch let error as PostgresError {
            #expect(error.kind == .insufficientPrivilege, "\(statement): \(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(statement): \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ServiceRole.allCases)
    func noServiceRoleCanRewriteTheAuditLogEvenAfterResetRole(role: ServiceRole) throws {
        let (owner, service) = try connect(as: role)
        #expect(try ServiceRole.loginIsPrivileged(on: service) == false)
        for prefix in ["", "reset role; ", "set role none; "] {
            refused(prefix + "update audit_log set action = 'verify'", on: service)
            refused(prefix + "delete from audit_log", on: service)
            refused(prefix + "truncate audit_log", on: service)
        }
        #expect(try owner.query("select count(*)::int as n from audit_log")[0].decode("n", as: Int.self) == 1)
    }

    @Test(arguments: ServiceRole.allCases)
    func noServiceRoleCanSetRoleToMorePower(role: ServiceRole) throws {
        let (_, service) = try connect(as: role)
        refused("set role postgres", on: service)
        refused("set session authorization postgres", on: service)
        for other in ServiceRole.allCases where other != role {
            refused("set role \(other.rawValue)", on: service)
        }
        if role != .hubctl { refused("set role hub_service", on: service) }
    }

    @Test(arguments: ServiceRole.allCases)
    func onlyTheMigrationOwnerChangesTheSchema(role: ServiceRole) throws {
        let (_, service) = try connect(as: role)
        refused("create table intruder (n int)", on: service)
        refused("alter table complaints add column intruder int", on: service)
        refused("drop view public_complaints", on: service)
        refused("create role intruder", on: service)
    }

    @Test func theGatewayReadsThePublicViewsAndSessionsButWritesNoComplaint() throws {
        let (owner, gateway) = try connect(as: .gateway)
        _ = try AccountStore.create(login: "gerbang.pu", password: "sandi-gerbang-1", role: .staff, module: .publicWorks, on: owner)
        let outcome = try AccountStore.logIn(login: "gerbang.pu", password: "sandi-gerbang-1", address: "127.0.0.1", on: owner)
        #expect(try !CategoryStore.all(gateway).isEmpty)
        #expect(try PublicCase.load("ABCDEFGHJKMNP", on: gateway) == nil)
        if case .success(_, let token, _) = outcome {
            #expect(try AccountStore.account(forToken: token, on: gateway)?.login == "gerbang.pu")
        } else {
            Issue.record("the account could not log in: \(outcome)")
        }
        refused("""
            insert into complaints (tracking_code, category_code, module_code, description, channel_code)
            values ('ABCDEFGHJKMNP', 'pekerjaan-umum', 'public-works', 'palsu', 'web')
            """, on: gateway)
        // Its one write: the rate limits its replicas share (migration 045).
        let shared = RateLimitBuckets.Hit(scope: "lookups/1/6", key: "203.0.113.7", interval: 60, burst: 6, asks: true)
        #expect(try RateLimitBuckets.exchange([shared], on: gateway).map(\.granted) == [true])
        refused("update complaints set status = 'closed'", on: gateway)
        refused("insert into complaint_events (complaint_id, kind) values (1, 'note')", on: gateway)
        refused("insert into queue_messages (queue, payload) values ('public-works', '{}')", on: gateway)
        refused("select password_hash from staff_accounts", on: gateway)
        refused("select * from complaint_reporters", on: gateway)
        refused("select description from complaints", on: gateway)
    }

    /// Signing in and managing accounts are intake's alone: a module's role reads who an account is,
    /// never its password, and changes no account, session or login record.
    @Test(arguments: [ServiceRole.publicWorks, .social, .tourism, .kir])
    func onlyIntakeChangesAccountsAndSessions(role: ServiceRole) throws {
        let (_, module) = try connect(as: role)
        refused("select password_hash from staff_accounts", on: module)
        refused("update staff_accounts set role = 'inspector'", on: module)
        refused("update staff_accounts set active = true", on: module)
        refused("insert into staff_sessions (token_hash, account_id, expires_at) values ('x', 1, now())", on: module)
        refused("update staff_sessions set revoked_at = null", on: module)
        refused("delete from login_failures", on: module)
        refused("update complaint_events set details = '{}'", on: module)
        refused("delete from photo_quota_usage", on: module)
        let (_, intake) = try connect(as: .intake)
        try intake.execute("update staff_sessions set revoked_at = revoked_at where false")
        try intake.execute("delete from login_failures where false")
    }

    @Test func dbRolesStoresOnlyAHashOfAPassword() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let owner = try PostgresConnection(conninfo: url)
        try ServiceRole.enableLogins(passwords: [.hubctl: "kata-sandi-operator"], on: owner)
        let stored = try owner.query("select rolcanlogin, rolpassword from pg_authid where rolname = 'hub_hubctl'")[0]
        #expect(try stored.decode("rolcanlogin", as: Bool.self))
        #expect(stored["rolpassword"]?.hasPrefix("SCRAM-SHA-256$") == true)
        #expect(stored["rolpassword"]?.contains("kata-sandi-operator") == false)
    }
}

extension ServiceRoleTests {
    /// Tables only the owner and the operator (hub_hubctl, through hub_service) touch on purpose.
    static let operatorOnlyTables: Set<String> = []

    /// A migration that adds a table grants it to a capability role in the same file (migration
    /// 014's header says how); this catches one that forgot, before a service meets a 500.
    @Test func everyTableAndViewIsGrantedToSomeCapability() throws {
        let owner = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let ungranted = try owner.query("""
            select c.relname::text as name
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p')
               and not exists (
                   select 1 from pg_roles r
                    where r.rolname like 'hub\\_cap\\_%'
                      and (has_table_privilege(r.oid, c.oid, 'select') or has_table_privilege(r.oid, c.oid, 'insert')
                           or has_any_column_privilege(r.oid, c.oid, 'select')))
             order by 1
            """).map { try $0.decode("name", as: String.self) }
        #expect(Set(ungranted).subtracting(Self.operatorOnlyTables).isEmpty,
                "tables no service may reach: \(ungranted); grant them to a hub_cap_* role in their migration")
    }
}
