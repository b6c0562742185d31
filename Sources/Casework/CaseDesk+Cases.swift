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
        group.post("/cases/{code}/{action}") { request, context in try desk.act(request, by: try context.staffAccount()) }
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

    /// Carries out one action through the lifecycle, in one transaction with its event, audit record
    /// and messages, and answers with the case as it is now.
    func act(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let code = try trackingCode(request)
        let body = request.body.isEmpty ? [:] : try request.jsonObject()
        let parsed = try CaseActionRequest.parse(request.pathParameter("action", as: String.self) ?? "", body: body)
        let outcome = try carryOut(parsed, on: code, by: account, from: request.clientAddress)
        return try pool.withConnection { connection in
            .json(CaseJSON.detail(outcome, timeline: try CaseStore.timeline(caseID: outcome.id, on: connection), reporter: nil,
                                  fields: StaffAccess.visibleFields(account, outcome, profile: profile)))
        }
    }

    /// Applies the parsed actions to a case this module owns and the account may see.
    /// - Throws: `Refusal` (its status and code from the table in Complaints): 404 unknown or not
    ///   visible, 409 another module's case or the lifecycle refuses, 403 the role may not, 400 a bad
    ///   category, colleague, field or photos, 429 after-photos beyond the client address's daily allowance.
    /// - Parameter address: the client the after-photos are charged to, and the audit log records.
    func carryOut(_ parsed: ParsedAction, on code: String, by account: Account, from address: String) throws -> Case {
        let module = self.module
        let quota = photoQuota
        return try pool.transaction { connection -> Case in
            var stored = try StaffAccess.requireVisibleCase(code, for: account, forUpdate: true, on: connection)
            guard stored.module == module else { throw Refusal.wrongModule(code, handledBy: stored.module, not: module) }
            if !StaffAccess.mayDispose(account), parsed.actions.contains(where: { $0.name == "dispose" }) {
                throw Refusal.subUnitMayNotDispose
            }
            var actions = parsed.actions
            // A case is merged only into one the account may see: another answer would confirm a code exists.
            for case .markDuplicate(let other) in actions where try StaffAccess.visibleCase(other, for: account, on: connection) == nil {
                throw Refusal.invalidDuplicate(other)
            }
            if let login = parsed.assigneeLogin {
                guard let colleague = try AccountStore.find(login: login, on: connection) else { throw Refusal.unknownAssignee(login: login) }
                actions = [.assign(to: colleague.id)]
            }
            if let change = parsed.fieldChange {
                actions = [.updateDetails(try profile.check(change, current: stored.moduleFields).mapError(Refusal.invalidField).get())]
            }
            let calendar = try CategoryStore.calendar(connection)
            let acting = Acting(account.actor, from: address)
            for (index, action) in actions.enumerated() {
                stored = try CaseStore.perform(action, on: stored, by: acting, reason: index == 0 ? parsed.reason : nil,
                                               afterPhotos: index == 0 ? parsed.photos : [], calendar: calendar,
                                               connection: connection).after
            }
            do {
                try quota.charge(parsed.photos, to: address, on: connection)
            } catch let exceeded as PhotoQuotaExceeded {
                throw Refusal.photoQuotaExceeded(exceeded)
            }
            return stored
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
