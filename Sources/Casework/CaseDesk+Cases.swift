import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

extension CaseDesk {
    func installCaseRoutes(on router: inout Router) {
        let desk = self
        router.get("/api/v1/staff/queue") { request in try desk.listQueue(request) }
        router.get("/api/v1/staff/cases/{code}") { request in try desk.showCase(request) }
        router.post("/api/v1/staff/cases/{code}/{action}") { request in try desk.act(request) }
    }

    /// The signed-in account's work queue, soonest deadline first.
    func listQueue(_ request: HTTPRequest) throws -> HTTPResponse {
        let account = try StaffAuthentication.require(request, pool: pool)
        var status: ComplaintStatus?
        if let text = request.query("status") {
            guard let parsed = ComplaintStatus(rawValue: text) else {
                throw HTTPError(400, "invalid_status", "unknown status \(text)")
            }
            status = parsed
        }
        let seesAll = account.role == .inspector || account.role == .admin
        guard seesAll || account.module != nil else {
            throw HTTPError(403, "no_module", "this account belongs to no module; ask an admin to assign one")
        }
        var module: ModuleName? = seesAll ? nil : account.module
        if seesAll, let text = request.query("module") {
            guard let parsed = ModuleName(rawValue: text) else { throw HTTPError(400, "invalid_module", "unknown module \(text)") }
            module = parsed
        }
        var categories = seesAll ? [] : account.categories
        if let category = request.query("category") {
            guard categories.isEmpty || categories.contains(category) else {
                throw HTTPError(403, "forbidden_category", "your account does not work category \(category)")
            }
            categories = [category]
        }
        let onlyInspectorate = request.query("inspectorate") == "true"
        if onlyInspectorate && !seesAll { throw HTTPError(403, "forbidden", "the inspectorate queue is for inspectors") }
        let cases = try pool.withConnection {
            try CaseStore.queue(module: module, categories: categories, status: status, includeInspectorate: seesAll, on: $0)
        }.filter { !onlyInspectorate || $0.inspectorate }
        let now = Date()
        return .json(["cases": cases.map { CaseJSON.summary($0, now: now) }, "count": cases.count])
    }

    /// One case with its whole timeline; the reporter only where the role may see them.
    func showCase(_ request: HTTPRequest) throws -> HTTPResponse {
        let account = try StaffAuthentication.require(request, pool: pool)
        let code = try trackingCode(request)
        return try pool.withConnection { connection in
            guard let stored = try CaseStore.find(code, on: connection), StaffAccess.canSee(account, stored) else {
                throw StaffAccess.notFound(code)
            }
            let reporter = StaffAccess.canSeeReporter(account, stored)
                ? try ReporterStore.contact(caseID: stored.id, on: connection) : nil
            return .json(CaseJSON.detail(stored, timeline: try CaseStore.timeline(caseID: stored.id, on: connection),
                                         reporter: reporter))
        }
    }

    /// Carries out one action through the lifecycle, in one transaction with its event, audit record
    /// and messages.
    func act(_ request: HTTPRequest) throws -> HTTPResponse {
        let account = try StaffAuthentication.require(request, pool: pool)
        let code = try trackingCode(request)
        let body = request.body.isEmpty ? [:] : try request.jsonObject()
        let (actions, reason) = try CaseActionRequest.parse(request.pathParameters["action"] ?? "", body: body)
        let module = self.module
        return try pool.withConnection { connection in
            let outcome = try connection.transaction { connection -> StoredCase in
                guard var stored = try CaseStore.find(code, on: connection, forUpdate: true),
                      StaffAccess.canSee(account, stored) else { throw StaffAccess.notFound(code) }
                guard stored.module == module else {
                    throw HTTPError(409, "wrong_module", "case \(code) is handled by \(stored.module.rawValue), not \(module.rawValue)")
                }
                let calendar = try CategoryStore.calendar(connection)
                for (index, action) in actions.enumerated() {
                    do {
                        stored = try CaseStore.perform(action, on: stored, by: account.actor,
                                                       reason: index == 0 ? reason : nil, calendar: calendar,
                                                       connection: connection).after
                    } catch CaseStore.ActionError.refused(let refusal) {
                        throw HTTPError(refusal.code == "forbidden_action" ? 403 : 409, refusal.code, refusal.message)
                    } catch CaseStore.ActionError.unknownCategory(let category) {
                        throw HTTPError(400, "unknown_category", "unknown category \(category)")
                    }
                }
                return stored
            }
            return .json(CaseJSON.detail(outcome, timeline: try CaseStore.timeline(caseID: outcome.id, on: connection),
                                         reporter: nil))
        }
    }

    private func trackingCode(_ request: HTTPRequest) throws -> String {
        guard let text = request.pathParameters["code"], let code = TrackingCode(parsing: text) else {
            throw HTTPError(404, "case_not_found", "no such case")
        }
        return code.value
    }
}
