import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// The audit log only grows: the role services work as cannot change it, and a trigger refuses
/// everyone else too. Each entry records the client address its actor acted from.
struct AuditLogTests {
    /// A database with one audited staff action in it.
    func auditedDatabase() throws -> String {
        let url = try TestCluster.shared().migratedDatabase()
        let connection = try PostgresConnection(conninfo: url)
        let staff = try AccountStore.create(login: "auditee.pu", password: "sandi-audit-1", role: .staff,
                                            module: .publicWorks, on: connection)
        try connection.transaction { connection in
            let receipt = try ComplaintStore.submit(
                ComplaintSubmission(category: "pekerjaan-umum", description: "Saluran mampet", channel: .web).validated(on: connection), on: connection)
            try CaseStore.perform(.dispatch, on: receipt.trackingCode.value, by: .system, calendar: WorkingCalendar(), connection: connection)
            try CaseStore.perform(.claim, on: receipt.trackingCode.value, by: Acting(staff.actor), calendar: WorkingCalendar(),
                                  connection: connection)
        }
        return url
    }

    func count(_ connection: PostgresConnection) throws -> Int {
        try connection.query("select count(*)::int as n from audit_log")[0].decode("n", as: Int.self)
    }

    @Test func aServiceGivenASuperuserLoginStepsDownToItsOwnRole() throws {
        let pool = PostgresPool(conninfo: try auditedDatabase(), maximumConnections: 1, sessionSetup: ServiceRole.intake.sessionSetup)
        let role = try pool.query("select current_user::text as role")[0].decode("role", as: String.self)
        #expect(role == ServiceRole.intake.rawValue)
    }

    @Test(arguments: ["update audit_log set action = 'verify'", "delete from audit_log", "truncate audit_log"])
    func theServiceRoleCannotRewriteTheAuditLog(statement: String) throws {
        let pool = PostgresPool(conninfo: try auditedDatabase(), maximumConnections: 1, sessionSetup: ServiceRole.intake.sessionSetup)
        do {
            try pool.query(statement)
            Issue.record("\(statement) succeeded")
        } catch let error as PostgresError {
            #expect(error.kind == .insufficientPrivilege, "\(error)")
        }
        #expect(try pool.withConnection { try count($0) } == 1)
        // Appending is what services do, and stays allowed.
        try pool.query("insert into audit_log (role, action) values ('system', 'probe')")
        #expect(try pool.withConnection { try count($0) } == 2)
    }

    @Test(arguments: ["update audit_log set action = 'verify'", "delete from audit_log", "truncate audit_log"])
    func evenTheOwnerCannotRewriteTheAuditLog(statement: String) throws {
        let connection = try PostgresConnection(conninfo: try auditedDatabase())
        do {
            try connection.query(statement)
            Issue.record("\(statement) succeeded for the owner")
        } catch let error as PostgresError {
            #expect(error.kind == .insufficientPrivilege, "\(error)")
        }
        #expect(try count(connection) == 1)
    }

    func addresses(_ connection: PostgresConnection) throws -> [String] {
        try connection.query("select role || ' ' || action || ' ' || coalesce(address, 'null') as line from audit_log order by id")
            .map { try $0.decode("line") }
    }

    @Test func everyEntryRecordsTheAddressItsActorActedFrom() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let admin = try AccountStore.create(login: "admin.alamat", password: "sandi-admin-01", role: .admin, module: nil, on: connection)
        let staff = try AccountStore.create(login: "petugas.alamat", password: "sandi-staf-01", role: .staff,
                                            module: .publicWorks, on: connection)
        try connection.transaction { connection in
            let code = try ComplaintStore.submit(
                ComplaintSubmission(category: "pekerjaan-umum", description: "Lampu jalan padam", channel: .web).validated(on: connection), on: connection)
                .trackingCode.value
            try CaseStore.perform(.dispatch, on: code, by: .system, calendar: WorkingCalendar(), connection: connection)
            try CaseStore.perform(.claim, on: code, by: Acting(staff.actor, from: "198.51.100.23"), calendar: WorkingCalendar(),
                                  connection: connection)
            try AccountStore.revokeSessions(login: "petugas.alamat", by: Acting(admin.manager, from: "2001:db8::7"), on: connection)
            try AccountStore.setActive(false, login: "petugas.alamat", by: .operator, on: connection)
            try AuditLog.record("probe", by: Acting(staff.actor, from: ""), on: connection)
        }
        let recorded = try addresses(connection)
        #expect(recorded == ["staff claim 198.51.100.23", "admin revoke_sessions 2001:db8::7",
                             "operator disable_account null", "staff probe null"])
        do {
            try connection.query("update audit_log set address = '203.0.113.1'")
            Issue.record("the address of an entry was rewritten")
        } catch let error as PostgresError {
            #expect(error.kind == .insufficientPrivilege, "\(error)")
        }
    }
}
