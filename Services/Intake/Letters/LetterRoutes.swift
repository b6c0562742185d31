import Casework
import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// Letters between village and sub-district (PETUNG DADI), served by intake, which owns the
/// Administrasi Pemerintahan category: the types, the desks' JSON under `/api/v1/staff/letters`,
/// leave, the public position and PDF under `/api/v1/letters/{code}`, and `/verify/{number}`.
struct LetterRoutes: Sendable {
    let pool: PostgresPool
    let finishing: LetterFinishing

    func router() -> Router {
        var router = Router()
        let routes = self
        router.group(errors: .json) { api in
            api.get("/api/v1/letter-types") { _, _ in
                let types = try routes.pool.withConnection { try LetterTypeStore.all(on: $0) }
                return .json(["letter_types": .array(types.map(LetterJSON.type))])
            }
            api.get("/api/v1/letters/{code}") { request, _ in try routes.publicLetter(request) }
            api.get("/api/v1/letters/{code}/pdf") { request, _ in try routes.pdf(request) }
        }
        router.group("/api/v1/staff", errors: .json) { staff in
            staff.add(middleware: StaffSessionMiddleware(.stored(in: pool), .api()))
            staff.get("/letters") { request, context in try routes.queue(request, account: try context.staffAccount()) }
            staff.post("/letters") { request, context in try routes.enter(request, account: try context.staffAccount()) }
            staff.get("/letters/{code}") { request, context in try routes.staffLetter(request, account: try context.staffAccount()) }
            staff.post("/letters/{code}/{action}") { request, context in try routes.act(request, account: try context.staffAccount()) }
            staff.post("/leave") { request, context in try routes.recordLeave(request, account: try context.staffAccount()) }
        }
        router.get("/verify/{number}") { request in try routes.verify(request) }
        return router
    }

    /// The official behind a signed-in account.
    /// - Throws: `Refusal.letterRolesOnly` for an account of no letter role.
    func official(_ account: Account, on connection: PostgresConnection) throws -> Official {
        guard let official = try OfficialStore.official(account, on: connection) else { throw Refusal.letterRolesOnly }
        return official
    }

    // MARK: staff

    /// `POST /api/v1/staff/letters`: the village front office enters a letter for its own village.
    func enter(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let body = try LetterRequest.newLetter(try request.jsonBody())
        let letter = try pool.transaction { connection -> Letter in
            let official = try official(account, on: connection)
            guard official.position == .villageFrontOffice else { throw Refusal.roleMayNotDoThis }
            if let village = body.village, village != official.region.value { throw Refusal.wrongVillage }
            guard let type = try LetterTypeStore.find(body.type, on: connection) else { throw Refusal.unknownLetterType }
            let applicant = try Applicant(values: body.applicant)
            let fields = try type.check(fields: body.fields)
            return try LetterStore.enter(type: type, applicant: applicant, fields: fields, village: official.region, by: official,
                                         address: Acting(account.actor, through: request).address,
                                         calendar: try CategoryStore.calendar(connection), on: connection)
        }
        var members = LetterJSON.position(letter)
        members["tracking_url"] = .string("/api/v1/letters/\(letter.code)")
        return .json(.object(members), status: 201)
    }

    /// `GET /api/v1/staff/letters`: the letters waiting on my desk (`?all=true`: every one I may see).
    func queue(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let all: Bool
        switch request.query("all") {
        case nil, "false": all = false
        case "true": all = true
        default: throw Refusal(status: 400, code: "invalid_request", id: "all harus true atau false.", en: "all must be true or false")
        }
        let letters = try pool.withConnection { connection -> [LetterRecord] in
            let official = try official(account, on: connection)
            let today = try CategoryStore.calendar(connection).day(of: Date())
            return try LetterStore.waiting(for: official, all: all, today: today, on: connection)
        }
        return .json(["letters": .array(letters.map(LetterJSON.queueRow))])
    }

    /// `GET /api/v1/staff/letters/{code}`: a letter of my desa or kecamatan (or one I stand in for),
    /// with the actions I may take now.
    func staffLetter(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let code = request.pathParameter("code", as: TrackingCode.self)?.value ?? ""
        let view = try pool.withConnection { connection -> JSONValue in
            let official = try official(account, on: connection)
            guard let record = try LetterStore.find(code, on: connection) else { throw Refusal.letterNotFound }
            let today = try CategoryStore.calendar(connection).day(of: Date())
            let desk = try OfficialStore.desk(for: record.letter, actor: official, today: today, on: connection)
            let standing = try? LetterChain.standing(of: official, on: record.letter, desk: desk)
            guard LetterStore.canSee(official, record.letter) || standing != nil else { throw Refusal.letterNotFound }
            let actions = standing == nil ? [] : LetterAction.Kind.allCases.filter(record.letter.step.allowed.contains)
            return LetterJSON.staffView(record, actions: actions)
        }
        return .json(view)
    }

    /// `POST /api/v1/staff/letters/{code}/pass|return|sign|reject`. A pass at the correction step may
    /// carry the corrected `applicant` and `fields`.
    func act(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let code = request.pathParameter("code", as: TrackingCode.self)?.value ?? ""
        let body = request.body.isEmpty ? nil : try request.jsonBody()
        let action = try LetterRequest.action(request.pathParameter("action", as: String.self) ?? "", body: body)
        let record = try pool.transaction { connection -> LetterRecord? in
            let official = try official(account, on: connection)
            // Read after the role is known, so an account of no letter role is refused as such whatever it sent.
            let correction = try body.map { (try LetterRequest.texts($0, "applicant"), try LetterRequest.texts($0, "fields")) }
            let calendar = try CategoryStore.calendar(connection)
            let transition = try LetterStore.perform(action, on: code, by: official, address: Acting(account.actor, through: request).address,
                                                     finishing: finishing, calendar: calendar, on: connection)
            if transition.event.from == .correction, let correction, correction.0 != nil || correction.1 != nil {
                guard let type = try LetterTypeStore.find(transition.letter.typeCode, on: connection) else { throw Refusal.unknownLetterType }
                let applicant = try correction.0.map { try Applicant(values: $0) }
                let fields = try correction.1.map { try type.check(fields: $0) }
                try LetterStore.correct(transition.letter.id, applicant: applicant, fields: fields, on: connection)
            }
            return try LetterStore.find(code, on: connection)
        }
        guard let record else { throw Refusal.letterNotFound }
        return .json(LetterJSON.staffView(record, actions: []))
    }

    /// `POST /api/v1/staff/leave`: a district admin records the leave of an official of their
    /// kecamatan or its villages, with a stand-in of the same desa/kelurahan or kecamatan.
    func recordLeave(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        guard account.role == .districtAdmin else { throw Refusal.districtAdminOnly }
        let leave = try LetterRequest.leave(try request.jsonBody())
        try pool.transaction { connection in
            let admin = try official(account, on: connection)
            guard let absent = try OfficialStore.official(login: leave.login, on: connection) else { throw Refusal.officialNotFound }
            guard absent.region.district == admin.region else { throw Refusal.outsideDistrict }
            guard let standIn = try OfficialStore.official(login: leave.standIn, on: connection), standIn.accountID != absent.accountID,
                  standIn.region == absent.region, standIn.position != .districtAdmin else {
                throw Refusal.standInNotEligible
            }
            try OfficialStore.recordLeave(Leave(accountID: absent.accountID, fromDay: leave.fromDay, toDay: leave.toDay,
                                                standInID: standIn.accountID),
                                          by: account, address: Acting(account.actor, through: request).address, on: connection)
        }
        let body = try request.jsonBody()
        return .json(["login": .string(leave.login), "from": JSONValue(try body.string("from")), "to": JSONValue(try body.string("to")),
                      "stand_in": .string(leave.standIn)], status: 201)
    }

    // MARK: public

    /// `GET /api/v1/letters/{code}`: where the letter is, never who holds it.
    func publicLetter(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let record = try pool.withConnection({ try LetterStore.find(code.value, on: $0) }) else { throw Refusal.letterNotFound }
        var response = HTTPResponse.json(LetterJSON.publicView(record))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// `GET /api/v1/letters/{code}/pdf` once ready; the code is the credential.
    func pdf(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let found = try pool.withConnection({ try LetterStore.pdf(code: code.value, on: $0) }) else { throw Refusal.letterNotFound }
        guard found.ready, let bytes = found.bytes else { throw Refusal.letterNotReady }
        var response = HTTPResponse(status: 200, body: bytes)
        response.headers.add("Content-Type", "application/pdf")
        response.headers.add("Content-Disposition", "inline; filename=\"surat-\(found.number ?? code.value).pdf\"")
        response.headers.add("Cache-Control", "private, no-store")
        response.headers.add("X-Content-Type-Options", "nosniff")
        return response
    }

    /// `GET /verify/{number}?c={check}`: a page, or JSON with `Accept: application/json`.
    func verify(_ request: HTTPRequest) throws -> HTTPResponse {
        let number = request.pathParameter("number", as: String.self) ?? ""
        let check = request.query("c") ?? ""
        let wantsJSON = request.headers["Accept"]?.contains("application/json") == true
        let language = Language(code: request.query("lang") ?? (wantsJSON ? request.headers["Accept-Language"] : nil))
        let verified = try pool.withConnection { try LetterStore.verify(number: number, check: check, key: finishing.key, on: $0) }
        let path = "/verify/\(number)?c=\(check.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        var response: HTTPResponse
        switch (verified, wantsJSON) {
        case (let verified?, true): response = .json(LetterJSON.verification(verified))
        case (nil, true): response = Refusal.letterNotVerified.jsonResponse
        case (let verified?, false):
            let view = LetterVerificationView(number: verified.number, typeName: language == .en ? verified.typeNameEN : verified.typeNameID,
                                              signedAt: FinishedLetter.dateWords(verified.signedAt), signedBy: verified.signedBy,
                                              digest: verified.digest)
            response = .html(LetterVerificationPage.render(view, path: path, language: language))
        case (nil, false): response = .html(LetterVerificationPage.notVerified(path: path, language: language), status: 404)
        }
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
