import Foundation

/// Everything one decision of the lifecycle changes, for the store to write in one transaction: the
/// case's new fields, the timeline events, the after-photos, the audit entry and the outbox messages.
public struct CaseChange: Sendable, Equatable {
    /// The case as it was loaded (and locked).
    public let before: Case
    /// The case as it will be: the store writes every field that may change.
    public internal(set) var after: Case
    /// False when only events and messages are added (the first event at intake): the row stays as stored.
    public internal(set) var changesCase: Bool
    /// The citizen's rating of a resolution, when this change records one.
    public internal(set) var rating: Int?
    /// The id of the case this one is merged into, when this change merges it.
    public internal(set) var duplicateOf: Int64?
    /// The events appended to the timeline, in order.
    public internal(set) var events: [TimelineEntry]
    /// After-photos stored as evidence of the work (a resolution or a request for validation).
    public internal(set) var photos: [Photo]
    /// The audit entry, for every change asked by someone other than the hub itself.
    public internal(set) var audit: CaseAuditEntry?
    /// The messages sent in the same transaction.
    public internal(set) var outbox: [OutboxMessage]

    /// The resolution's moment is stamped (with the database's clock) whenever the case is resolved after the change.
    public var stampsResolved: Bool { changesCase && after.status == .resolved }
    /// Why the change's photos are on the case: the reporter's with a reply, else the agency's after-photos.
    public var photoPurpose: PhotoPurpose { events.first?.kind == .reporterReplied ? .reply : .resolution }
    /// The closing moment is stamped whenever the case is closed after the change.
    public var stampsClosed: Bool { changesCase && after.status == .closed }
}

/// An event a change appends to a case's timeline. Its moment is the transaction's.
public struct TimelineEntry: Sendable, Equatable {
    public let kind: EventKind
    /// Shown on public timelines by role only (`Actor.publicRole`).
    public let actor: Actor
    public let isPublic: Bool
    public let note: String?
    /// nil for the first event and for the internal note beside another event.
    public let fromStatus: ComplaintStatus?
    public let toStatus: ComplaintStatus
    public let details: EventDetails

    public init(kind: EventKind, actor: Actor, isPublic: Bool, note: String? = nil, fromStatus: ComplaintStatus?,
                toStatus: ComplaintStatus, details: EventDetails = EventDetails()) {
        self.kind = kind
        self.actor = actor
        self.isPublic = isPublic
        self.note = note
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.details = details
    }
}

/// What an event records besides its kind and note (the `details` object of an event).
public struct EventDetails: Sendable, Equatable, Encodable {
    /// The channel a complaint arrived through (on `submitted`).
    public var channel: Channel?
    /// The kind of escalation (on `escalated`).
    public var escalation: Escalation.Name?
    /// The priority after an escalation raised it.
    public var priority: Priority?
    /// The deadline an escalation set.
    public var dueAt: Date?
    /// The overdue step an escalation took.
    public var step: Int?
    /// The category a case moved to.
    public var category: String?
    public var subUnit: String?
    /// The tracking code of the case a duplicate joined.
    public var duplicateOf: String?
    public var rating: Int?
    public var assignedTo: Int64?
    /// The module fields a change set or removed, by name.
    public var fields: [String]?
    /// How many after-photos came with the step.
    public var photos: Int?
    /// What an Open311 client sent beyond the complaint's own fields (attribute answers, address_id),
    /// on `submitted`: internal detail, never shown publicly.
    public var open311: [String: String]?
    /// The agency a forwarding event names (where the case went, or went back to).
    public var agency: String?
    /// The agency a case was forwarded from (on `forwarded`).
    public var fromAgency: String?
    /// The inspectorate's decision (on `decided`).
    public var outcome: InspectionOutcome?

    public init(channel: Channel? = nil, open311: [String: String]? = nil) {
        self.channel = channel
        self.open311 = open311
    }

    enum CodingKeys: String, CodingKey {
        case channel, escalation, priority, step, category, rating, fields, photos, open311, agency, outcome
        case fromAgency = "from_agency"
        case dueAt = "due_at", subUnit = "sub_unit", duplicateOf = "duplicate_of", assignedTo = "assigned_to"
    }
}

/// The audit log's entry for a change of a case: who (and from where), what, and the case before and after.
public struct CaseAuditEntry: Sendable, Equatable {
    /// The action's stable name.
    public let action: CaseAction.Name
    public let acting: Acting<Actor>
    public let caseID: Int64
    public let before: AuditSnapshot
    public let after: AuditSnapshot

    public init(action: CaseAction.Name, acting: Acting<Actor>, caseID: Int64, before: AuditSnapshot, after: AuditSnapshot) {
        self.action = action
        self.acting = acting
        self.caseID = caseID
        self.before = before
        self.after = after
    }
}

/// The fields an audit entry keeps of a case before and after an action.
public struct AuditSnapshot: Sendable, Equatable, Encodable {
    public let status: ComplaintStatus
    public let priority: Priority
    public let category: String
    public let module: ModuleName
    /// The agency answering for the case (changed by forwarding).
    public let agency: String
    public let inspectorate: Bool
    public let assignedTo: Int64?
    public let subUnit: String?
    public let dueAt: Date?
    /// Absent when the case has none.
    public let moduleFields: [String: String]?

    enum CodingKeys: String, CodingKey {
        case status, priority, category, module, agency, inspectorate
        case assignedTo = "assigned_to", subUnit = "sub_unit", dueAt = "due_at", moduleFields = "module_fields"
    }
}

extension Case {
    /// What the audit log keeps of this case.
    public var auditSnapshot: AuditSnapshot {
        AuditSnapshot(status: status, priority: priority, category: category, module: module, agency: agency, inspectorate: inspectorate,
                      assignedTo: assignedTo, subUnit: subUnit, dueAt: dueAt, moduleFields: moduleFields.isEmpty ? nil : moduleFields)
    }
}
