import Complaints
import Foundation
import HTTP
import HubStore
import Postgres
import ServiceKit
import Web

/// `POST /api/v1/complaints` (JSON) and `POST /complaints` (the HTML form): validate, then store the
/// complaint, its first event and its message to the owning module in one transaction, then answer.
struct SubmissionRoutes: Sendable {
    let pool: PostgresPool
    let logger: Logger

    func router() -> Router {
        var router = Router()
        let routes = self
        router.post("/api/v1/complaints") { request in try routes.submitJSON(request) }
        router.post("/complaints") { request in try routes.submitForm(request) }
        return router
    }

    func submitJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang") ?? request.headers["Accept-Language"])
        let submission = try SubmissionJSON.parse(try request.jsonObject(), channel: "api")
        do {
            let view = try pool.transaction { connection -> PublicCase in
                let receipt = try ComplaintStore.submit(submission, on: connection)
                return try PublicCase.load(receipt.trackingCode.value, on: connection)!
            }
            var object = view.jsonObject(language: language)
            object["tracking_url"] = "/track/\(view.trackingCode)"
            var response = HTTPResponse.json(object, status: 201)
            response.headers.add("Location", "/api/v1/complaints/\(view.trackingCode)")
            return response
        } catch ComplaintStore.SubmitError.invalid(let problems) {
            let first = problems[0]
            return .error(400, code: first.rawValue, message: first.message(language), extra: [
                "fields": problems.map { ["field": $0.field, "code": $0.rawValue, "message": $0.message(language)] },
            ])
        }
    }

    func submitForm(_ request: HTTPRequest) throws -> HTTPResponse {
        let language = Language(code: request.query("lang"))
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded")
        }
        let (submission, values, readProblems) = SubmissionForm.parse(try request.formFields())
        do {
            if !readProblems.isEmpty { throw ComplaintStore.SubmitError.invalid(readProblems) }
            let receipt = try pool.transaction { try ComplaintStore.submit(submission, on: $0) }
            let suffix = language == .en ? "?new=1&lang=en" : "?new=1"
            return .redirect(to: "/track/\(receipt.trackingCode.value)\(suffix)")
        } catch ComplaintStore.SubmitError.invalid(let problems) {
            var errors: [String: String] = [:]
            for problem in problems where errors[problem.field] == nil { errors[problem.field] = problem.message(language) }
            let categories = try pool.withConnection { try CategoryStore.all($0) }.map { category in
                CategoryChoice(code: category.code, name: category.name(language),
                               subcategories: category.subcategories.map { ($0.code, $0.name(language)) })
            }
            let page = ComplaintFormPage.render(categories: categories, language: language, values: values, errors: errors,
                                                formToken: FormToken.generate())
            return .html(page, status: 400)
        }
    }
}
