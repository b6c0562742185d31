import Complaints
import Foundation
import HTTP
import HubStore

/// Turns `POST /api/v1/staff/cases/{code}/{action}` and its JSON body into lifecycle actions.
enum CaseActionRequest {
    /// - Returns: the actions to apply in order, and an internal reason to record with them.
    /// - Throws: `HTTPError` 400 for an unknown action or missing fields, 404 for an unknown path.
    static func parse(_ name: String, body: [String: Any]) throws -> ([CaseAction], String?) {
        func text(_ key: String) -> String { (body[key] as? String) ?? "" }
        switch name {
        case "claim": return ([.claim], nil)
        case "verify": return ([.verify], nil)
        case "notes":
            let isPublic = JSONField.bool(body["public"]) ?? false
            return ([.addNote(text: text("note"), isPublic: isPublic)], nil)
        case "resolve": return ([.resolve(note: text("note"))], nil)
        case "request-validation": return ([.requestValidation(note: text("note"))], nil)
        case "validate": return ([.validate], nil)
        case "reject-follow-up": return ([.rejectFollowUp(reason: text("reason"))], nil)
        case "reject": return ([.reject(reason: text("reason"))], nil)
        case "postpone": return ([.postpone(reason: text("reason"))], nil)
        case "close": return ([.close], nil)
        case "duplicate":
            guard let of = TrackingCode(parsing: text("duplicate_of")) else {
                throw HTTPError(400, "invalid_request", "duplicate_of must be a tracking code")
            }
            return ([.markDuplicate(of: of.value)], nil)
        case "escalate":
            return (try escalations(body), (body["reason"] as? String))
        default:
            throw HTTPError(404, "unknown_action", "no action \(name)")
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
