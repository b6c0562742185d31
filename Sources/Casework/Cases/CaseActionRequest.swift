import Complaints
import Foundation
import HTTP

/// What a staff request asks to do to a case: the one typed request both the JSON route and the
/// case page read their input into.
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
/// the same JSON members) into lifecycle actions. A note or reason of another type than text reads as
/// empty (the lifecycle refuses it with its own code), a flag that is not `true` as false, as always.
enum CaseActionRequest {
    /// - Parameters:
    ///   - name: the action's URL name.
    ///   - checkedPhotos: the pages' photos, already checked; nil to read `photos` from the body (base64).
    /// - Throws: `Refusal` 404 for an unknown action, 400 for missing or malformed fields.
    static func parse(_ name: String, body: JSONObjectReader, checkedPhotos: [Photo]? = nil) throws(Refusal) -> ParsedAction {
        guard let action = StaffAction(urlName: name) else { throw Refusal.unknownAction(name) }
        return try parse(action, body: body, checkedPhotos: checkedPhotos)
    }

    static func parse(_ action: StaffAction, body: JSONObjectReader, checkedPhotos: [Photo]? = nil) throws(Refusal) -> ParsedAction {
        func text(_ key: String) -> String { body.members[key].flatMap(\.text) ?? "" }
        func afterPhotos() throws(Refusal) -> [Photo] {
            if let checkedPhotos { return checkedPhotos }
            return try photos(body)
        }
        switch action {
        case .claim: return ParsedAction(actions: [.claim])
        case .verify: return ParsedAction(actions: [.verify])
        case .assign:
            guard let login = body.members["assignee"]?.text, !login.isEmpty else { throw Refusal.assigneeRequired }
            return ParsedAction(actions: [], assigneeLogin: login)
        case .dispose:
            guard let subUnit = body.members["sub_unit"]?.text, !subUnit.isEmpty else { throw Refusal.subUnitRequired }
            return ParsedAction(actions: [.dispose(to: subUnit)])
        case .details:
            guard case .object(let members)? = body.members["fields"] else { throw Refusal.fieldsRequired }
            var change: [String: String?] = [:]
            for (key, value) in members {
                if value.isNull { change[key] = .some(nil); continue }
                guard let text = value.text else { throw Refusal.fieldNotText(key) }
                change[key] = text.trimmingCharacters(in: .whitespaces).isEmpty ? .some(nil) : text
            }
            return ParsedAction(actions: [], fieldChange: change)
        case .notes:
            return ParsedAction(actions: [.addNote(text: text("note"), isPublic: body.members["public"] == .bool(true))])
        case .resolve:
            return ParsedAction(actions: [.resolve(note: text("note"))], photos: try afterPhotos())
        case .requestValidation:
            return ParsedAction(actions: [.requestValidation(note: text("note"))], photos: try afterPhotos())
        case .validate: return ParsedAction(actions: [.validate])
        case .rejectFollowUp: return ParsedAction(actions: [.rejectFollowUp(reason: text("reason"))])
        case .reject: return ParsedAction(actions: [.reject(reason: text("reason"))])
        case .postpone: return ParsedAction(actions: [.postpone(reason: text("reason"))])
        case .close: return ParsedAction(actions: [.close])
        case .duplicate:
            guard let of = TrackingCode(parsing: text("duplicate_of")) else { throw Refusal.duplicateCodeRequired }
            return ParsedAction(actions: [.markDuplicate(of: of.value)])
        case .escalate:
            return ParsedAction(actions: try escalations(body), reason: body.members["reason"]?.text)
        case .forward:
            guard let agency = body.members["agency"]?.text.nonBlank else { throw Refusal.forwardAgencyRequired }
            return ParsedAction(actions: [.forward(to: agency, reason: text("reason"))])
        case .acceptForward: return ParsedAction(actions: [.acceptForward])
        case .returnForward: return ParsedAction(actions: [.returnForward(reason: text("reason"))])
        case .investigate: return ParsedAction(actions: [.investigate])
        case .findings: return ParsedAction(actions: [.recordFindings(note: text("note"))])
        case .decide:
            guard let outcome = body.members["outcome"]?.text.flatMap(InspectionOutcome.init(rawValue:)) else {
                throw Refusal.invalidOutcome
            }
            return ParsedAction(actions: [.decide(outcome: outcome, publicNote: text("public_note"))])
        case .ask: return ParsedAction(actions: [.ask(question: text("question"))])
        }
    }

    /// `photos`: a list of base64 strings.
    private static func photos(_ body: JSONObjectReader) throws(Refusal) -> [Photo] {
        guard let value = body.members["photos"], !value.isNull else { return [] }
        guard let list = value.texts else { throw Refusal.photosNotBase64List }
        do {
            return try PhotoAllowance.photos(list) { item in
                guard let data = Data(base64Encoded: item) else { throw Refusal.photoNotBase64 }
                return [UInt8](data)
            }
        } catch let problem as PhotoProblem {
            throw Refusal.refusedPhoto(problem)
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal.photoNotBase64
        }
    }

    /// An escalation body may combine `priority`, `due_at`, `inspectorate: true` and `category`.
    private static func escalations(_ body: JSONObjectReader) throws(Refusal) -> [CaseAction] {
        var steps: [Escalation] = []
        if let value = body.members["priority"] {
            guard let priority = value.text.flatMap(Priority.init(rawValue:)) else { throw Refusal.invalidPriority }
            steps.append(.raisePriority(priority))
        }
        if let value = body.members["due_at"] {
            guard let date = value.text.flatMap({ Date(iso8601: $0) }) else { throw Refusal.invalidDueAt }
            steps.append(.setDeadline(date))
        }
        if body.members["inspectorate"] == .bool(true) { steps.append(.handToInspectorate) }
        if let value = body.members["category"] {
            guard let category = value.text, !category.isEmpty else { throw Refusal.categoryCodeRequired }
            steps.append(.moveToCategory(category))
        }
        guard !steps.isEmpty else { throw Refusal.escalationRequired }
        return steps.map { CaseAction.escalate($0) }
    }
}

extension JSONValue {
    /// The text of a JSON string; nil for every other value.
    var text: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The texts of a JSON list of strings; nil for every other value.
    var texts: [String]? {
        guard case .array(let elements) = self else { return nil }
        let texts = elements.compactMap(\.text)
        return texts.count == elements.count ? texts : nil
    }
}
