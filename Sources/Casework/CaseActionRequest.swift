import Complaints
import Foundation
import HTTP
import HubStore

/// What a staff request asks to do to a case.
struct ParsedAction {
    /// The lifecycle actions to apply in order.
    var actions: [CaseAction]
    /// An internal note recorded with them (an escalation's reason).
    var reason: String?
    /// After-photos, with a resolution or a request for validation.
    var photos: [Photo] = []
    /// For `assign`: the colleague's login, turned into `.assign(to:)` once looked up.
    var assigneeLogin: String?
    /// For `details`: module fields to set (nil removes), checked against the module's profile
    /// and the case's current fields before it becomes `.updateDetails`.
    var fieldChange: [String: String?]?
}

/// Turns `POST .../cases/{code}/{action}` and its body (JSON, or the pages' form fields read into
/// the same shape) into lifecycle actions.
enum CaseActionRequest {
    /// - Throws: `HTTPError` 400 for missing or malformed fields, 404 for an unknown action.
    static func parse(_ name: String, body: [String: Any]) throws -> ParsedAction {
        func text(_ key: String) -> String { (body[key] as? String) ?? "" }
        switch name {
        case "claim": return ParsedAction(actions: [.claim])
        case "verify": return ParsedAction(actions: [.verify])
        case "assign":
            guard let login = body["assignee"] as? String, !login.isEmpty else {
                throw HTTPError(400, "invalid_request", "assign needs assignee: a colleague's login")
            }
            return ParsedAction(actions: [], assigneeLogin: login)
        case "dispose":
            guard let subUnit = body["sub_unit"] as? String, !subUnit.isEmpty else {
                throw HTTPError(400, "invalid_request", "dispose needs sub_unit: the code of a sub-unit of the case's agency")
            }
            return ParsedAction(actions: [.dispose(to: subUnit)])
        case "details":
            guard let object = body["fields"] as? [String: Any] else {
                throw HTTPError(400, "invalid_request", "details needs fields: an object of field names and text values (null removes)")
            }
            var change: [String: String?] = [:]
            for (key, value) in object {
                if value is NSNull { change[key] = .some(nil); continue }
                guard let text = value as? String else { throw HTTPError(400, "invalid_field", "\(key) must be text or null") }
                change[key] = text.trimmingCharacters(in: .whitespaces).isEmpty ? .some(nil) : text
            }
            return ParsedAction(actions: [], fieldChange: change)
        case "notes":
            let isPublic = JSONField.bool(body["public"]) ?? false
            return ParsedAction(actions: [.addNote(text: text("note"), isPublic: isPublic)])
        case "resolve":
            return ParsedAction(actions: [.resolve(note: text("note"))], photos: try photos(body))
        case "request-validation":
            return ParsedAction(actions: [.requestValidation(note: text("note"))], photos: try photos(body))
        case "validate": return ParsedAction(actions: [.validate])
        case "reject-follow-up": return ParsedAction(actions: [.rejectFollowUp(reason: text("reason"))])
        case "reject": return ParsedAction(actions: [.reject(reason: text("reason"))])
        case "postpone": return ParsedAction(actions: [.postpone(reason: text("reason"))])
        case "close": return ParsedAction(actions: [.close])
        case "duplicate":
            guard let of = TrackingCode(parsing: text("duplicate_of")) else {
                throw HTTPError(400, "invalid_request", "duplicate_of must be a tracking code")
            }
            return ParsedAction(actions: [.markDuplicate(of: of.value)])
        case "escalate":
            return ParsedAction(actions: try escalations(body), reason: body["reason"] as? String)
        default:
            throw HTTPError(404, "unknown_action", "no action \(name)")
        }
    }

    /// `photos`: a list of base64 strings (JSON), or already checked photos (the pages' multipart form).
    private static func photos(_ body: [String: Any]) throws -> [Photo] {
        if let checked = body["photos"] as? [Photo] { return checked }
        guard let value = body["photos"], !(value is NSNull) else { return [] }
        guard let list = value as? [String] else { throw HTTPError(400, "invalid_field", "photos must be a list of base64 strings") }
        do {
            return try PhotoAllowance.photos(list) { item in
                guard let data = Data(base64Encoded: item) else { throw HTTPError(400, "invalid_field", "photos must be base64") }
                return [UInt8](data)
            }
        } catch let problem as PhotoProblem {
            throw HTTPError(400, problem.rawValue, problem.message(.en))
        }
    }

    /// An escalation body may combine `priority`, `due_at`, `inspectorate: true` and `category`.
    private static func escalations(_ body: [String: Any]) throws -> [CaseAction] {
        var steps: [Escalation] = []
        if let value = body["priority"] {
            guard let text = value as? String, let priority = Priority(rawValue: text) else {
                throw HTTPError(400, "invalid_priority", "priority must be one of low, normal, high, urgent")
            }
            steps.append(.raisePriority(priority))
        }
        if let value = body["due_at"] {
            guard let text = value as? String, let date = Date(iso8601: text) else {
                throw HTTPError(400, "invalid_due_at", "due_at must be an ISO 8601 timestamp with a time zone")
            }
            steps.append(.setDeadline(date))
        }
        if JSONField.bool(body["inspectorate"]) == true { steps.append(.handToInspectorate) }
        if let value = body["category"] {
            guard let category = value as? String, !category.isEmpty else {
                throw HTTPError(400, "unknown_category", "category must be a category code")
            }
            steps.append(.moveToCategory(category))
        }
        guard !steps.isEmpty else {
            throw HTTPError(400, "invalid_request", "escalate needs at least one of priority, due_at, inspectorate, category")
        }
        return steps.map { CaseAction.escalate($0) }
    }
}
