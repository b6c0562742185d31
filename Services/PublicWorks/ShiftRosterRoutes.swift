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
        let shifts = try pool.withConnection { try ShiftRosterStore.upcoming(in: .publicWorks, on: $0) }
        var onDuty: [JSONValue] = []
        var upcoming: [JSONValue] = []
        for shift in shifts {
            let entry: JSONValue = ["login": .string(shift.login), "starts_at": .string(shift.startsAt.iso8601),
                                    "ends_at": .string(shift.endsAt.iso8601)]
            if shift.onDuty { onDuty.append(entry) } else { upcoming.append(entry) }
        }
        return .json(["on_duty": .array(onDuty), "upcoming": .array(upcoming)])
    }

    func add(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let body = try request.jsonBody().members
        guard let login = body["login"]?.stringValue, !login.isEmpty else { throw Refusal.shiftLoginRequired }
        guard let startText = body["starts_at"]?.stringValue, let start = Date(iso8601: startText),
              let endText = body["ends_at"]?.stringValue, let end = Date(iso8601: endText) else {
            throw Refusal.shiftTimesRequired
        }
        guard end > start, end.timeIntervalSince(start) <= Self.longestShift * 3600 else {
            throw Refusal.invalidShift(longest: Int(Self.longestShift))
        }
        return try pool.transaction { connection in
            guard let worker = try AccountStore.find(login: login, on: connection), worker.module == .publicWorks,
                  worker.role == .staff || worker.role == .supervisor else {
                throw Refusal.notShiftWorker(login)
            }
            do {
                try ShiftRosterStore.add(worker, in: .publicWorks, from: start, to: end, on: connection)
            } catch is ShiftRosterStore.Overlap {
                throw Refusal.shiftOverlaps(login)
            }
            try AuditLog.record("add_shift", by: Acting(account.actor, through: request),
                                after: ["login": login, "starts_at": startText, "ends_at": endText], on: connection)
            return .json(["login": .string(worker.login), "starts_at": .string(start.iso8601), "ends_at": .string(end.iso8601)], status: 201)
        }
    }
}
