import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit

/// A request for an action on a case as either route read it: the JSON body, or the page's form in
/// the same members with its photos checked beside it.
struct ActionInput {
    /// The action's URL name.
    let name: String
    let body: JSONObjectReader
    /// The page's photos, already checked (or refused); nil for the JSON API, whose body carries them.
    var checkedPhotos: Result<[Photo], PhotoProblem>? = nil
}

/// What came of asking for an action on a case.
enum ActOutcome {
    /// The case as stored after the action, and its timeline, read after the COMMIT.
    case done(Case, timeline: [CaseEvent])
    /// The request or the lifecycle refused it; nothing was changed.
    case refused(Refusal)
}

extension CaseDesk {
    /// Acting on a case, the one use case behind the JSON route and the case page: reads the action,
    /// then carries it out.
    /// - Throws: only what is not a refusal (the database being away).
    func act(_ input: ActionInput, on code: String, by account: Account, from address: String) throws -> ActOutcome {
        do {
            let photos = try input.checkedPhotos?.mapError(Refusal.refusedPhoto).get()
            let parsed = try CaseActionRequest.parse(input.name, body: input.body, checkedPhotos: photos)
            let (stored, timeline) = try carryOut(parsed, on: code, by: account, from: address)
            return .done(stored, timeline: timeline)
        } catch let refusal as Refusal {
            return .refused(refusal)
        }
    }

    /// `POST /api/v1/staff/cases/{code}/{action}`: the case as it is now, or the refusal as JSON.
    func actJSON(_ request: HTTPRequest, by account: Account) throws -> HTTPResponse {
        let code = try trackingCode(request)
        let body = request.body.isEmpty ? JSONObjectReader([:]) : try request.jsonBody()
        let input = ActionInput(name: request.pathParameter("action", as: String.self) ?? "", body: body)
        switch try act(input, on: code, by: account, from: request.clientAddress) {
        case .refused(let refusal): throw refusal
        case .done(let stored, let timeline):
            return .json(CaseJSON.detail(stored, timeline: timeline, reporter: nil,
                                         fields: StaffAccess.visibleFields(account, stored, profile: profile)))
        }
    }

    /// Applies the parsed actions to a case this module owns and the account may see.
    /// - Throws: `Refusal` (its status and code from the table in Complaints): 404 unknown or not
    ///   visible, 409 another module's case or the lifecycle refuses, 403 the role may not, 400 a bad
    ///   category, colleague, field or photos, 429 after-photos beyond the client address's daily allowance.
    /// - Parameter address: the client the after-photos are charged to, and the audit log records.
    /// - Returns: the case as stored afterwards and its timeline, read in the COMMIT's round trip.
    func carryOut(_ parsed: ParsedAction, on code: String, by account: Account, from address: String) throws
        -> (Case, timeline: [CaseEvent]) {
        let quota = photoQuota
        do {
            return try transaction(parsed, on: code, by: account, from: address, quota: quota)
        } catch let error as PostgresError {
            guard let exceeded = quota.refusal(for: error) else { throw error }
            throw Refusal.photoQuotaExceeded(exceeded)
        }
    }

    private func transaction(_ parsed: ParsedAction, on code: String, by account: Account, from address: String,
                             quota: PhotoQuota) throws -> (Case, timeline: [CaseEvent]) {
        let module = self.module
        let (_, rows) = try pool.withConnection { connection in try connection.transaction({ connection -> Case in
            var stored = try StaffAccess.requireVisibleCase(code, for: account, forUpdate: true, on: connection)
            guard stored.module == module else { throw Refusal.wrongModule(code, handledBy: stored.module, not: module) }
            if !StaffAccess.mayDispose(account), parsed.actions.contains(where: \.isDisposal) {
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
        }, thenReading: { stored, batch in CaseStore.queueFindWithTimeline(id: stored.id, into: &batch) }) }
        guard let found = try CaseStore.foundWithTimeline(in: rows) else { throw Refusal.caseNotFound(code) }
        return found
    }
}

private extension CaseAction {
    var isDisposal: Bool {
        if case .dispose = self { return true }
        return false
    }
}
