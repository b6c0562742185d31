import Complaints
import HTTP
import HubStore
import ServiceKit
import Web

/// The admin pages of reference data (`/staff/admin/{kind}`): the same use cases, checks and audit
/// as the JSON API (`createReference`, `changeReference`), for admins only.
extension CaseDesk {
    func installAdminPages(on group: inout RouterGroup) {
        let desk = self
        group.get("/admin") { request, _ in .redirect(to: StaffFrame.link("/staff/admin/categories", Self.language(request))) }
        group.get("/admin/{kind}") { request, context in
            let language = Self.language(request)
            guard let session = context.staffSession else { return Self.toLogin(request) }
            guard session.account.role == .admin else { return Self.refusalPage(Refusal.adminsOnly, session: session, language: language) }
            return try desk.referencePage(session, kind: try ReferenceRequest.kind(request), language: language,
                                          notice: AdminStrings.notice(request.query("done"), language))
        }
        group.post("/admin/{kind}") { request, context in
            try desk.postedReferenceForm(request, session: context.staffSession) { session, kind, form in
                do {
                    _ = try desk.createReference(kind, ReferenceRequest.values(form: form.fields, of: kind, creating: true),
                                                 by: Acting(session.account.actor, through: request))
                    return .redirect(to: StaffFrame.link("/staff/admin/\(kind.rawValue)?done=created", Self.language(request)))
                } catch let refusal as Refusal {
                    return try desk.referencePage(session, kind: kind, language: Self.language(request), refusal: refusal, values: form.fields)
                }
            }
        }
        group.post("/admin/{kind}/{id}") { request, context in
            try desk.postedReferenceForm(request, session: context.staffSession) { session, kind, form in
                do {
                    _ = try desk.changeReference(kind, request.pathParameter("id", as: String.self) ?? "",
                                                 ReferenceRequest.values(form: form.fields, of: kind, creating: false),
                                                 by: Acting(session.account.actor, through: request))
                    return .redirect(to: StaffFrame.link("/staff/admin/\(kind.rawValue)?done=changed", Self.language(request)))
                } catch let refusal as Refusal {
                    return try desk.referencePage(session, kind: kind, language: Self.language(request), refusal: refusal)
                }
            }
        }
    }

    /// Runs `body` with the session, kind and form of a post to an admin page, or answers instead: the
    /// login (no session), an expired form, a refusal for another role or an unknown kind.
    private func postedReferenceForm(_ request: HTTPRequest, session: StaffSession?,
                                     _ body: (StaffSession, ReferenceKind, PageForm) throws -> HTTPResponse) throws -> HTTPResponse {
        let form = try PageForm(request)
        let language = Self.language(request)
        guard let session else { return sessionEnded(request, form: form, next: "/staff/admin") }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        guard session.account.role == .admin else { return Self.refusalPage(Refusal.adminsOnly, session: session, language: language) }
        return try body(session, try ReferenceRequest.kind(request), form)
    }

    private func referencePage(_ session: StaffSession, kind: ReferenceKind, language: Language, notice: String? = nil,
                               refusal: Refusal? = nil, values: [String: String] = [:]) throws -> HTTPResponse {
        let records = try pool.withConnection { try ReferenceDataStore.list(kind, on: $0) }
        return Self.page(AdminReferencePage.render(session: session, kind: kind, records: records, language: language, notice: notice,
                                                   error: refusal?.message(language), values: values),
                         status: refusal?.status ?? 200)
    }
}
