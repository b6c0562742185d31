import Complaints
import Foundation
import Postgres
import Queue

/// Reads and changes cases. Every change goes through `Lifecycle.apply`, is written with its
/// timeline event and audit record, and sends its messages, in the caller's transaction.
public enum CaseStore {
    /// Why an action on a case was not carried out.
    public enum ActionError: Error {
        case notFound
        case refused(LifecycleRefusal)
        case unknownCategory(String)
        /// The colleague named is not an active staff member or supervisor of the case's module
        /// (and of its sub-unit, when the case has one and the colleague works in one).
        case invalidAssignee(Int64)
        /// The sub-unit named is not an active sub-unit of the case's agency, or already has the case.
        case invalidSubUnit(String)
        /// After-photos go with a resolution or a request for validation only, at most three.
        case photosNotAllowed
        /// A case can be marked a duplicate only of another existing case.
        case invalidDuplicate(String)
    }

    /// The outcome of an action, for the answer to the client.
    public struct Outcome: Sendable {
        public let before: Case
        public let after: Case
        public let transition: Transition
    }

    /// Finds a case by tracking code.
    public static func find(_ code: String, on connection: PostgresConnection, forUpdate: Bool = false) throws -> Case? {
        let sql = "select \(Case.columns) from complaints where tracking_code = $1" + (forUpdate ? " for update" : "")
        return try connection.query(sql, [code]).first.map(Case.init)
    }

    /// Finds a case by id.
    public static func find(id: Int64, on connection: PostgresConnection, forUpdate: Bool = false) throws -> Case? {
        let sql = "select \(Case.columns) from complaints where id = $1" + (forUpdate ? " for update" : "")
        return try connection.query(sql, [id]).first.map(Case.init)
    }

    /// A work queue: the open cases the filter lets through, soonest deadline first, then the most urgent.
    public static func queue(_ filter: QueueFilter, now: Date = Date(), limit: Int = 200,
                             on connection: PostgresConnection) throws -> [Case] {
        try connection.query("""
            select \(Case.columns) from complaints
             where \(QueueFilter.conditions)
             order by due_at nulls last,
                      array_position(array['urgent', 'high', 'normal', 'low'], priority), created_at
             limit $11
            """, filter.parameters(now: now) + [limit]).map(Case.init)
    }

    /// How many open cases the filter lets through per status (whatever status it asks for), and
    /// how many of them are overdue.
    public static func queueCounts(_ filter: QueueFilter, now: Date = Date(),
                                   on connection: PostgresConnection) throws -> (byStatus: [ComplaintStatus: Int], overdue: Int) {
        let rows = try connection.query("""
            select status, count(*)::int as n, count(*) filter (where due_at < $7::timestamptz)::int as late
              from complaints
             where \(QueueFilter.conditions)
             group by status
            """, filter.parameters(now: now, ignoringStatus: true))
        var byStatus: [ComplaintStatus: Int] = [:]
        var overdue = 0
        for row in rows {
            guard let status = ComplaintStatus(rawValue: try row.decode("status")) else { continue }
            byStatus[status] = try row.decode("n", as: Int.self)
            overdue += try row.decode("late", as: Int.self)
        }
        return (byStatus, overdue)
    }

    /// The whole timeline of a case, internal events included (staff view).
    public static func timeline(caseID: Int64, on connection: PostgresConnection) throws -> [CaseEvent] {
        try connection.query("""
            select kind, at, actor_role, public, note, to_status from complaint_events
             where complaint_id = $1 order by at, id
            """, [caseID]).map { row in
            CaseEvent(kind: try row.decode("kind"), at: try row.decode("at"), actorRole: try row.decode("actor_role"),
                      isPublic: try row.decode("public"), note: try row.decode("note"), toStatus: try row.decode("to_status"))
        }
    }

    /// Applies an action to a locked case. Call inside a transaction.
    /// - Parameters:
    ///   - code: the case's tracking code.
    ///   - acting: who acts, with the client address the audit entry records (nil for the system).
    ///   - reason: an internal note recorded with escalations (never public).
    /// - Throws: `ActionError` when the case is missing or the lifecycle refuses; `PostgresError`.
    @discardableResult
    public static func perform(_ action: CaseAction, on code: String, by acting: Acting<Actor>, reason: String? = nil,
                               afterPhotos: [Photo] = [], now: Date = Date(), calendar: WorkingCalendar,
                               connection: PostgresConnection) throws -> Outcome {
        guard let before = try find(code, on: connection, forUpdate: true) else { throw ActionError.notFound }
        return try perform(action, on: before, by: acting, reason: reason, afterPhotos: afterPhotos, now: now,
                           calendar: calendar, connection: connection)
    }

    /// Applies an action to a case already locked by the caller.
    /// - Parameter afterPhotos: evidence of the work, stored with a resolution or a request for validation.
    @discardableResult
    public static func perform(_ action: CaseAction, on before: Case, by acting: Acting<Actor>, reason: String? = nil,
                               afterPhotos: [Photo] = [], now: Date = Date(), calendar: WorkingCalendar,
                               connection: PostgresConnection) throws -> Outcome {
        let actor = acting.who
        let transition: Transition
        switch Lifecycle.apply(action, to: before.status, by: actor) {
        case .failure(let refusal): throw ActionError.refused(refusal)
        case .success(let value): transition = value
        }
        if let reason, reason.count > Lifecycle.maxNoteLength { throw ActionError.refused(.noteTooLong) }
        if !afterPhotos.isEmpty && (!transition.acceptsAfterPhotos || !PhotoAllowance.admits(afterPhotos.count)) {
            throw ActionError.photosNotAllowed
        }
        if let assignee = transition.assignee {
            guard try AccountStore.find(id: assignee, on: connection)?.mayBeAssigned(before) == true else {
                throw ActionError.invalidAssignee(assignee)
            }
        }

        var dueChange = transition.to == before.status ? DeadlinePolicy.Change.keep
            : DeadlinePolicy.change(entering: transition.to, at: now, calendar: calendar)
        var details: [String: Any] = [:]
        var priority = before.priority
        var inspectorate = before.inspectorate
        var overdueStep = before.overdueStep
        var route = (category: before.category, subcategory: before.subcategory, module: before.module, agency: before.agency)

        if let escalation = transition.escalation {
            details["escalation"] = escalation.name
            switch escalation {
            case .raisePriority(let newPriority):
                priority = max(priority, newPriority)
                details["priority"] = priority.rawValue
            case .setDeadline(let date):
                dueChange = .set(date)
                details["due_at"] = PostgresTimestamp.format(date)
            case .handToInspectorate:
                inspectorate = true
            case .overdue(let step):
                overdueStep = step
                priority = max(priority, step >= 2 ? .urgent : .high)
                if step == 1 {
                    dueChange = .set(calendar.adding(workingDays: DeadlinePolicy.supervisorWithin, to: now))
                }
                details["step"] = step
            case .moveToCategory(let category):
                guard let row = try connection.query(
                    "select module_code, agency_code from category_routes where category_code = $1", [category]).first,
                    let module = ModuleName(rawValue: try row.decode("module_code"))
                else { throw ActionError.unknownCategory(category) }
                route = (category, nil, module, try row.decode("agency_code"))
                details["category"] = category
            }
        }
        var subUnit = before.subUnit
        var subUnitName: String?
        if let code = transition.subUnit {
            guard let unit = try SubUnitStore.find(code, on: connection), unit.agency == before.agency, unit.code != before.subUnit else {
                throw ActionError.invalidSubUnit(code)
            }
            subUnit = unit.code
            subUnitName = unit.nameID
            details["sub_unit"] = unit.code
        }
        // A case that changes agency leaves the old agency's sub-unit behind.
        if route.agency != before.agency { subUnit = nil }
        var duplicateOfID: Int64?
        if let duplicateOf = transition.duplicateOf {
            details["duplicate_of"] = duplicateOf
            duplicateOfID = try connection.query("select id from complaints where tracking_code = $1", [duplicateOf])
                .first.map { try $0.decode("id", as: Int64.self) }
            guard let target = duplicateOfID, target != before.id else { throw ActionError.invalidDuplicate(duplicateOf) }
        }
        if let rating = transition.rating { details["rating"] = rating }
        if let assignee = transition.assignee { details["assigned_to"] = assignee }
        if let fields = transition.fields { details["fields"] = Array(fields.keys.sorted()) }
        if !afterPhotos.isEmpty { details["photos"] = afterPhotos.count }

        var assignee: Int64? = transition.assignee ?? (transition.assignsActor ? actor.accountID
            : (route.module != before.module ? nil : before.assignedTo))
        // Disposed elsewhere, the case leaves an assignee who works in another sub-unit (they could no longer see it).
        if subUnit != before.subUnit, let current = assignee,
           try AccountStore.find(id: current, includingInactive: true, on: connection)?.works(in: subUnit) == false {
            assignee = nil
        }
        let (dueMode, dueValue): (String, Date?)
        switch dueChange {
        case .keep: (dueMode, dueValue) = ("keep", nil)
        case .clear: (dueMode, dueValue) = ("clear", nil)
        case .set(let date): (dueMode, dueValue) = ("set", date)
        }
        let rows = try connection.query("""
            update complaints
               set status = $2, priority = $3, inspectorate = $4, category_code = $5, subcategory_code = $6,
                   module_code = $7, agency_code = $8, assigned_to = $9,
                   due_at = case $12 when 'keep' then due_at when 'clear' then null else $10::timestamptz end,
                   escalation_level = escalation_level + $11, overdue_step = $13,
                   resolved_at = case when $2 = 'resolved' then now() else resolved_at end,
                   closed_at = case when $2 = 'closed' then now() else closed_at end,
                   citizen_rating = coalesce($14::smallint, citizen_rating),
                   duplicate_of = coalesce($15::bigint, duplicate_of),
                   module_fields = case when $16::jsonb is null then module_fields
                                        else jsonb_strip_nulls(module_fields || $16::jsonb) end,
                   sub_unit_code = $17,
                   updated_at = now()
             where id = $1
            returning \(Case.columns)
            """, [before.id, transition.to.rawValue, priority.rawValue, inspectorate, route.category, route.subcategory,
                  route.module.rawValue, route.agency, assignee, dueValue, transition.escalation == nil ? 0 : 1, dueMode,
                  overdueStep, transition.rating, duplicateOfID, transition.fields.map(Self.fieldsJSON), subUnit])
        let after = try Case(row: rows[0])

        try connection.query("""
            insert into complaint_events (complaint_id, kind, actor_role, actor_id, public, note, from_status, to_status, details)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
            """, [after.id, transition.kind, actor.publicRole, actor.accountID, transition.isPublic, transition.note ?? subUnitName,
                  before.status.rawValue, after.status.rawValue, JSONText.encode(details)])
        if let reason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try connection.query("""
                insert into complaint_events (complaint_id, kind, actor_role, actor_id, public, note, to_status)
                values ($1, 'note', $2, $3, false, $4, $5)
                """, [after.id, actor.publicRole, actor.accountID, reason, after.status.rawValue])
        }
        for photo in afterPhotos {
            try connection.query("""
                insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
                select $1, coalesce(max(position), 0) + 1, 'resolution', $2, $3::bytea, digest($3::bytea, 'sha256')
                  from complaint_photos where complaint_id = $1 and purpose = 'resolution'
                """, [after.id, photo.format.rawValue, Data(photo.bytes)])
        }
        if actor != .system {
            try AuditLog.record(action.name, by: acting, complaintID: after.id, before: before.auditSnapshot,
                                after: after.auditSnapshot, on: connection)
        }
        // A case moved to another category is received again and taken in by its (maybe new) module.
        if transition.movedTo != nil {
            try MessageQueue.send(on: connection, queue: after.module.queue,
                                  payload: ["type": "complaint.received", "complaint_id": after.id,
                                            "tracking_code": after.trackingCode, "moved_from": before.module.rawValue],
                                  dedupeKey: "received:\(after.id)")
        }
        return Outcome(before: before, after: after, transition: transition)
    }

    /// A change of module fields as a JSON object, nil values as JSON null (which removes the field).
    static func fieldsJSON(_ change: [String: String?]) -> String {
        JSONText.encode(change.mapValues { $0.map { $0 as Any } ?? NSNull() })
    }
}
