import Complaints
import HTTP

/// Why intake did not store a submission: its problems by field, and a refused photo (by its bytes, or
/// beyond the address's daily allowance). The JSON routes and the form render the same value.
public struct SubmissionRefusal: Error, Sendable, Equatable {
    /// Why the photos were refused.
    public enum Photos: Sendable, Equatable {
        case problem(PhotoProblem)
        case quotaExceeded(PhotoQuotaExceeded)
    }

    public var problems: [SubmissionProblem]
    public var photos: Photos?

    public init(problems: [SubmissionProblem] = [], photos: Photos? = nil) {
        self.problems = problems
        self.photos = photos
    }

    /// 429 when the address's photo allowance is used up, else 400.
    public var status: Int {
        if case .quotaExceeded? = photos { return PhotoQuotaExceeded.status }
        return 400
    }

    /// The messages by form field: the first problem of each field, and the photos'.
    public func messages(_ language: Language) -> [String: String] {
        var messages: [String: String] = [:]
        for problem in problems where messages[problem.field] == nil { messages[problem.field] = problem.message(language) }
        if let photos { messages["photos"] = Self.message(photos, language) }
        return messages
    }

    /// The JSON error: the photos' refusal when there is one, else the first problem; every problem
    /// by field under `fields`.
    public func jsonResponse(language: Language) -> HTTPResponse {
        let fields: [(field: String, code: String, message: String)]
        if let photos {
            fields = [("photos", Self.code(photos), Self.message(photos, language))]
        } else {
            fields = problems.map { ($0.field, $0.rawValue, $0.message(language)) }
        }
        let first = fields[0]
        return .json(["error": [
            "code": .string(first.code), "message": .string(first.message),
            "fields": .array(fields.map { ["field": .string($0.field), "code": .string($0.code), "message": .string($0.message)] }),
        ]], status: status)
    }

    private static func code(_ photos: Photos) -> String {
        switch photos {
        case .problem(let problem): return problem.rawValue
        case .quotaExceeded: return PhotoQuotaExceeded.code
        }
    }

    private static func message(_ photos: Photos, _ language: Language) -> String {
        switch photos {
        case .problem(let problem): return problem.message(language)
        case .quotaExceeded(let exceeded): return exceeded.message(language)
        }
    }
}
