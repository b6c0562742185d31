import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

extension CaseDesk {
    func installCaseRoutes(on group: inout RouterGroup) {
        let desk = self
        group.get("/queue") { request, context in try desk.listQueue(request, by: try context.staffAccount()) }
        group.get("/cases/{code}") { request, context in try desk.showCase(request, to: try context.staffAccount()) }
        group.post("/cases/{code}/{action}") { request, context in try desk.actJSON(request, by: try context.staffAccount()) }
    }

    /// The signed-in account's work queue, soonest deadline first, with counts per status.
    func listQueue(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let filter = try QueueRequest.filter(for: account, query: request.query, exists: referenceExists)
        let now = Date()
        let (cases, counts) = try pool.withConnection { connection in
            (try CaseStore.queue(filter, now: now, on: connection), try CaseStore.queueCounts(filter, now: now, on: connection))
        }
        let byStatus = Dictionary(uniqueKeysWithValues: counts.byStatus.map { ($0.key.rawValue, $0.value) })
        return .json(["cases": cases.map { CaseJSON.summary($0, now: now) }, "count": cases.count,
                      "counts": ["by_status": byStatus, "overdue": counts.overdue]])
    }

    /// One case with its whole timeline; the reporter only where the role may see them.
    func showCase(_ request: HTTPRequest, to account: Account) throws -> HTTPResponse {
        let code = try trackingCode(request)
        return try pool.withConnection { connection in
            let stored = try StaffAccess.requireVisibleCase(code, for: account, on: connection)
            let reporter = StaffAccess.canSeeReporter(account, stored)
                ? try ReporterStore.contact(caseID: stored.id, on: connection) : nil
            return .json(CaseJSON.detail(stored, timeline: try CaseStore.timeline(caseID: stored.id, on: connection),
                                         reporter: reporter, fields: StaffAccess.visibleFields(account, stored, profile: profile)))
        }
    }

    /// Whether an agency or sub-unit a queue query names exists.
    func referenceExists(_ reference: QueueRequest.Reference) throws -> Bool {
        try pool.withConnection { connection in
            switch reference {
            case .agency(let code): return try CategoryStore.agencyExists(code, on: connection)
            case .subUnit(let code): return try SubUnitStore.find(code, on: connection) != nil
            }
        }
    }

    func trackingCode(_ request: HTTPRequest) throws -> String {
        try request.pathParameter("code", as: TrackingCode.self, orThrow: HTTPError(404, "case_not_found", "no such case")).value
    }
}
