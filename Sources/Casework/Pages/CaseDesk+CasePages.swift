import Complaints
import Foundation
import HTTP
import HubStore
import ServiceKit
import Web

extension CaseDesk {
    /// Everything the case page shows, or nil when the account may not see the case.
    func caseView(_ code: String, for account: Account) throws -> StaffCaseView? {
        try pool.withConnection { connection in
            guard let stored = try StaffAccess.visibleCase(code, for: account, on: connection) else { return nil }
            let actions = stored.module != module ? [] : StaffAction.allCases.filter {
                Lifecycle.offers($0.probe, on: stored, to: account.actor)
            }
            let colleagues = try AccountStore.all(module: stored.module, on: connection)
                .filter { $0.mayBeAssigned(stored) && $0.id != account.id }
            let subUnits = try SubUnitStore.all(agency: stored.agency, on: connection)
            let request = try FanOutStore.request(of: stored, on: connection)
            let requestCodes = request.map { [$0.trackingCode] + $0.parts.map(\.trackingCode) } ?? []
            return StaffCaseView(
                stored: stored, timeline: try CaseStore.timeline(caseID: stored.id, on: connection),
                reporter: StaffAccess.canSeeReporter(account, stored) ? try ReporterStore.contact(caseID: stored.reporterCaseID, on: connection) : nil,
                photos: try CasePhotos.list(of: stored, on: connection),
                duplicates: try StaffAccess.visibleLinks(try DuplicateLinks.load(caseID: stored.id, on: connection), for: account,
                                                         on: connection),
                actions: actions.filter { action in
                    switch action {
                    case .assign: return !colleagues.isEmpty
                    case .dispose: return StaffAccess.mayDispose(account) && subUnits.contains { $0.code != stored.subUnit }
                    case .details: return !profile.fields.isEmpty
                    case .investigate, .findings, .decide: return stored.inspectorate
                    default: return true
                    }
                },
                colleagues: colleagues, subUnits: subUnits, categories: try CategoryStore.all(connection), profile: profile,
                fields: StaffAccess.visibleFields(account, stored, profile: profile),
                showsConfidential: account.module == stored.module,
                agencies: actions.contains(.forward) ? try CategoryStore.receivingAgencies(connection) : [],
                holder: try stored.assignedTo.flatMap { try CaseStore.holderName(accountID: $0, on: connection) },
                request: request,
                requestLinks: Set(try CaseStore.find(codes: requestCodes, on: connection)
                    .filter { StaffAccess.canSee(account, $0) }.map(\.trackingCode)))
        }
    }

    func casePage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session else { return Self.toLogin(request) }
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let view = try caseView(code.value, for: session.account) else {
            return Self.page(StaffFrame.errorPage(StaffStrings.caseNotFound.text(language), session: session, language: language),
                             status: 404)
        }
        let notice = CaseWords.done(request.query("done"), language)
        return Self.page(StaffCasePage.render(view, session: session, language: language, notice: notice))
    }

    /// Carries out an action from the case page, then shows the case again (303), or the page with
    /// the refusal beside the kept input; after the session ended, the login page that leads back.
    func actFromPage(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        let language = Self.language(request)
        let form = try PageForm(request)
        let parsedCode = request.pathParameter("code", as: TrackingCode.self)
        guard let session else {
            return sessionEnded(request, form: form, next: parsedCode.map { "/staff/cases/\($0.value)" })
        }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        guard let code = parsedCode else {
            return Self.page(StaffFrame.errorPage(StaffStrings.caseNotFound.text(language), session: session, language: language),
                             status: 404)
        }
        let action = request.pathParameter("action", as: String.self) ?? ""
        // The page asks to confirm what ends a case; the JSON API's clients confirm in their own way.
        if StaffAction(urlName: action)?.needsConfirmation == true, form.fields["confirm"] != "yes" {
            return try refusedOnPage(.confirmationRequired, action: action, code: code.value, form: form, session: session, language: language)
        }
        let input = ActionInput(name: action, body: form.actionBody,
                                checkedPhotos: form.photoProblem.map { .failure($0) } ?? .success(form.photos))
        switch try act(input, on: code.value, by: session.account, from: request.clientAddress) {
        case .done: return .redirect(to: StaffFrame.link("/staff/cases/\(code.value)?done=\(action)", language))
        case .refused(let refusal):
            return try refusedOnPage(refusal, action: action, code: code.value, form: form, session: session, language: language)
        }
    }

    /// The case page again with the refusal beside the kept input of the action's form.
    private func refusedOnPage(_ refusal: Refusal, action: String, code: String, form: PageForm, session: StaffSession,
                               language: Language) throws -> HTTPResponse {
        guard let view = try caseView(code, for: session.account) else {
            return Self.page(StaffFrame.errorPage(StaffStrings.caseNotFound.text(language), session: session, language: language),
                             status: 404)
        }
        var values = form.fields
        values["csrf"] = nil
        values["action"] = action
        return Self.page(StaffCasePage.render(view, session: session, language: language, error: refusal.message(language),
                                              values: values),
                         status: refusal.status)
    }

    /// A photo of a case, to those who may see the case (confidential or not).
    func casePhoto(_ request: HTTPRequest, session: StaffSession?) throws -> HTTPResponse {
        guard let session else { throw Refusal.pageUnauthenticated }
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let id = request.pathParameter("id", as: Int64.self) else { throw Refusal.noSuchPhoto }
        let found = try pool.withConnection { connection -> (String, Data)? in
            guard let stored = try StaffAccess.visibleCase(code.value, for: session.account, on: connection) else { return nil }
            return try CasePhotos.load(id: id, of: stored, on: connection)
        }
        guard let (mediaType, bytes) = found else { throw Refusal.noSuchPhoto }
        return .image([UInt8](bytes), mediaType: mediaType, cacheControl: "private, no-store")
    }
}
