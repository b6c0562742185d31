import Complaints
import Foundation
import HubStore

/// The staff view of a case as JSON.
enum CaseJSON {
    static func summary(_ stored: Case, now: Date = Date()) -> [String: Any] {
        [
            "tracking_code": stored.trackingCode,
            "category": stored.category,
            "subcategory": orNull(stored.subcategory),
            "module": stored.module.rawValue,
            "agency": stored.agency,
            "channel": stored.channel.rawValue,
            "status": stored.status.rawValue,
            "status_label": stored.status.labelID,
            "priority": stored.priority.rawValue,
            "description": stored.description,
            "location": orNull(stored.location),
            "kelurahan": orNull(stored.kelurahan),
            "kecamatan": orNull(stored.kecamatan),
            "lat": orNull(stored.lat),
            "lon": orNull(stored.lon),
            "anonymous": stored.anonymous,
            "confidential": stored.confidential,
            "inspectorate": stored.inspectorate,
            "escalation_level": stored.escalationLevel,
            "assigned_to": orNull(stored.assignedTo),
            "sub_unit": orNull(stored.subUnit),
            "due_at": orNull(stored.dueAt?.iso8601),
            "overdue": stored.dueAt.map { $0 < now } ?? false,
            "created_at": stored.createdAt.iso8601,
            "updated_at": stored.updatedAt.iso8601,
        ]
    }

    static func detail(_ stored: Case, timeline: [CaseEvent], reporter: Contact?, fields: [String: String]) -> [String: Any] {
        var object = summary(stored)
        object["module_fields"] = fields
        object["timeline"] = timeline.map { event -> [String: Any] in
            var item: [String: Any] = ["kind": event.kind, "at": event.at.iso8601, "actor_role": event.actorRole,
                                       "public": event.isPublic]
            if let note = event.note { item["note"] = note }
            if let status = event.toStatus { item["status"] = status }
            return item
        }
        if let reporter {
            object["reporter"] = ["name": orNull(reporter.name), "email": orNull(reporter.email),
                                  "phone": orNull(reporter.phone)]
        } else {
            object["reporter"] = NSNull()
        }
        return object
    }
}
