import Foundation

/// The expected access matrix: who asks (the columns), the endpoints and pages, and the case
/// actions with the status each needs, as read from the rules (see AccessMatrixTests).
extension AccessMatrixTests {
    /// One column of the matrix: who asks.
    enum Who: Int, CaseIterable, CustomStringConvertible {
        case admin, staffPublicWorks, staffSocial, supervisorPublicWorks, validatorPublicWorks, inspector, noSession

        var description: String {
            switch self {
            case .admin: return "admin"
            case .staffPublicWorks: return "staff(public-works)"
            case .staffSocial: return "staff(social)"
            case .supervisorPublicWorks: return "supervisor(public-works)"
            case .validatorPublicWorks: return "validator(public-works)"
            case .inspector: return "inspector"
            case .noSession: return "no session"
            }
        }

        /// The account behind the column (`hubctl user add` arguments after the login), nil without a session.
        var account: (login: String, password: String, arguments: [String])? {
            switch self {
            case .admin: return ("admin.matriks", "sandi-admin-01", ["--role", "admin"])
            case .staffPublicWorks: return ("petugas.pu", "sandi-pu-0001", ["--role", "staff", "--module", "public-works"])
            case .staffSocial: return ("petugas.sosial", "sandi-sos-001", ["--role", "staff", "--module", "social"])
            case .supervisorPublicWorks:
                return ("supervisor.pu", "sandi-sup-001", ["--role", "supervisor", "--module", "public-works"])
            case .validatorPublicWorks:
                return ("validator.pu", "sandi-val-001", ["--role", "validator", "--module", "public-works"])
            case .inspector: return ("inspektur", "sandi-insp-01", ["--role", "inspector"])
            case .noSession: return nil
            }
        }

        /// Staff, supervisors and validators: they work one module and never see the inspectorate's cases.
        var isModuleBound: Bool { self == .staffPublicWorks || self == .staffSocial || self == .supervisorPublicWorks
            || self == .validatorPublicWorks }
    }

    // The marks that make a leak visible: every public-works case's description carries PU_MARK, the
    // inspectorate cases' INSPECTORATE_MARK, the social case's SOCIAL_MARK; the contacts are unique.
    static let publicWorksMark = "PU-MATRIKS"
    static let socialMark = "SOSIAL-MATRIKS"
    static let inspectorateMark = "INSPEKTORAT-MATRIKS"
    static let reporterEmail = "warga.matriks@example.id"
    static let reporterPhone = "081299887766"
    static let inspectorateEmail = "saksi.pungli@example.id"
    static let inspectoratePhone = "081377665544"
    static let socialEmail = "keluarga.pmks@example.id"
    /// The cases public works forwards to the social services office (both may see them at some time).
    static let forwardedMark = "TERUSAN-MATRIKS"
    static let forwardedEmail = "warga.terusan@example.id"

    /// The endpoints that are not case actions. `{public-works}` is a dispatched public-works case with a
    /// named reporter, `{inspectorate}` a public-works case handed to the inspectorate (reporter named too).
    /// Pages are asked with `Cookie: hub_session=TOKEN`; without one they send the browser to the login page (303).
    static var endpoints: [(endpoint: String, expected: [Int])] {
        [
            //                                                    admin staff-pu staff-sos sup-pu val-pu insp none
            ("GET /api/v1/staff/me",                               [200,  200,     200,      200,   200,   200, 401]),
            ("GET /api/v1/staff/queue",                            [200,  200,     200,      200,   200,   200, 401]),
            ("GET /api/v1/staff/queue?inspectorate=true",          [403,  403,     403,      403,   403,   200, 401]),
            // `module` picks a module for those who see every one; the others may name only their own.
            ("GET /api/v1/staff/queue?module=public-works",        [200,  200,     403,      200,   200,   200, 401]),
            ("GET /api/v1/staff/queue?module=social",              [200,  403,     200,      403,   403,   200, 401]),
            ("GET /api/v1/staff/queue?inspectorate=true&module=public-works",
                                                                   [403,  403,     403,      403,   403,   200, 401]),
            ("GET /api/v1/staff/cases/{public-works}",             [200,  200,     404,      200,   200,   200, 401]),
            ("GET /api/v1/staff/cases/{inspectorate}",             [404,  404,     404,      404,   404,   200, 401]),
            // Inspectors see and manage inspector accounts only (the matrix's POST asks for a staff account).
            ("GET /api/v1/staff/accounts",                         [200,  403,     403,      403,   403,   200, 401]),
            ("POST /api/v1/staff/accounts",                        [201,  403,     403,      403,   403,   403, 401]),
            ("GET /staff/",                                        [200,  200,     200,      200,   200,   200, 303]),
            ("GET /staff/accounts",                                [200,  403,     403,      403,   403,   200, 303]),
            // Reference data (issue 16): admins only.
            ("GET /api/v1/staff/admin/holidays",                   [200,  403,     403,      403,   403,   403, 401]),
            ("POST /api/v1/staff/admin/holidays",                  [201,  403,     403,      403,   403,   403, 401]),
            ("GET /staff/admin/holidays",                          [200,  403,     403,      403,   403,   403, 303]),
            // Letter types (issue 15) are reference data too: admins only (the letter roles are refused in LetterTypeAdminTests).
            ("GET /api/v1/staff/admin/letter-types",               [200,  403,     403,      403,   403,   403, 401]),
            ("POST /api/v1/staff/admin/letter-types",              [201,  403,     403,      403,   403,   403, 401]),
            ("PATCH /api/v1/staff/admin/letter-types/domisili",    [200,  403,     403,      403,   403,   403, 401]),
            ("GET /staff/admin/letter-types",                      [200,  403,     403,      403,   403,   403, 303]),
            ("GET /api/v1/staff/admin/request-types",              [200,  403,     403,      403,   403,   403, 401]),
            ("GET /staff/admin/request-parts",                     [200,  403,     403,      403,   403,   403, 303]),
            ("GET /staff/cases/{public-works}",                    [200,  200,     404,      200,   200,   200, 303]),
            ("GET /staff/cases/{inspectorate}",                    [404,  404,     404,      404,   404,   200, 303]),
        ]
    }

    /// One case action: brought (by the admin) from dispatched into a status where the lifecycle
    /// allows it, so a refusal can only come from the role or from what the account may see.
    struct ActionRow {
        let action: String
        /// Steps from `dispatched` to the status the action needs, each an action and its body.
        let setup: [(String, [String: Any])]
        let body: [String: Any]
        /// The status after it is allowed.
        let after: String
        let expected: [Int]
        /// Where the same request is asked again once allowed, to see the lifecycle's 409 (the case
        /// itself unless it left the asker's sight or kept its status).
        var askedAgainOn = AgainOn.same
        /// Whether the case is one of the inspectorate's.
        var inspectorate: Bool { setup.contains { $0.0 == "escalate" && $0.1["inspectorate"] as? Bool == true } }
        /// Whether the case is forwarded to the social services office before the row (prepared just before it
        /// runs, so the queues read before list only the matrix's own cases).
        var forwarded: Bool { setup.contains { $0.0 == "forward" } }
        var label: String {
            "POST /api/v1/staff/cases/{\(inspectorate ? "inspectorate" : forwarded ? "forwarded" : "public-works")}/\(action)"
        }
    }

    /// The case an allowed action is asked again on.
    enum AgainOn {
        /// The case itself, now in a status the action has no road from.
        case same
        /// The closed public-works case (the action keeps the status, or took the case out of the asker's module).
        case closed
        /// The dispatched social case (the action took the case back to public works).
        case social
    }

    static var toInspectorate: (String, [String: Any]) { ("escalate", ["inspectorate": true, "reason": "dugaan pungli"]) }
    static var toSocial: (String, [String: Any]) { ("forward", ["agency": "dinsos", "reason": "Kewenangan dinas sosial"]) }
    static var investigate: (String, [String: Any]) { ("investigate", [:]) }
    /// Setup steps only an inspector may take (the admin takes every other).
    static let inspectorsOwn: Set<String> = ["investigate", "findings", "decide"]

    static var actions: [ActionRow] {
        let claim: (String, [String: Any]) = ("claim", [:])
        let requestValidation: (String, [String: Any]) = ("request-validation", ["note": "Mohon divalidasi"])
        let resolve: (String, [String: Any]) = ("resolve", ["note": "Sudah dikerjakan"])
        return [
            //        action                 setup (from dispatched)     body                                   after
            //                                                                                   admin staff-pu staff-sos sup-pu val-pu insp none
            ActionRow(action: "claim", setup: [], body: [:], after: "in_progress",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "verify", setup: [], body: [:], after: "verified",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "assign", setup: [], body: ["assignee": "petugas.pu"], after: "dispatched",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "dispose", setup: [], body: ["sub_unit": "dpupr-pju"], after: "dispatched",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "details", setup: [], body: ["fields": ["asset_kind": "road"]], after: "dispatched",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "notes", setup: [], body: ["note": "Catatan internal", "public": false], after: "dispatched",
                      expected: [200, 200, 404, 200, 200, 200, 401]),
            ActionRow(action: "resolve", setup: [claim], body: ["note": "Perbaikan selesai"], after: "resolved",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "request-validation", setup: [claim], body: ["note": "Mohon dicek"], after: "awaiting_validation",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "validate", setup: [claim, requestValidation], body: [:], after: "resolved",
                      expected: [200, 403, 404, 200, 200, 403, 401]),
            ActionRow(action: "reject-follow-up", setup: [claim, requestValidation], body: ["reason": "Foto kurang jelas"],
                      after: "in_progress", expected: [200, 403, 404, 200, 200, 403, 401]),
            ActionRow(action: "reject", setup: [], body: ["reason": "Bukan kewenangan"], after: "rejected",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "postpone", setup: [claim], body: ["reason": "Menunggu anggaran"], after: "postponed",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "close", setup: [claim, resolve], body: [:], after: "closed",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "duplicate", setup: [], body: ["duplicate_of": "{public-works}"], after: "duplicate",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
            ActionRow(action: "escalate", setup: [], body: ["priority": "high", "reason": "Lambat ditangani"], after: "dispatched",
                      expected: [200, 403, 404, 403, 403, 200, 401]),
            // The same on a case handed to the inspectorate: the module's own people no longer see it.
            ActionRow(action: "claim", setup: [toInspectorate], body: [:], after: "in_progress",
                      expected: [404, 404, 404, 404, 404, 403, 401]),
            ActionRow(action: "notes", setup: [toInspectorate], body: ["note": "Catatan inspektur", "public": false],
                      after: "dispatched", expected: [404, 404, 404, 404, 404, 200, 401]),
            // Forwarding: the holding agency's people forward; the receiving agency's accept or return.
            ActionRow(action: "forward", setup: [], body: ["agency": "dinsos", "reason": "Kewenangan dinas sosial"], after: "forwarded",
                      expected: [200, 200, 404, 200, 403, 403, 401], askedAgainOn: .closed),
            ActionRow(action: "accept-forward", setup: [toSocial], body: [:], after: "verified",
                      expected: [200, 404, 200, 404, 404, 403, 401]),
            ActionRow(action: "return-forward", setup: [toSocial], body: ["reason": "Bukan kewenangan kami"], after: "verified",
                      expected: [200, 404, 200, 404, 404, 403, 401], askedAgainOn: .social),
            // The inspectorate's own work: inspectors alone, on the inspectorate's cases.
            ActionRow(action: "investigate", setup: [toInspectorate], body: [:], after: "in_progress",
                      expected: [404, 404, 404, 404, 404, 200, 401]),
            ActionRow(action: "findings", setup: [toInspectorate, investigate], body: ["note": "Saksi membenarkan"], after: "in_progress",
                      expected: [404, 404, 404, 404, 404, 200, 401], askedAgainOn: .closed),
            ActionRow(action: "decide", setup: [toInspectorate, investigate],
                      body: ["outcome": "not_substantiated", "public_note": "Tidak terbukti"], after: "closed",
                      expected: [404, 404, 404, 404, 404, 200, 401]),
            // Answering: the agency's people ask the reporter; the case then waits for the answer.
            ActionRow(action: "ask", setup: [claim], body: ["question": "Di depan nomor berapa?"], after: "awaiting_reporter",
                      expected: [200, 200, 404, 200, 403, 403, 401]),
        ]
    }

    /// Actions whose allowed answer leaves the status as it was: asked again on a closed case, the
    /// lifecycle refuses them (the others are asked again on their own case, now in the wrong status).
    static let statusKeeping: Set<String> = ["assign", "dispose", "details", "notes", "escalate"]

    /// The case an allowed row is asked again on.
    static func again(_ row: ActionRow, current: String, closed: String, social: String) -> String {
        if statusKeeping.contains(row.action) { return closed }
        switch row.askedAgainOn {
        case .same: return current
        case .closed: return closed
        case .social: return social
        }
    }
}
