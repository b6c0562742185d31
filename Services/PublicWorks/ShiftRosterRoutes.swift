import Casework
import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

/// Public works' queue runs in shifts round the clock: `GET /api/v1/staff/roster` tells who is on
/// duty now and who is next; supervisors and admins add shifts with `POST /api/v1/staff/roster`.
struct ShiftRosterRoutes: Sendable {
    let pool: PostgresPool
    /// The longest shift accepted, in hours.
    static let longestShift = 24.0

    func router() -> Router {
        var router = Router()
        let routes = self
        router.group("/api/v1/staff/roster", errors: .json) { roster in
            roster.add(middleware: StaffSessionMiddleware(.stored(in: pool), .api(module: .publicWorks)))
            roster.get("") { _, _ in try routes.list() }
            // Shifts are planned by supervisors and admins.
            roster.post("") { request, context in try routes.add(request, by: try context.staffAccount(roles: [.supervisor, .admin])) }
        }
        return router
    }

    func list() throws -> HTTPResponse {
        let rows = try pool.query("""
            select a.login, r.starts_at, r.ends_at, r.starts_at <= now() as on_duty
              from shift_roster r join staff_accounts a on a.id = r.account_id
             where r.module_code = 'public-works' and r.ends_at > now() and r.starts_at < now() + interval '7 days'
             order by r.starts_at, a.login
            """)
        var onDuty: [[String: Any]] = []
        var upcoming: [[String: Any]] = []
        for row in rows {
            let shift: [String: Any] = ["login": try row.decode("login", as: String.self),
                                        "starts_at": try row.decode("starts_at", as: Date.self).iso8601,
                                        "ends_at": try row.decode("ends_at", as: Date.self).iso8601]
            if try row.decode("on_duty", as: Bool.self) { onDuty.append(shift) } else { upcoming.append(shift) }
        }
        return .json(["on_duty": onDuty, "upcoming": upcoming])
    }

    func add(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let body = try request.jsonObject()
        guard let login = body["login"] as? String, !login.isEmpty else { throw HTTPError(400, "invalid_request", "login is required") }
        guard let startText = body["starts_at"] as? String, let start = Date(iso8601: startText),
              let endText = body["ends_at"] as? String, let end = Date(iso8601: endText) else {
            throw HTTPError(400, "invalid_request", "starts_at and ends_at must be ISO 8601 timestamps with a time zone")
        }
        guard end > start, end.timeIntervalSince(start) <= Self.longestShift * 3600 else {
            throw HTTPError(400, "invalid_shift", "a shift ends after it starts and lasts at most \(Int(Self.longestShift)) hours")
        }
        return try pool.transaction { connection in
            guard let worker = try AccountStore.find(login: login, on: connection), worker.module == .publicWorks,
                  worker.role == .staff || worker.role == .supervisor else {
                throw HTTPError(400, "invalid_account", "\(login) is not public-works staff or a supervisor")
            }
            // Shifts of one person never overlap; a lock per person keeps two planners from racing (an
            // advisory one: a row lock on the account would need a right to change accounts).
            try connection.query("select pg_advisory_xact_lock(hashtext('shift:' || $1::text))", [worker.id])
            let overlapping = try connection.query("""
                select 1 from shift_roster where account_id = $1 and starts_at < $3 and ends_at > $2
                """, [worker.id, start, end])
            guard overlapping.isEmpty else { throw HTTPError(409, "shift_overlaps", "\(login) already has a shift then") }
            try connection.query("""
                insert into shift_roster (module_code, account_id, starts_at, ends_at) values ('public-works', $1, $2, $3)
                """, [worker.id, start, end])
            try AuditLog.record("add_shift", by: Acting(account.actor, through: request),
                                after: ["login": login, "starts_at": startText, "ends_at": endText], on: connection)
            return .json(["login": worker.login, "starts_at": start.iso8601, "ends_at": end.iso8601], status: 201)
        }
    }
}
