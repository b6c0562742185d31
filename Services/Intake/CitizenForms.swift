import Complaints
import HTTP
import ServiceKit

/// What the citizen's small requests that mail a contact share (a lost code, a follow): the page
/// form's urlencoded body, the page for each outcome, and the JSON acceptance.
enum CitizenForms {
    /// The page form's fields.
    /// - Throws: `HTTPError` 415 for another media type.
    static func fields(_ request: HTTPRequest) throws -> [(name: String, value: String)] {
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw HTTPError(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded")
        }
        return try request.formFields()
    }

    /// The page of a form's outcome: `done`'s page, or `refused`'s with the refusal's code and words and
    /// its status (429 with Retry-After over a limit).
    static func page(language: Language, _ done: () throws -> String,
                     refused: ((code: String, message: String)) -> String) throws -> HTTPResponse {
        do {
            return .html(try done())
        } catch let refusal as Refusal {
            return .html(refused((refusal.code, refusal.message(language))), status: refusal.status)
        } catch let limited as RateLimited {
            var response = HTTPResponse.html(refused(("rate_limited", limited.message(language: language.rawValue))), status: 429)
            response.headers.add("Retry-After", String(limited.retryAfter))
            return response
        }
    }

    /// 202 `{"status", "message"}`, never cached.
    static func accepted(_ status: String, message: String) -> HTTPResponse {
        var response = HTTPResponse.json(["status": .string(status), "message": .string(message)], status: 202)
        response.headers.add("Cache-Control", "no-store")
        return response
    }
}
