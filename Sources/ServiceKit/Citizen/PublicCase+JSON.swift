import Complaints
import HTTP
import Postgres

extension PublicCase {
    /// The public JSON view (`GET /api/v1/complaints/{code}`, the 201 answer to a submission and the
    /// answer to the citizen's feedback): nothing about the reporter, staff only as roles. A
    /// confidential case shows no description or location at all.
    public func json(language: Language) -> JSONValue {
        var object: [String: JSONValue] = [
            "tracking_code": .string(trackingCode),
            "category": .string(category),
            "category_name": .string(language == .en ? categoryNameEN : categoryNameID),
            "status": .string(status.rawValue),
            "status_label": .string(status.label(language)),
            "confidential": .bool(confidential),
            "created_at": .string(PostgresTimestamp.format(createdAt)),
            "updated_at": .string(PostgresTimestamp.format(updatedAt)),
            "timeline": .array(timeline.map { $0.json(language: language) }),
            "due_at": JSONValue(dueAt.map(PostgresTimestamp.format)),
            "kelurahan": JSONValue(kelurahan),
            "kecamatan": JSONValue(kecamatan),
            "photos": .array(photos.map { photo in
                ["url": .string(photo.path(code: trackingCode)), "purpose": .string(photo.purpose.rawValue),
                 "media_type": .string(photo.mediaType)]
            }),
        ]
        if let joinedStatus {
            object["joined_case"] = ["status": .string(joinedStatus.rawValue), "status_label": .string(joinedStatus.label(language))]
        }
        if !parts.isEmpty {
            object["parts"] = .array(parts.map { part in
                ["agency": .string(part.agency), "agency_name": .string(language == .en ? part.agencyNameEN : part.agencyNameID),
                 "status": .string(part.status.rawValue), "status_label": .string(part.status.label(language)),
                 "due_at": JSONValue(part.dueAt.map(PostgresTimestamp.format))]
            })
        }
        if !confidential {
            object["description"] = JSONValue(description)
            object["location"] = JSONValue(location)
        }
        return .object(object)
    }
}

extension PublicEvent {
    /// One event of the public timeline: `status` and `note` only where the event has them.
    func json(language: Language) -> JSONValue {
        var item: [String: JSONValue] = ["kind": .string(kind.rawValue), "at": .string(PostgresTimestamp.format(at)),
                                         "actor_role": .string(actorRole.rawValue)]
        if let toStatus { item["status"] = .string(toStatus) }
        if let note = note(language) { item["note"] = .string(note) }
        return .object(item)
    }
}
