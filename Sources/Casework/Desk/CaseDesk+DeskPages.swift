import Complaints
import HTTP
import HubStore
import ServiceKit
import Web

/// The walk-in desk's pages (`/staff/desk`, staff session, CSRF like every staff form): the form on
/// which staff enter a visitor's complaint, and the receipt printed for the visitor. Served by the
/// module that takes submissions, through its `DeskIntake`.
extension CaseDesk {
    func installDeskPages(on pages: inout RouterGroup, intake: DeskIntake) {
        let desk = self
        pages.get("/desk") { request, context in try desk.deskPage(request, session: context.staffSession, intake: intake) }
        pages.post("/desk", options: .uploads) { request, context in
            try desk.enterAtDesk(request, session: context.staffSession, intake: intake)
        }
        pages.get("/desk/receipts/{code}") { request, context in
            try desk.deskReceipt(request, session: context.staffSession, intake: intake)
        }
    }

    func deskPage(_ request: HTTPRequest, session: StaffSession?, intake: DeskIntake) throws -> HTTPResponse {
        guard let session else { return Self.toLogin(request) }
        try session.account.role.checkEntersDeskComplaints()
        return try deskForm(session, language: Self.language(request), intake: intake)
    }

    /// Stores the visitor's complaint and shows its receipt (303), or the form again, filled in, with
    /// what to fix; after the session ended, the login page that leads back to the desk.
    func enterAtDesk(_ request: HTTPRequest, session: StaffSession?, intake: DeskIntake) throws -> HTTPResponse {
        let language = Self.language(request)
        let form = try PageForm(request)
        guard let session else { return sessionEnded(request, form: form, next: "/staff/desk") }
        guard session.accepts(csrf: form.fields["csrf"]) else { return formExpired(request, session: session) }
        try session.account.role.checkEntersDeskComplaints()
        var entry = SubmissionRequest(form: form.fields.map { (name: $0.key, value: $0.value) }, photos: [])
        entry.submission.channel = .desk
        entry.submission.photos = form.photos
        entry.photoProblem = form.photoProblem
        let values = SubmissionRequest.formValues(form.fields.map { (name: $0.key, value: $0.value) })
            .merging(form.fields.filter { $0.key == "intake_channel" }) { kept, _ in kept }
        do {
            switch try intake.submit(entry, form.fields["intake_channel"], session.account, request) {
            case .stored(let code):
                return .redirect(to: StaffFrame.link("/staff/desk/receipts/\(code.value)", language))
            case .refused(let refusal):
                return try deskForm(session, language: language, intake: intake, values: values, errors: refusal.messages(language),
                                    status: refusal.status)
            }
        } catch let refusal as Refusal where refusal == .unknownIntakeChannel {
            return try deskForm(session, language: language, intake: intake, values: values,
                                errors: ["intake_channel": refusal.message(language)], status: refusal.status)
        }
    }

    /// The receipt of a complaint entered at the desk: only what its tracking page shows the public,
    /// with the code in large type and how to follow it.
    func deskReceipt(_ request: HTTPRequest, session: StaffSession?, intake: DeskIntake) throws -> HTTPResponse {
        let language = Self.language(request)
        guard let session else { return Self.toLogin(request) }
        try session.account.role.checkEntersDeskComplaints()
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let (found, outlook) = try pool.withConnection({ connection -> (PublicCase, CaseOutlook)? in
                  guard let found = try PublicCase.load(code.value, on: connection) else { return nil }
                  return (found, try CaseOutlook.load(found, on: connection))
              }) else {
            return Self.page(StaffFrame.errorPage(StaffStrings.caseNotFound.text(language), session: session, language: language),
                             status: 404)
        }
        let page = DeskReceiptPage.render(session: session, view: TrackingView(found, code: code, language: language),
                                          confirmation: CaseConfirmation(outlook, notices: intake.notices),
                                          trackingURL: intake.site.absolute("/track/\(code.value)"), language: language)
        return Self.page(page)
    }

    private func deskForm(_ session: StaffSession, language: Language, intake: DeskIntake, values: [String: String] = [:],
                          errors: [String: String] = [:], status: Int = 200) throws -> HTTPResponse {
        // The form suggests the known areas' names, as the citizen's form does (the desk is seldom opened: read each time).
        let (categories, areas) = try pool.withConnection { connection in
            (try CategoryStore.all(connection).map { CategoryChoice($0, language: language) }, try RegionStore.directory(on: connection))
        }
        return Self.page(DeskPage.render(session: session, categories: categories, channels: try intake.channels(), language: language,
                                         values: values, errors: errors, formToken: FormToken.generate(),
                                         textChannel: intake.notices.text ? intake.notices.textChannel : nil, areas: areas),
                         status: status)
    }
}
