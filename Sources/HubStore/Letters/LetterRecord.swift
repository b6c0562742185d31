import Complaints
import Foundation
import Postgres

/// A letter as stored, with what its pages and its PDF show.
public struct LetterRecord: Sendable {
    public let letter: Letter
    public let typeNameID: String
    public let typeNameEN: String
    public let applicant: [String: String]
    public let fields: [String: String]
    public let number: String?
    public let pdfDigest: String?
    public let signatures: [StoredSignature]
    public let events: [StoredLetterEvent]
    public let createdAt: Date
}

/// A signature as stored: the position signed for, how it reads, and the signer.
public struct StoredSignature: Sendable, Equatable {
    public let position: LetterPosition
    public let region: RegionCode
    public let capacity: SignatureCapacity
    public let name: String
    public let nip: String?
    public let signerPosition: LetterPosition
    public let at: Date
}

/// One step of a letter's history as stored. `actorID` and `note` are for staff only.
public struct StoredLetterEvent: Sendable {
    public let action: String
    public let from: LetterStep?
    public let to: LetterStep
    public let actorPosition: LetterPosition?
    public let actorID: Int64?
    public let onBehalfOf: Int64?
    public let note: String?
    public let at: Date
    public let dueAt: Date?
}

extension LetterStore {
    static let letterColumns = """
        l.id, l.code, l.type_code, l.reaches_district, l.village_code, l.step, l.step_since, l.due_at, l.deadline_days,
        l.step_due_at, l.version,
        t.name_id, t.name_en, l.number, l.pdf_digest, l.created_at
        """

    static func letter(_ row: PostgresRow) throws -> Letter {
        let stepText: String = try row.decode("step"), village: String = try row.decode("village_code")
        guard let step = LetterStep(rawValue: stepText), let code = RegionCode(village) else {
            throw PostgresError.decoding(column: "step", expected: "LetterStep", value: stepText)
        }
        return Letter(id: try row.decode("id"), code: try row.decode("code"), typeCode: try row.decode("type_code"),
                      reachesDistrict: try row.decode("reaches_district"), village: code, step: step,
                      stepSince: try row.decode("step_since"), dueAt: try row.decode("due_at"),
                      deadlineDays: try row.decode("deadline_days"), stepDueAt: try row.decode("step_due_at"),
                      version: try row.decode("version"))
    }

    /// The whole record of a letter whose row was read with `letterColumns`.
    static func record(_ row: PostgresRow, on connection: PostgresConnection) throws -> LetterRecord {
        let letter = try letter(row)
        func map(_ column: String) throws -> [String: String] {
            var values: [String: String] = [:]
            for pair in try connection.query("select key, value from letters, jsonb_each_text(\(column)) where id = $1", [letter.id]) {
                values[try pair.decode("key")] = try pair.decode("value")
            }
            return values
        }
        let signatures = try connection.query("""
            select s->>'position' as position, s->>'region' as region, s->>'capacity' as capacity, s->>'name' as name,
                   s->>'nip' as nip, s->>'signer_position' as signer_position, (s->>'at')::timestamptz as at
              from letters l cross join lateral jsonb_array_elements(coalesce(l.signature, '[]')) with ordinality as e(s, ordinality)
             where l.id = $1 order by e.ordinality
            """, [letter.id]).map { row -> StoredSignature in
            let position: String = try row.decode("position"), signer: String = try row.decode("signer_position")
            let region: String = try row.decode("region"), capacity: String = try row.decode("capacity")
            guard let p = LetterPosition(rawValue: position), let s = LetterPosition(rawValue: signer), let r = RegionCode(region),
                  let c = SignatureCapacity(rawValue: capacity) else {
                throw PostgresError.decoding(column: "signature", expected: "signature", value: position)
            }
            return StoredSignature(position: p, region: r, capacity: c, name: try row.decode("name"), nip: try row.decode("nip"),
                                   signerPosition: s, at: try row.decode("at"))
        }
        let events = try connection.query("""
            select action, from_step, to_step, actor_role, actor_id, on_behalf_of, note, at, due_at
              from letter_events where letter_id = $1 order by at, id
            """, [letter.id]).map { row -> StoredLetterEvent in
            let to: String = try row.decode("to_step")
            guard let toStep = LetterStep(rawValue: to) else { throw PostgresError.decoding(column: "to_step", expected: "LetterStep", value: to) }
            return StoredLetterEvent(action: try row.decode("action"), from: (row["from_step"]).flatMap(LetterStep.init(rawValue:)),
                                     to: toStep, actorPosition: (row["actor_role"]).flatMap(LetterPosition.init(rawValue:)),
                                     actorID: try row.decode("actor_id"), onBehalfOf: try row.decode("on_behalf_of"),
                                     note: try row.decode("note"), at: try row.decode("at"), dueAt: try row.decode("due_at"))
        }
        return LetterRecord(letter: letter, typeNameID: try row.decode("name_id"), typeNameEN: try row.decode("name_en"),
                            applicant: try map("applicant"), fields: try map("fields"), number: try row.decode("number"),
                            pdfDigest: try row.decode("pdf_digest"), signatures: signatures, events: events,
                            createdAt: try row.decode("created_at"))
    }
}
