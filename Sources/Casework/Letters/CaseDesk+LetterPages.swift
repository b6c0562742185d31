import Complaints
import Foundation
import HTTP
import HubStore
import Web

/// The letter desks' pages under `/staff/letters` (staff session, CSRF on every form, like every
/// staff page): my queue, a letter with the actions my position allows, the village front office's
/// entry form and the receipt it prints. The same use cases as the JSON API (`LetterDesk`).
extension CaseDesk {
    func installLetterPages(on pages: inout RouterGroup, letters: LetterDesk) {
        let desk = self
        pages.get("/letters") { request, context in try desk.letterQueuePage(request, session: context.staffSession, letters) }
        pages.get("/letters/new") { request, context in try desk.letterEntryPage(request, session: context.staffSession, letters) }
        pages.post("/letters/new") { request, context in try desk.enterLetterFromPage(request, session: context.staffSession, letters) }
        pages.get("/letters/{code}") { request, context in try desk.letterPage(request, session: context.staffSession, letters) }
        pages.get("/letters/{code}/receipt") { request, context in try desk.letterReceipt(request, session: context.staffSession, letters) }
        pages.post("/letters/{code}/{action}") { request, context in try desk.actOnLetterFromPage(request, session: context.staffSession, letters) }
    }

    func letterQueuePage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        let language = Self.language(request)
        let all = request.query("all") == "true"
        let records = try letters.waiting(for: session.account, all: all)
        let sheets = try sheets(records, letters, language: language)
        return Self.page(LetterQueuePage.render(session: session, letters: sheets, all: all,
                                                mayEnter: session.account.role == .villageFrontOffice, language: language))
    }

    func letterPage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk, error: Refusal? = nil,
                    problems: [String: Refusal] = [:], typed: [String: String]? = nil) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        let language = Self.language(request)
        let found = try letters.letter(request.pathParameter("code", as: TrackingCode.self)?.value ?? "", for: session.account)
        let sheet = try sheets([found.record], letters, language: language)[0]
        let notice = request.query("done") == nil || error != nil || !problems.isEmpty ? nil : LetterStrings.done.text(language)
        // The front office holding a returned letter corrects it in the pass's form.
        let correcting = found.record.letter.step == .correction && found.actions.contains(.pass)
            ? try letters.types().first { $0.code == found.record.letter.typeCode } : nil
        return Self.page(LetterPage.render(session: session, sheet: sheet, actions: found.actions,
                                           showsPrint: session.account.role == .villageFrontOffice, language: language, notice: notice,
                                           error: error?.message(language), correcting: correcting,
                                           errors: problems.mapValues { $0.message(language) }, typed: typed),
                         status: error?.status ?? problems.values.map(\.status).max() ?? 200)
    }

    /// `POST /staff/letters/{code}/pass|return|sign|reject`: the action, then the letter page again
    /// (303); a refused action shows the letter page with why. A pass of a returned letter carries the
    /// corrected data, checked whole first (every problem listed, nothing stored).
    func actOnLetterFromPage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk) throws -> HTTPResponse {
        let language = Self.language(request)
        let code = request.pathParameter("code", as: TrackingCode.self)?.value ?? ""
        let form = try PageForm(request)
        guard let session else { return sessionEnded(request, form: form, next: "/staff/letters/\(code)") }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        let correction = form.fields.keys.contains { $0.hasPrefix("applicant.") || $0.hasPrefix("fields.") }
            ? (applicant: Self.group(form, "applicant."), fields: Self.group(form, "fields.")) : nil
        do {
            let action = try LetterDesk.action(request.pathParameter("action", as: String.self) ?? "", reason: form.fields["reason"])
            if let correction {
                let found = try letters.letter(code, for: session.account)
                if let type = try letters.types().first(where: { $0.code == found.record.letter.typeCode }) {
                    let problems = type.problems(applicant: correction.applicant, fields: correction.fields)
                    if !problems.isEmpty {
                        return try letterPage(request, session: session, letters, problems: problems, typed: form.fields)
                    }
                }
            }
            _ = try letters.act(action, on: code, by: session.account, address: Acting(session.account.actor, through: request).address) {
                (correction?.applicant, correction?.fields)
            }
            return .redirect(to: StaffFrame.link("/staff/letters/\(code)?done=1", language))
        } catch let refusal as Refusal where refusal != .letterNotFound && refusal != .letterRolesOnly {
            return try letterPage(request, session: session, letters, error: refusal)
        }
    }

    /// The non-blank fields of a form whose names start with `prefix`, by the rest of their name.
    static func group(_ form: PageForm, _ prefix: String) -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in form.fields where name.hasPrefix(prefix) && !value.trimmingCharacters(in: .whitespaces).isEmpty {
            values[String(name.dropFirst(prefix.count))] = value
        }
        return values
    }

    func letterEntryPage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        guard session.account.role == .villageFrontOffice else { throw Refusal.roleMayNotDoThis }
        let types = try letters.types()
        return Self.page(LetterEntryPage.render(session: session, types: types, chosen: types.first { $0.code == request.query("type") },
                                                language: Self.language(request)))
    }

    /// Stores the request and shows its receipt (303), or the form again, filled in, listing every
    /// problem; nothing is stored until all is well.
    func enterLetterFromPage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk) throws -> HTTPResponse {
        let language = Self.language(request)
        let form = try PageForm(request)
        guard let session else { return sessionEnded(request, form: form, next: "/staff/letters/new") }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        guard session.account.role == .villageFrontOffice else { throw Refusal.roleMayNotDoThis }
        let types = try letters.types()
        guard let type = types.first(where: { $0.code == form.fields["type"] }) else { throw Refusal.unknownLetterType }
        let entry = LetterDesk.Entry(type: type.code, village: nil, applicant: Self.group(form, "applicant."), fields: Self.group(form, "fields."))
        let problems = type.problems(applicant: entry.applicant, fields: entry.fields)
        func refused(_ problems: [String: Refusal]) -> HTTPResponse {
            Self.page(LetterEntryPage.render(session: session, types: types, chosen: type, language: language, values: form.fields,
                                             errors: problems.mapValues { $0.message(language) }),
                      status: problems.values.map(\.status).max() ?? 400)
        }
        guard problems.isEmpty else { return refused(problems) }
        do {
            let letter = try letters.enter(entry, by: session.account, address: Acting(session.account.actor, through: request).address)
            return .redirect(to: StaffFrame.link("/staff/letters/\(letter.code)/receipt", language))
        } catch let refusal as Refusal where refusal.status == 400 {
            return refused(["type": refusal])
        }
    }

    func letterReceipt(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        guard session.account.role == .villageFrontOffice else { throw Refusal.roleMayNotDoThis }
        let language = Self.language(request)
        let found = try letters.letter(request.pathParameter("code", as: TrackingCode.self)?.value ?? "", for: session.account)
        let sheet = try sheets([found.record], letters, language: language)[0]
        return Self.page(LetterReceiptPage.render(session: session, sheet: sheet,
                                                  trackingURL: letters.finishing.siteURL + "/letters/\(found.record.letter.code)",
                                                  language: language))
    }

    /// The pages' view of stored letters, with their types' labels and their villages' names.
    private func sheets(_ records: [LetterRecord], _ letters: LetterDesk, language: Language) throws -> [LetterSheet] {
        guard !records.isEmpty else { return [] }
        let (types, names) = try letters.pool.withConnection { connection in
            (try LetterTypeStore.all(includingInactive: true, on: connection),
             try Set(records.map(\.letter.village.district)).flatMap { try RegionStore.names(in: $0, on: connection) })
        }
        let byCode = Dictionary(names.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        return records.map { record in
            LetterSheet(record, type: types.first { $0.code == record.letter.typeCode }, villageName: byCode[record.letter.village.value],
                        language: language)
        }
    }
}
