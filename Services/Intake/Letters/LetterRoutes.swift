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
/// leave, the public position and PDF under `/api/v1/letters/{code}` (and as the citizen's page,
/// `/letters/{code}`), and `/verify/{number}`.
struct LetterRoutes: Sendable {
    let desk: LetterDesk
    var pool: PostgresPool { desk.pool }
    var finishing: LetterFinishing { desk.finishing }

    func router() -> Router {
        var router = Router()
        let routes = self
        router.group(errors: .json) { api in
            api.get("/api/v1/letter-types") { _, _ in .json(["letter_types": .array(try routes.desk.types().map(LetterJSON.type))]) }
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
            DistrictRoutes(desk: routes.desk).install(on: &staff)
        }
        router.get("/verify/{number}") { request in try routes.verify(request) }
        router.get("/letters/{code}") { request in try routes.trackingPage(request) }
        return router
    }

    // MARK: staff

    /// `POST /api/v1/staff/letters`: the village front office enters a letter for its own village.
    func enter(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let body = try LetterRequest.newLetter(try request.jsonBody())
        let letter = try desk.enter(body, by: account, address: Acting(account.actor, through: request).address)
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
        let now = Date()
        return .json(["letters": .array(try desk.waiting(for: account, all: all).map { LetterJSON.queueRow($0, now: now) })])
    }

    /// `GET /api/v1/staff/letters/{code}`: a letter of my desa or kecamatan (or one I stand in for),
    /// with the actions I may take now.
    func staffLetter(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let found = try desk.letter(request.pathParameter("code", as: TrackingCode.self)?.value ?? "", for: account)
        return .json(LetterJSON.staffView(found.record, actions: found.actions))
    }

    /// `POST /api/v1/staff/letters/{code}/pass|return|sign|reject`. A pass at the correction step may
    /// carry the corrected `applicant` and `fields`.
    func act(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        let code = request.pathParameter("code", as: TrackingCode.self)?.value ?? ""
        let body = request.body.isEmpty ? nil : try request.jsonBody()
        let action = try LetterRequest.action(request.pathParameter("action", as: String.self) ?? "", body: body)
        let record = try desk.act(action, on: code, by: account, address: Acting(account.actor, through: request).address) {
            (try body.flatMap { try LetterRequest.texts($0, "applicant") }, try body.flatMap { try LetterRequest.texts($0, "fields") })
        }
        return .json(LetterJSON.staffView(record, actions: []))
    }

    /// `POST /api/v1/staff/leave`: a district admin records the leave of an official of their
    /// kecamatan or its villages, with a stand-in of the same desa/kelurahan or kecamatan.
    func recordLeave(_ request: HTTPRequest, account: Account) throws -> HTTPResponse {
        guard account.role == .districtAdmin else { throw Refusal.districtAdminOnly }
        let body = try request.jsonBody()
        let leave = try LetterRequest.leave(body)
        let id = try desk.recordLeave(leave, by: account, address: Acting(account.actor, through: request).address)
        return .json(["id": .integer(Int(id)), "login": .string(leave.login), "from": JSONValue(try body.string("from")),
                      "to": JSONValue(try body.string("to")), "stand_in": .string(leave.standIn)], status: 201)
    }

    // MARK: public

    /// `GET /api/v1/letters/{code}`: where the letter is, never who holds it.
    func publicLetter(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let code = request.pathParameter("code", as: TrackingCode.self),
              let record = try desk.publicLetter(code.value) else { throw Refusal.letterNotFound }
        var response = HTTPResponse.json(LetterJSON.publicView(record))
        response.headers.add("Cache-Control", "no-store")
        return response
    }

    /// `GET /letters/{code}`: the citizen's page of the public position (the receipt's address).
    func trackingPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        var response: HTTPResponse
        if let code = request.pathParameter("code", as: TrackingCode.self), let record = try desk.publicLetter(code.value) {
            let steps = record.events.map { LetterTrackingView.Step(to: $0.to, position: $0.actorPosition, at: $0.at) }
            let view = LetterTrackingView(letter: record.letter, typeName: language == .en ? record.typeNameEN : record.typeNameID, steps: steps)
            response = .html(LetterTrackingPage.render(view, language: language))
        } else {
            response = .html(LetterTrackingPage.notFound(language: language), status: 404)
        }
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
        let (verified, calendar) = try pool.withConnection {
            (try LetterStore.verify(number: number, check: check, key: finishing.key, on: $0), try CategoryStore.calendar($0))
        }
        let path = "/verify/\(number)?c=\(check.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        var response: HTTPResponse
        switch (verified, wantsJSON) {
        case (let verified?, true): response = .json(LetterJSON.verification(verified))
        case (nil, true): response = Refusal.letterNotVerified.jsonResponse
        case (let verified?, false):
            let view = LetterVerificationView(number: verified.number, typeName: language == .en ? verified.typeNameEN : verified.typeNameID,
                                              signedAt: FinishedLetter.dateWords(verified.signedAt, in: calendar), signedBy: verified.signedBy,
                                              digest: verified.digest)
            response = .html(LetterVerificationPage.render(view, path: path, language: language))
        case (nil, false): response = .html(LetterVerificationPage.notVerified(path: path, language: language), status: 404)
        }
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}

extension LetterDesk {
    /// Intake's letter desk: the hub's own PDF writer, the site's URL for the verification links, `HUB_LETTER_KEY`.
    static func intake(_ runner: ServiceRunner) -> LetterDesk {
        LetterDesk(pool: runner.pool, finishing: LetterFinishing(document: PrintedLetterDocument(),
                                                                 siteURL: runner.configuration.edge.siteURL.description,
                                                                 key: runner.configuration.letterKey))
    }
}
