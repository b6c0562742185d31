import Complaints
import Foundation

extension PublicCase {
    /// The public JSON view (`GET /api/v1/complaints/{code}` and the 201 answer to a submission):
    /// nothing about the reporter, staff only as roles.
    public func jsonObject(language: Language) -> [String: Any] {
        var object: [String: Any] = [
            "tracking_code": trackingCode,
            "category": category,
            "category_name": language == .en ? categoryNameEN : categoryNameID,
            "status": status.rawValue,
            "status_label": status.label(language),
            "confidential": confidential,
            "created_at": createdAt.iso8601,
            "updated_at": updatedAt.iso8601,
            "timeline": timeline.map { event -> [String: Any] in
                var item: [String: Any] = ["kind": event.kind, "at": event.at.iso8601, "actor_role": event.actorRole]
                if let status = event.toStatus { item["status"] = status }
                if let note = event.note(language) { item["note"] = note }
                return item
            },
        ]
        object["due_at"] = orNull(dueAt?.iso8601)
        object["kelurahan"] = orNull(kelurahan)
        object["kecamatan"] = orNull(kecamatan)
        if let joinedStatus {
            object["joined_case"] = ["status": joinedStatus.rawValue, "status_label": joinedStatus.label(language)]
        }
        object["photos"] = photos.map { photo -> [String: Any] in
            ["url": photo.path(code: trackingCode), "purpose": photo.purpose, "media_type": photo.mediaType]
        }
        if !confidential {
            object["description"] = orNull(description)
            object["location"] = orNull(location)
        }
        return object
    }
}
