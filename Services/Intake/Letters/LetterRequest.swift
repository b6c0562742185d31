import Casework
import Complaints
import HTTP

/// The JSON bodies of the letter API, read into typed values: a new letter, a reason, a leave.
enum LetterRequest {
    /// `{"type", "village"?, "applicant": {...}, "fields": {...}}` of `POST /api/v1/staff/letters`.
    typealias NewLetter = LetterDesk.Entry

    /// - Throws: `Refusal.letterRequestShape` for a body that is not of that shape.
    static func newLetter(_ body: JSONObjectReader) throws -> NewLetter {
        let type: String?, village: String?
        do {
            type = try body.string("type")
            village = try body.string("village")
        } catch {
            throw Refusal.letterRequestShape
        }
        guard let type, let applicant = try texts(body, "applicant") else { throw Refusal.letterRequestShape }
        return NewLetter(type: type, village: village, applicant: applicant, fields: try texts(body, "fields") ?? [:])
    }

    /// The members of an object member as text (numbers as their decimal text); nil when absent.
    /// - Throws: `Refusal.letterRequestShape` for a member that is not an object of texts and numbers.
    static func texts(_ body: JSONObjectReader, _ key: String) throws -> [String: String]? {
        guard let value = body.members[key], value != .null else { return nil }
        guard case .object(let members) = value else { throw Refusal.letterRequestShape }
        var texts: [String: String] = [:]
        for (name, member) in members {
            switch member {
            case .string(let text): texts[name] = text
            case .integer(let number): texts[name] = String(number)
            case .null: continue
            default: throw Refusal.letterRequestShape
            }
        }
        return texts
    }

    /// The action a path names, with the reason its body carries for a return or a rejection (`LetterDesk.action`).
    static func action(_ name: String, body: JSONObjectReader?) throws -> LetterAction {
        try LetterDesk.action(name, reason: (try? body?.string("reason")) ?? nil)
    }

    /// `{"login", "from", "to", "stand_in"}` of `POST /api/v1/staff/leave`, the dates as local days.
    typealias NewLeave = LetterDesk.LeaveEntry

    /// - Throws: `Refusal.leaveShape` for a body that is not of that shape, dates that are not
    ///   YYYY-MM-DD, from after to, or a leave longer than 366 days.
    static func leave(_ body: JSONObjectReader) throws -> NewLeave {
        guard let login = try? body.string("login"), let from = try? body.string("from"), let to = try? body.string("to"),
              let standIn = try? body.string("stand_in"), let fromDay = WorkingCalendar.day(of: from),
              let toDay = WorkingCalendar.day(of: to), fromDay <= toDay, toDay - fromDay < 366 else {
            throw Refusal.leaveShape
        }
        return NewLeave(login: login, fromDay: fromDay, toDay: toDay, standIn: standIn)
    }

    /// `{"login", "password", "role", "region", "name"?, "nip"?}` of `POST /api/v1/staff/district/accounts`.
    /// - Throws: `Refusal.officialShape` for a member that is not text.
    static func newOfficial(_ body: JSONObjectReader) throws -> LetterDesk.NewOfficial {
        var texts: [String: String] = [:]
        for key in ["login", "password", "role", "region", "name", "nip"] {
            guard let value = body.members[key], !value.isNull else { continue }
            guard case .string(let text) = value else { throw Refusal.officialShape }
            texts[key] = text
        }
        return LetterDesk.NewOfficial(login: texts["login"] ?? "", password: texts["password"] ?? "", role: texts["role"] ?? "",
                                      region: texts["region"], name: texts["name"], nip: texts["nip"])
    }
}
