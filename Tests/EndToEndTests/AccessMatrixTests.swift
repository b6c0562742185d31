import Foundation
import HTTP
import Postgres
import TestSupport
import Testing

/// The access matrix over HTTP, through the gateway: every role against every staff and inspector
/// endpoint, each answer with its exact status. The expected matrix is written out as tables below,
/// read from the rules: `Lifecycle.permits` and `Lifecycle.target` (who may do what, from which
/// status), `StaffAccess.canSee` (staff, supervisors and validators see their own module's cases and
/// never the inspectorate's; inspectors see every case, admins every case but the inspectorate's),
/// `QueueRequest` (the inspectorate queue is the inspectors' alone, as DESIGN.md says; `module` is a
/// filter for those who see every module) and the session routes (accounts are the admins', inspector accounts the inspectors').
@Suite(.serialized)
struct AccessMatrixTests {
    /// Every answer a role received, to look for leaks afterwards.
    final class Answers {
        var received: [(who: Who, what: String, text: String)] = []
    }

    // MARK: helpers

    static func errorCode(_ response: HTTPResponse) -> String? {
        (response.jsonObject["error"] as? [String: Any])?["code"] as? String
    }

    /// The error code a refusal carries on the JSON paths.
    static func expectedCode(_ status: Int, forbidden: String) -> String? {
        switch status {
        case 401: return "unauthenticated"
        case 403: return forbidden
        case 404: return "case_not_found"
        case 409: return "invalid_transition"
        default: return nil
        }
    }

    /// A new letter type for the matrix's POST (only the admin's is stored).
    static func letterType(code: String) -> [String: Any] {
        ["code": code, "name_id": "Surat matriks", "name_en": "Matrix letter", "classification": "470", "fields": [] as [Any],
         "body_template": "Menerangkan bahwa {{applicant.name}} tinggal di sini.", "reaches_district": false, "deadline_days": 3]
    }

    static func submit(_ hub: RunningHub, _ body: [String: Any]) throws -> String {
        let created = try hub.post("/api/v1/complaints", json: body)
        guard created.status == 201, let code = created.jsonObject["tracking_code"] as? String else {
            throw TestSupportError("submission failed: \(created.status) \(created.text)")
        }
        return code
    }

    @Test func everyRoleGetsExactlyTheAnswerTheRulesGiveOnEveryStaffEndpoint() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        var tokens: [Who: String] = [:]
        for who in Who.allCases {
            guard let account = who.account else { continue }
            let made = try hub.hubctl(["user", "add", account.login] + account.arguments, input: account.password + "\n")
            #expect(made.status == 0, "hubctl user add \(account.login): \(made.output)")
        }
        for who in Who.allCases {
            guard let account = who.account else { continue }
            tokens[who] = try hub.logIn(account.login, account.password)
        }
        let answers = Answers()

        /// Sends one request as `who` (Bearer token for JSON, the session cookie for pages) and keeps the answer.
        func send(_ method: String, _ path: String, as who: Who, json: [String: Any]? = nil) throws -> HTTPResponse {
            var headers: [(String, String)] = []
            if let token = tokens[who] {
                headers.append(path.hasPrefix("/staff/") ? ("Cookie", "hub_session=\(token)") : ("Authorization", "Bearer \(token)"))
            }
            var body: [UInt8] = []
            if method == "POST" || method == "PATCH" {
                headers.append(("Content-Type", "application/json"))
                body = [UInt8](try JSONSerialization.data(withJSONObject: json ?? [:]))
            }
            let response = try hub.request(method, path, headers: headers, body: body)
            answers.received.append((who, "\(method) \(path)", response.text))
            return response
        }

        // The cases: one dispatched public-works case with a named reporter, one of the inspectorate,
        // one social case, and fresh public-works cases for every action row (one per role it allows).
        let publicWorks = try Self.submit(hub, [
            "category": "pekerjaan-umum", "description": "Jalan berlubang \(Self.publicWorksMark)", "kelurahan": "Sukajadi",
            "anonymous": false, "confidential": false,
            "contact": ["name": "Warga Matriks", "email": Self.reporterEmail, "phone": Self.reporterPhone],
        ])
        let inspectorateBody: [String: Any] = [
            "category": "pekerjaan-umum", "description": "Petugas minta uang \(Self.publicWorksMark) \(Self.inspectorateMark)",
            "anonymous": false, "contact": ["email": Self.inspectorateEmail, "phone": Self.inspectoratePhone],
        ]
        let inspectorate = try Self.submit(hub, inspectorateBody)
        let social = try Self.submit(hub, ["category": "sosial", "description": "Lansia terlantar \(Self.socialMark)",
                                           "anonymous": false, "contact": ["email": Self.socialEmail]])
        let closed = try Self.submit(hub, ["category": "pekerjaan-umum", "description": "Drainase \(Self.publicWorksMark)"])
        var rowCases: [[String]] = []
        for row in Self.actions {
            let count = max(1, row.expected.filter { $0 / 100 == 2 }.count)
            rowCases.append(try (0..<count).map { index in
                try Self.submit(hub, row.inspectorate ? inspectorateBody : row.forwarded ? [
                    "category": "pekerjaan-umum", "description": "\(row.action) #\(index) \(Self.forwardedMark)",
                    "anonymous": false, "contact": ["email": Self.forwardedEmail],
                ] : [
                    "category": "pekerjaan-umum", "description": "\(row.action) #\(index) \(Self.publicWorksMark)",
                    "anonymous": false, "contact": ["email": Self.reporterEmail, "phone": Self.reporterPhone],
                ])
            })
        }
        try hub.waitForStatus([publicWorks, inspectorate, social, closed] + rowCases.flatMap { $0 })

        // The admin brings each case to where its row starts; these are the only other writes.
        var allowedActions = 0
        func prepare(_ code: String, _ steps: [(String, [String: Any])]) throws {
            for (action, body) in steps {
                let response = try hub.post("/api/v1/staff/cases/\(code)/\(action)", json: body,
                                            token: tokens[Self.inspectorsOwn.contains(action) ? .inspector : .admin])
                guard response.status == 200 else { throw TestSupportError("setup \(action) on \(code): \(response.status) \(response.text)") }
                allowedActions += 1
            }
        }
        try prepare(inspectorate, [Self.toInspectorate])
        try prepare(closed, [("claim", [:]), ("resolve", ["note": "Beres"]), ("close", [:])])
        for (row, codes) in zip(Self.actions, rowCases) where !row.forwarded {
            for code in codes { try prepare(code, row.setup) }
        }

        // 1. Everything that is not a case action.
        var accountNumber = 0
        for (endpoint, expected) in Self.endpoints {
            let parts = endpoint.split(separator: " ", maxSplits: 1).map(String.init)
            let path = parts[1].replacingOccurrences(of: "{public-works}", with: publicWorks)
                .replacingOccurrences(of: "{inspectorate}", with: inspectorate)
            for who in Who.allCases {
                accountNumber += 1
                let body: [String: Any]? = parts[0] == "PATCH" ? ["deadline_days": 4]
                    : parts[0] != "POST" ? nil
                    : path.contains("/admin/letter-types") ? Self.letterType(code: "matriks-\(accountNumber)")
                    : path.contains("/admin/") ? ["day": "2031-06-\(10 + accountNumber % 18)", "name_id": "Libur matriks", "name_en": "Matrix holiday"]
                    : ["login": "baru.\(accountNumber)", "password": "sandi-baru-\(accountNumber)", "role": "staff", "module": "tourism"]
                let response = try send(parts[0], path, as: who, json: body)
                let want = expected[who.rawValue]
                #expect(response.status == want, "\(who) \(endpoint): \(response.status) \(response.text.prefix(200))")
                if path.hasPrefix("/staff/") {
                    if want == 303 {
                        // The login leads back to the page asked for; the plain queue is where it leads anyway.
                        let next = path == "/staff/" ? "" : "?" + FormDecoder.encode([("next", path)])
                        #expect(response.headers["Location"] == "/staff/login" + next, "\(who) \(endpoint): sent to the login page")
                    }
                } else if want >= 400 {
                    let forbidden = endpoint == "POST /api/v1/staff/accounts" && who == .inspector ? "forbidden_role"
                        : endpoint.contains("inspectorate=true") || !endpoint.contains("module=") ? "forbidden" : "forbidden_module"
                    #expect(Self.errorCode(response) == Self.expectedCode(want, forbidden: forbidden),
                            "\(who) \(endpoint): error code in \(response.text.prefix(200))")
                }
            }
        }

        // A case the account may not see answers exactly like a code nobody has: not even its existence shows.
        let unknownCode = "ABCDEFGHJKMNP"
        for (who, code, name) in [(Who.staffSocial, publicWorks, "{public-works}"), (.staffPublicWorks, inspectorate, "{inspectorate}"),
                                  (.validatorPublicWorks, inspectorate, "{inspectorate}")] {
            let hidden = try send("GET", "/api/v1/staff/cases/\(code)", as: who)
            let unknown = try send("GET", "/api/v1/staff/cases/\(unknownCode)", as: who)
            #expect(hidden.status == unknown.status && hidden.text.replacingOccurrences(of: code, with: unknownCode) == unknown.text,
                    "\(who) GET /api/v1/staff/cases/\(name): \(hidden.text) differs from an unknown code's \(unknown.text)")
        }

        // What the allowed answers hold: reporters where the rules show them, and queues within reach.
        let staffDetail = try send("GET", "/api/v1/staff/cases/\(publicWorks)", as: .staffPublicWorks).jsonObject
        #expect((staffDetail["reporter"] as? [String: Any])?["email"] as? String == Self.reporterEmail,
                "staff(public-works) GET /api/v1/staff/cases/{public-works}: a named reporter is shown to the owning staff")
        let inspectorDetail = try send("GET", "/api/v1/staff/cases/\(inspectorate)", as: .inspector).jsonObject
        #expect(inspectorDetail["inspectorate"] as? Bool == true, "inspector GET /api/v1/staff/cases/{inspectorate}")
        func queue(_ who: Who, _ query: String = "") throws -> Set<String> {
            let listed = try send("GET", "/api/v1/staff/queue\(query)", as: who).jsonObject["cases"] as? [[String: Any]] ?? []
            return Set(listed.compactMap { $0["tracking_code"] as? String })
        }
        for who in [Who.staffPublicWorks, .supervisorPublicWorks, .validatorPublicWorks] {
            for query in ["", "?module=public-works"] {
                let listed = try queue(who, query)
                #expect(listed.contains(publicWorks), "\(who) GET /api/v1/staff/queue\(query): own module's case listed")
                #expect(!listed.contains(social), "\(who) GET /api/v1/staff/queue\(query): no social case")
                #expect(!listed.contains(inspectorate), "\(who) GET /api/v1/staff/queue\(query): no inspectorate case")
            }
        }
        for query in ["", "?module=social"] {
            let listed = try queue(.staffSocial, query)
            #expect(listed == [social], "staff(social) GET /api/v1/staff/queue\(query): only the social case, got \(listed.sorted())")
        }
        let inspectorateQueue = try queue(.inspector, "?inspectorate=true")
        #expect(inspectorateQueue.contains(inspectorate) && !inspectorateQueue.contains(publicWorks) && !inspectorateQueue.contains(social),
                "inspector GET /api/v1/staff/queue?inspectorate=true: the inspectorate's cases only")
        let inspectorQueue = try queue(.inspector)
        #expect(inspectorQueue.isSuperset(of: [publicWorks, social, inspectorate]), "inspector GET /api/v1/staff/queue: every module")
        let moduleQueue = try queue(.inspector, "?module=social")
        #expect(moduleQueue == [social], "inspector GET /api/v1/staff/queue?module=social: that module only, got \(moduleQueue.sorted())")
        let page = try send("GET", "/staff/cases/\(publicWorks)", as: .validatorPublicWorks)
        #expect(page.text.contains(Self.reporterEmail), "validator(public-works) GET /staff/cases/{public-works}: reporter shown")
        #expect(!page.text.contains("id=\"action-claim\""), "validator(public-works) GET /staff/cases/{public-works}: no claim form")
        let socialPage = try send("GET", "/staff/", as: .staffSocial)
        #expect(socialPage.text.contains("data-code=\"\(social)\"") && !socialPage.text.contains("data-code=\"\(publicWorks)\""),
                "staff(social) GET /staff/: its own queue only")
        let publicWorksPage = try send("GET", "/staff/", as: .supervisorPublicWorks)
        #expect(!publicWorksPage.text.contains("data-code=\"\(inspectorate)\""), "supervisor(public-works) GET /staff/: no inspectorate case")

        // 2. Every case action, each in a status where the lifecycle allows it: refused roles first (the
        //    case must not change), then each allowed role on a fresh case, then the same again, now in
        //    a status the lifecycle has no road from: 409.
        for (row, codes) in zip(Self.actions, rowCases) {
            if row.forwarded {
                for code in codes { try prepare(code, row.setup) }
            }
            let before = try hub.get("/api/v1/complaints/\(codes[0])").jsonObject["status"] as? String
            let body = row.body.mapValues { ($0 as? String) == "{public-works}" ? publicWorks : $0 }
            var fresh = codes.makeIterator()
            var current = codes[0]
            for who in Who.allCases where row.expected[who.rawValue] / 100 != 2 {
                let response = try send("POST", "/api/v1/staff/cases/\(current)/\(row.action)", as: who, json: body)
                let want = row.expected[who.rawValue]
                #expect(response.status == want, "\(who) \(row.label): \(response.status) \(response.text.prefix(200))")
                #expect(Self.errorCode(response) == Self.expectedCode(want, forbidden: "forbidden_action"),
                        "\(who) \(row.label): error code in \(response.text.prefix(200))")
            }
            let untouched = try hub.get("/api/v1/complaints/\(current)").jsonObject["status"] as? String
            #expect(untouched == before, "\(row.label): refused requests left the status \(before ?? "nil"), now \(untouched ?? "nil")")
            for who in Who.allCases where row.expected[who.rawValue] / 100 == 2 {
                current = fresh.next() ?? current
                let response = try send("POST", "/api/v1/staff/cases/\(current)/\(row.action)", as: who, json: body)
                #expect(response.status == row.expected[who.rawValue], "\(who) \(row.label): \(response.status) \(response.text.prefix(200))")
                #expect(response.jsonObject["status"] as? String == row.after, "\(who) \(row.label): status after")
                if response.status == 200 { allowedActions += 1 }
                let again = try send("POST", "/api/v1/staff/cases/\(Self.again(row, current: current, closed: closed, social: social))/\(row.action)",
                                     as: who, json: body)
                #expect(again.status == 409, "\(who) \(row.label) in the wrong status: \(again.status) \(again.text.prefix(200))")
                #expect(Self.errorCode(again) == "invalid_transition", "\(who) \(row.label) in the wrong status: \(again.text.prefix(200))")
            }
        }
        // An unknown action is not a permission question.
        #expect(try send("POST", "/api/v1/staff/cases/\(publicWorks)/approve", as: .admin).status == 404,
                "admin POST /api/v1/staff/cases/{public-works}/approve")

        // 3. Nothing leaks: staff of another module never get the other module's data or its reporters;
        //    staff, supervisors and validators never get an inspectorate case or its reporter.
        for (who, what, text) in answers.received {
            if who == .staffSocial {
                for secret in [Self.publicWorksMark, Self.reporterEmail, Self.reporterPhone, Self.inspectorateEmail] {
                    #expect(!text.contains(secret), "\(who) \(what): received \(secret)")
                }
            }
            if who == .staffPublicWorks || who == .supervisorPublicWorks || who == .validatorPublicWorks {
                #expect(!text.contains(Self.socialMark) && !text.contains(Self.socialEmail), "\(who) \(what): received the social case")
            }
            if who.isModuleBound || who == .noSession {
                for secret in [Self.inspectorateMark, Self.inspectorateEmail, Self.inspectoratePhone] {
                    #expect(!text.contains(secret), "\(who) \(what): received the inspectorate's \(secret)")
                }
            }
            if who == .noSession {
                #expect(!text.contains(Self.reporterEmail) && !text.contains(Self.publicWorksMark), "\(who) \(what): received case data")
            }
        }

        // Refusals write nothing: the audit log holds exactly the allowed case actions.
        let audited = try PostgresConnection(conninfo: url)
            .query("select count(*)::int as n from audit_log where complaint_id is not null")[0].decode("n", as: Int.self)
        #expect(audited == allowedActions, "audit_log: one row per allowed case action, none for a refusal")
    }
}
