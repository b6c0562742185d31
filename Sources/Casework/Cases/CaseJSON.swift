import Complaints
import Foundation
import HTTP
import HubStore

/// The staff view of a case as JSON.
enum CaseJSON {
    static func summary(_ stored: Case, now: Date = Date()) -> JSONValue {
        [
            "tracking_code": .string(stored.trackingCode),
            "category": .string(stored.category),
            "subcategory": JSONValue(stored.subcategory),
            "module": .string(stored.module.rawValue),
            "agency": .string(stored.agency),
            "channel": .string(stored.channel.rawValue),
            "status": .string(stored.status.rawValue),
            "status_label": .string(stored.status.labelID),
            "priority": .string(stored.priority.rawValue),
            "description": .string(stored.description),
            "location": JSONValue(stored.location),
            "kelurahan": JSONValue(stored.kelurahan),
            "kecamatan": JSONValue(stored.kecamatan),
            "lat": JSONValue(stored.lat),
            "lon": JSONValue(stored.lon),
            "anonymous": .bool(stored.anonymous),
            "confidential": .bool(stored.confidential),
            "inspectorate": .bool(stored.inspectorate),
            "escalation_level": .integer(stored.escalationLevel),
            "assigned_to": JSONValue(stored.assignedTo),
            "sub_unit": JSONValue(stored.subUnit),
            "forwarded_from": JSONValue(stored.forwardedFrom?.agency),
            "due_at": JSONValue(stored.dueAt?.iso8601),
            "overdue": .bool(stored.dueAt.map { $0 < now } ?? false),
            "created_at": .string(stored.createdAt.iso8601),
            "updated_at": .string(stored.updatedAt.iso8601),
            // Answering: the reporter answered since staff last acted; their time to answer ran out.
            "reporter_answered": .bool(stored.reporterAnswered),
            "reporter_unanswered": .bool(stored.reporterWait?.lapsed ?? false),
        ]
    }

    /// A line of the queue: the summary with a snippet of the complaint, its age and who holds it.
    static func queueItem(_ entry: QueueEntry, now: Date) -> JSONValue {
        guard case .object(var object) = summary(entry.stored, now: now) else { return summary(entry.stored, now: now) }
        object["snippet"] = .string(entry.snippet)
        object["age_seconds"] = .integer(max(0, Int(now.timeIntervalSince(entry.stored.createdAt))))
        object["holder"] = JSONValue(entry.holder)
        return .object(object)
    }

    static func detail(_ stored: Case, timeline: [CaseEvent], reporter: Contact?, fields: [String: String]) -> JSONValue {
        guard case .object(var object) = summary(stored) else { return summary(stored) }
        object["module_fields"] = fields.json
        object["timeline"] = .array(timeline.map { event in
            var item: [String: JSONValue] = ["kind": .string(event.kind.rawValue), "at": .string(event.at.iso8601),
                                             "actor_role": .string(event.actorRole.rawValue), "public": .bool(event.isPublic)]
            if let note = event.note { item["note"] = .string(note) }
            if let status = event.toStatus { item["status"] = .string(status) }
            return .object(item)
        })
        object["reporter"] = reporter.map { reporter in
            ["name": JSONValue(reporter.name), "email": JSONValue(reporter.email), "phone": JSONValue(reporter.phone)]
        } ?? .null
        return .object(object)
    }
}
