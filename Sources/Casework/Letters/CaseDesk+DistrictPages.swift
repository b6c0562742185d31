import Complaints
import Foundation
import HTTP
import HubStore
import Web

/// The district admin's pages under `/staff/district`: who holds each position (and the form that
/// creates an official's account), and leave (recorded, listed, cancelled). The same use cases as
/// the JSON API (`LetterDesk`).
extension CaseDesk {
    func installDistrictPages(on pages: inout RouterGroup, letters: LetterDesk) {
        let desk = self
        pages.get("/district") { request, context in try desk.positionsPage(request, session: context.staffSession, letters) }
        pages.post("/district/accounts") { request, context in
            try desk.districtForm(request, session: context.staffSession, next: "/staff/district") { session, form in
                do {
                    let new = LetterDesk.NewOfficial(login: form.fields["login"] ?? "", password: form.fields["password"] ?? "",
                                                     role: form.fields["role"] ?? "", region: form.fields["region"],
                                                     name: form.fields["name"], nip: form.fields["nip"])
                    _ = try letters.createOfficial(new, by: session.account, address: Acting(session.account.actor, through: request).address)
                    return .redirect(to: StaffFrame.link("/staff/district?done=created", Self.language(request)))
                } catch let refusal as Refusal where refusal.status != 403 {
                    var values = form.fields
                    values["password"] = nil
                    return try desk.positionsPage(request, session: session, letters, refusal: refusal, values: values)
                }
            }
        }
        pages.get("/district/leave") { request, context in try desk.leavePage(request, session: context.staffSession, letters) }
        pages.post("/district/leave") { request, context in
            try desk.districtForm(request, session: context.staffSession, next: "/staff/district/leave") { session, form in
                do {
                    guard let from = form.fields["from"].flatMap(WorkingCalendar.day(of:)), let to = form.fields["to"].flatMap(WorkingCalendar.day(of:)),
                          from <= to, to - from < 366 else { throw Refusal.leaveShape }
                    let entry = LetterDesk.LeaveEntry(login: form.fields["login"] ?? "", fromDay: from, toDay: to,
                                                      standIn: form.fields["stand_in"] ?? "")
                    _ = try letters.recordLeave(entry, by: session.account, address: Acting(session.account.actor, through: request).address)
                    return .redirect(to: StaffFrame.link("/staff/district/leave?done=recorded", Self.language(request)))
                } catch let refusal as Refusal where refusal != .districtAdminOnly {
                    return try desk.leavePage(request, session: session, letters, refusal: refusal, values: form.fields)
                }
            }
        }
        pages.post("/district/leave/{id}/cancel") { request, context in
            try desk.districtForm(request, session: context.staffSession, next: "/staff/district/leave") { session, _ in
                do {
                    _ = try letters.cancelLeave(request.pathParameter("id", as: Int64.self) ?? 0, by: session.account,
                                                address: Acting(session.account.actor, through: request).address)
                    return .redirect(to: StaffFrame.link("/staff/district/leave?done=cancelled", Self.language(request)))
                } catch let refusal as Refusal where refusal != .districtAdminOnly {
                    return try desk.leavePage(request, session: session, letters, refusal: refusal)
                }
            }
        }
    }

    func positionsPage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk, refusal: Refusal? = nil,
                       values: [String: String] = [:]) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        let language = Self.language(request)
        let found = try letters.positions(for: session.account)
        let regions = try pool.withConnection { try RegionStore.names(in: found.district, on: $0) }
        let notice = refusal == nil && request.query("done") == "created" ? LetterStrings.created.text(language) : nil
        return Self.page(DistrictPages.positions(session: session, holders: found.holders, regions: regions, language: language,
                                                 notice: notice, error: refusal?.message(language), values: values),
                         status: refusal?.status ?? 200)
    }

    func leavePage(_ request: HTTPRequest, session: StaffSession?, _ letters: LetterDesk, refusal: Refusal? = nil,
                   values: [String: String] = [:]) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        let language = Self.language(request)
        let (leaves, today) = try letters.leaves(for: session.account)
        let officials = try letters.positions(for: session.account).holders.filter { $0.active && $0.official.position != .districtAdmin }
            .map { (login: $0.login, label: "\($0.official.name) — \($0.official.position.label(language)) (\($0.login))") }
        let done: [String: LetterStrings] = ["recorded": .recorded, "cancelled": .leaveCancelled]
        let notice = refusal != nil ? nil : request.query("done").flatMap { done[$0] }?.text(language)
        return Self.page(DistrictPages.leave(session: session, leaves: leaves, officials: officials, today: today, language: language,
                                             notice: notice, error: refusal?.message(language), values: values),
                         status: refusal?.status ?? 200)
    }

    /// Runs `body` with the session and form of a district admin's post, or answers instead: the
    /// login (no session), an expired form, or the refusal for an account that is no district admin.
    private func districtForm(_ request: HTTPRequest, session: StaffSession?, next: String,
                              _ body: (StaffSession, PageForm) throws -> HTTPResponse) throws -> HTTPResponse {
        let form = try PageForm(request)
        guard let session else { return sessionEnded(request, form: form, next: next) }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        guard session.account.role == .districtAdmin else { throw Refusal.districtAdminOnly }
        return try body(session, form)
    }
}
