import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

extension CaseDesk {
    func installCaseRoutes(on group: inout RouterGroup) {
        let desk = self
        group.get("/queue") { request, context in .json(try desk.queue(for: try context.staffAccount(), query: request.query).json) }
        group.get("/cases/{code}") { request, context in try desk.showCase(request, to: try context.staffAccount()) }
        group.post("/cases/{code}/{action}") { request, context in try desk.actJSON(request, by: try context.staffAccount()) }
    }

    /// One case with its whole timeline; the reporter only where the role may see them.
    func showCase(_ request: HTTPRequest, to account: Account) throws -> HTTPResponse {
        let code = try trackingCode(request)
        return try pool.withConnection { connection in
            let stored = try StaffAccess.requireVisibleCase(code, for: account, on: connection)
            let reporter = StaffAccess.canSeeReporter(account, stored)
                ? try ReporterStore.contact(caseID: stored.reporterCaseID, on: connection) : nil
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
        try request.pathParameter("code", as: TrackingCode.self, orThrow: Refusal.noSuchCase).value
    }
}
