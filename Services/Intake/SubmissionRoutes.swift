import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// `POST /api/v1/complaints` (JSON) and `POST /complaints` (the HTML form, urlencoded or multipart):
/// validate, then store the complaint, its photos, its first event and its message to the owning
/// module in one transaction, then answer. A repeated idempotency key or form token answers with the
/// complaint the first submission created.
struct SubmissionRoutes: Sendable {
    let pool: PostgresPool
    let logger: Logger
    /// Photo bytes each client address may store per day.
    let quota: PhotoQuota

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints") { request in try routes.submitJSON(request) }
        router.post("/complaints", options: .uploads) { request in try routes.submitForm(request) }
        return router
    }

    /// Stores a submission, retrying once when a concurrent twin with the same idempotency key
    /// committed first (the retry then finds and replays it).
    /// - Parameters:
    ///   - address: the client the photos are charged to (`HTTPRequest.clientAddress`).
    ///   - recording: more writes for the submission's transaction (the desk's audit record), made only
    ///     when the complaint is new.
    /// - Throws: `PhotoQuotaExceeded` (nothing stored) when the photos pass the address's allowance.
    func store(_ submission: ComplaintSubmission, from address: String, idempotency: ComplaintStore.IdempotencyKey?,
               recording: ((PostgresConnection, ComplaintStore.Receipt) throws -> Void)? = nil) throws -> ComplaintStore.Receipt {
        func attempt() throws -> ComplaintStore.Receipt {
            try pool.transaction { connection in
                let receipt = try ComplaintStore.submit(submission, idempotency: idempotency, on: connection)
                if !receipt.replayed {
                    try quota.charge(submission.photos, to: address, on: connection)
                    try recording?(connection, receipt)
                }
                return receipt
            }
        }
        do {
            return try attempt()
        } catch let error as PostgresError where error.constraintName == "idempotency_keys_pkey" {
            return try attempt()
        }
    }

    func submitJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        try answerJSON(request, channel: .api)
    }

    /// A JSON submission from any channel that speaks JSON (the API, the walk-in desk): parse, store
    /// under the request's Idempotency-Key, answer 201 with the public view, or the refusal.
    func answerJSON(_ request: HTTPRequest, channel: Channel,
                    recording: ((PostgresConnection, ComplaintStore.Receipt) throws -> Void)? = nil) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        let submission: ComplaintSubmission
        do {
            submission = try SubmissionJSON.parse(try request.jsonObject(), channel: channel)
        } catch let problem as PhotoProblem {
            return Self.photoRefusal(problem, language: language)
        }
        let idempotency = ComplaintStore.IdempotencyKey(scope: channel.rawValue, key: request.headers["Idempotency-Key"])
        if request.headers["Idempotency-Key"] != nil && idempotency == nil {
            throw HTTPError(400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 200 visible ASCII characters")
        }
        do {
            let receipt = try store(submission, from: request.clientAddress, idempotency: idempotency, recording: recording)
            guard let view = try pool.withConnection({ try PublicCase.load(receipt.trackingCode.value, on: $0) }) else {
                throw HTTPError(500, "internal_error", "stored complaint not found")
            }
            var object = view.jsonObject(language: language)
            object["tracking_url"] = "/track/\(view.trackingCode)"
            var response = HTTPResponse.json(object, status: 201)
            response.headers.add("Location", "/api/v1/complaints/\(view.trackingCode)")
            if receipt.replayed { response.headers.add("Idempotent-Replayed", "true") }
            return response
        } catch ComplaintStore.SubmitError.invalid(let problems) {
            return Self.refusal(problems, language: language)
        } catch ComplaintStore.SubmitError.idempotencyKeyReused {
            throw HTTPError(422, "idempotency_key_reused", "this Idempotency-Key was used for a different complaint")
        } catch let exceeded as PhotoQuotaExceeded {
            return Self.quotaRefusal(exceeded, language: language)
        }
    }

    func submitForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        let (fields, photoBytes) = try request.formSubmission(fileField: "photos")
        let parsed = SubmissionForm.parse(fields)
        var submission = parsed.0
        let values = parsed.1
        var readProblems = parsed.2
        var photoError: String?
        var status = 400
        do {
            submission.photos = try PhotoAllowance.photos(photoBytes)
        } catch let problem as PhotoProblem {
            photoError = problem.message(language)
        }
        let token = ComplaintStore.IdempotencyKey(scope: "form", key: fields.first { $0.name == "form_token" }?.value)
        do {
            if !readProblems.isEmpty || photoError != nil { throw ComplaintStore.SubmitError.invalid(readProblems) }
            let receipt = try store(submission, from: request.clientAddress, idempotency: token)
            let suffix = language == .en ? "?new=1&lang=en" : "?new=1"
            return .redirect(to: "/track/\(receipt.trackingCode.value)\(suffix)")
        } catch ComplaintStore.SubmitError.invalid(let problems) {
            readProblems = problems
        } catch ComplaintStore.SubmitError.idempotencyKeyReused {
            // The page was reused (back button) and edited: the edit is a complaint of its own.
            let receipt = try store(submission, from: request.clientAddress, idempotency: nil)
            return .redirect(to: "/track/\(receipt.trackingCode.value)\(language == .en ? "?new=1&lang=en" : "?new=1")")
        } catch let exceeded as PhotoQuotaExceeded {
            photoError = exceeded.message(language)
            status = PhotoQuotaExceeded.status
        }
        var errors: [String: String] = [:]
        for problem in readProblems where errors[problem.field] == nil { errors[problem.field] = problem.message(language) }
        if let photoError { errors["photos"] = photoError }
        let categories = try pool.withConnection { try CategoryStore.all($0) }.map { CategoryChoice($0, language: language) }
        let page = ComplaintFormPage.render(categories: categories, language: language, values: values, errors: errors,
                                            formToken: FormToken.generate())
        return .html(page, status: status)
    }

    /// The JSON 400 for a refused photo.
    static func photoRefusal(_ problem: PhotoProblem, language: Language) -> HTTPResponse {
        .error(400, code: problem.rawValue, message: problem.message(language),
               extra: ["fields": [["field": "photos", "code": problem.rawValue, "message": problem.message(language)]]])
    }

    /// The JSON 429 for photos beyond the address's daily allowance.
    static func quotaRefusal(_ exceeded: PhotoQuotaExceeded, language: Language) -> HTTPResponse {
        let message = exceeded.message(language)
        return .error(PhotoQuotaExceeded.status, code: PhotoQuotaExceeded.code, message: message,
                      extra: ["fields": [["field": "photos", "code": PhotoQuotaExceeded.code, "message": message]]])
    }

    /// The JSON 400 for a refused submission: the first problem, and every problem by field.
    static func refusal(_ problems: [SubmissionProblem], language: Language) -> HTTPResponse {
        let first = problems[0]
        return .error(400, code: first.rawValue, message: first.message(language), extra: [
            "fields": problems.map { ["field": $0.field, "code": $0.rawValue, "message": $0.message(language)] },
        ])
    }
}
