import Complaints
import Foundation
import HTTP
import HubStore

/// The JSON forms of letters: the types, a letter for staff (with names, data and the actions the
/// asking official may take), the public position (no names), and a verification.
enum LetterJSON {
    static func type(_ type: LetterType) -> JSONValue {
        [
            "code": .string(type.code), "name_id": .string(type.nameID), "name_en": .string(type.nameEN),
            "kecamatan_signs": .bool(type.reachesDistrict), "deadline_days": .integer(type.deadlineDays),
            "fields": .array(type.fields.map { field in
                [
                    "key": .string(field.key), "label_id": .string(field.labelID), "label_en": .string(field.labelEN),
                    "type": .string(field.kind.rawValue), "required": .bool(field.required), "max_length": JSONValue(field.maxLength),
                    "min": JSONValue(field.min), "max": JSONValue(field.max),
                    "choices": field.kind == .choice ? .array(field.choices.map(JSONValue.string)) : .null,
                ]
            }),
        ]
    }

    /// Where the letter is: status and desk, in both languages.
    static func position(_ letter: Letter) -> [String: JSONValue] {
        [
            "code": .string(letter.code), "type": .string(letter.typeCode), "status": .string(letter.step.rawValue),
            "status_label_id": .string(letter.step.labelID), "status_label_en": .string(letter.step.labelEN),
            "desk": JSONValue(letter.step.isFinal && letter.step != .ready ? nil : letter.step.position?.rawValue),
            "desk_label_id": JSONValue(letter.step == .rejected ? nil : letter.step.position?.labelID),
            "desk_label_en": JSONValue(letter.step == .rejected ? nil : letter.step.position?.labelEN),
            "since": .string(letter.stepSince.iso8601), "due_at": .string(letter.dueAt.iso8601),
            "step_due_at": letter.step.isFinal ? .null : .string(letter.stepDueAt.iso8601),
            "ready": .bool(letter.step == .ready),
        ]
    }

    /// The public view: the position and each step with its time and desk, never a name or a note.
    static func publicView(_ record: LetterRecord) -> JSONValue {
        var members = position(record.letter)
        members["type_name_id"] = .string(record.typeNameID)
        members["type_name_en"] = .string(record.typeNameEN)
        members["pdf"] = record.letter.step == .ready ? .string("/api/v1/letters/\(record.letter.code)/pdf") : .null
        members["steps"] = .array(record.events.map { event in
            ["action": .string(event.action), "status": .string(event.to.rawValue), "desk": JSONValue(event.actorPosition?.rawValue),
             "at": .string(event.at.iso8601)]
        })
        return .object(members)
    }

    /// The staff view: everything, with the actions `actions` the asking official may take now.
    static func staffView(_ record: LetterRecord, actions: [LetterAction.Kind]) -> JSONValue {
        var members = position(record.letter)
        members["type_name_id"] = .string(record.typeNameID)
        members["type_name_en"] = .string(record.typeNameEN)
        members["village"] = .string(record.letter.village.value)
        members["district"] = .string(record.letter.village.district.value)
        members["version"] = .integer(record.letter.version)
        members["applicant"] = record.applicant.json
        members["fields"] = record.fields.json
        members["number"] = JSONValue(record.number)
        members["pdf_digest"] = JSONValue(record.pdfDigest)
        members["created_at"] = .string(record.createdAt.iso8601)
        members["actions"] = .array(actions.map { .string($0.rawValue) })
        members["signatures"] = .array(record.signatures.map { signature in
            ["position": .string(signature.position.rawValue), "region": .string(signature.region.value),
             "capacity": .string(signature.capacity.rawValue), "signer_position": .string(signature.signerPosition.rawValue),
             "name": .string(signature.name), "nip": JSONValue(signature.nip), "at": .string(signature.at.iso8601)]
        })
        members["history"] = .array(record.events.map { event in
            ["action": .string(event.action), "from": JSONValue(event.from?.rawValue), "to": .string(event.to.rawValue),
             "desk": JSONValue(event.actorPosition?.rawValue), "stand_in": .bool(event.onBehalfOf != nil),
             "note": JSONValue(event.note), "at": .string(event.at.iso8601), "due_at": JSONValue(event.dueAt?.iso8601)]
        })
        return .object(members)
    }

    /// A queue row: the position, the type's names, the applicant's name and village, and whether
    /// the step on the desk is overdue at `now`.
    static func queueRow(_ record: LetterRecord, now: Date) -> JSONValue {
        var members = position(record.letter)
        members["type_name_id"] = .string(record.typeNameID)
        members["type_name_en"] = .string(record.typeNameEN)
        members["applicant_name"] = JSONValue(record.applicant["name"])
        members["village"] = .string(record.letter.village.value)
        members["overdue"] = .bool(record.letter.isOverdue(at: now))
        return .object(members)
    }

    static func verification(_ verified: LetterStore.Verification) -> JSONValue {
        [
            "valid": .bool(true), "number": .string(verified.number), "type_name_id": .string(verified.typeNameID),
            "type_name_en": .string(verified.typeNameEN), "signed_at": .string(verified.signedAt.iso8601),
            "signed_by": .array(verified.signedBy.map { ["title": .array($0.map(JSONValue.string))] }),
            "digest": ["algorithm": "sha256", "hex": .string(verified.digest)],
        ]
    }
}
