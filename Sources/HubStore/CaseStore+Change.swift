import Complaints
import Foundation
import Postgres
import Queue

extension CaseStore {
    /// A change carried out: the case before and after it, and what the lifecycle decided.
    public struct Outcome: Sendable {
        public let before: Case
        /// The case as the lifecycle left it (see `write`).
        public let after: Case
        public let change: CaseChange
    }

    /// What the lifecycle needs to decide `action` on `stored`, each item by the named query beside its table.
    public static func context(for action: CaseAction, on stored: Case, calendar: WorkingCalendar,
                               connection: PostgresConnection) throws -> CaseContext {
        let lookups = Lifecycle.lookups(for: action, on: stored)
        // Deadlines end at the local time of the region of the agency that holds the case.
        var context = CaseContext(calendar: calendar.zoned(for: stored.agency))
        if let account = lookups.assignee { context.assignee = try AccountStore.find(id: account, on: connection) }
        if let code = lookups.subUnit { context.subUnit = try SubUnitStore.find(code, on: connection) }
        if let category = lookups.category {
            context.route = try CategoryStore.route(of: category, placed: stored.kecamatanCode, kecamatan: stored.kecamatan, on: connection)
        }
        if let agency = lookups.agency { context.agency = try CategoryStore.agency(agency, on: connection) }
        if let code = lookups.duplicate { context.duplicateTarget = try id(of: code, on: connection) }
        if let account = lookups.currentAssignee {
            context.currentAssignee = try AccountStore.find(id: account, includingInactive: true, on: connection)
        }
        return context
    }

    /// Locks the case with this tracking code and carries out an action on it. Call inside a transaction.
    /// - Throws: `Refusal` (`caseNotFound` for an unknown code, else the lifecycle's); `PostgresError`.
    @discardableResult
    public static func perform(_ action: CaseAction, on code: String, by acting: Acting<Actor>, reason: String? = nil,
                               afterPhotos: [Photo] = [], now: Date = Date(), calendar: WorkingCalendar,
                               connection: PostgresConnection) throws -> Outcome {
        guard let before = try find(code, on: connection, forUpdate: true) else { throw Refusal.caseNotFound(code) }
        return try perform(action, on: before, by: acting, reason: reason, afterPhotos: afterPhotos, now: now,
                           calendar: calendar, connection: connection)
    }

    /// Carries out an action on a case the caller has locked: loads what the lifecycle needs, asks it,
    /// and writes the change it decided (`write`: sent with the transaction's next statement or its
    /// COMMIT). Call inside a transaction.
    /// - Parameters:
    ///   - acting: who acts, with the client address the audit entry records (nil for the system).
    ///   - reason: an internal note recorded with the event (an escalation's reason; never public).
    ///   - afterPhotos: evidence of the work, stored with a resolution or a request for validation.
    /// - Throws: `Refusal` when the lifecycle refuses (nothing is written); `PostgresError`.
    @discardableResult
    public static func perform(_ action: CaseAction, on before: Case, by acting: Acting<Actor>, reason: String? = nil,
                               afterPhotos: [Photo] = [], now: Date = Date(), calendar: WorkingCalendar,
                               connection: PostgresConnection) throws -> Outcome {
        let context = try context(for: action, on: before, calendar: calendar, connection: connection)
        let change = try Lifecycle.apply(action, to: before, by: acting, at: now, context: context, reason: reason,
                                         afterPhotos: afterPhotos).get()
        return Outcome(before: before, after: try write(change, on: connection), change: change)
    }

    /// Writes a change the lifecycle decided, in the caller's transaction: the case's fields, the
    /// timeline events, the after-photos, the audit entry and the outbox messages. Nothing is read
    /// back: all of it travels with the transaction's next statement or its COMMIT
    /// (`PostgresConnection.write`), so a failure fails that statement or the COMMIT. The one
    /// exception: a change of a part of a request that fans out that concerns its parent (a change of
    /// status, a public word) reads its siblings in one round trip, to move their parent along
    /// (`FanOutStore.followParent`).
    /// - Returns: the case as the lifecycle left it (its moments of change by this process's clock;
    ///   the stored ones are the database's).
    /// - Throws: `PostgresError` (outside a transaction).
    @discardableResult
    public static func write(_ change: CaseChange, on connection: PostgresConnection) throws -> Case {
        if change.changesCase { try connection.write(SQL.update, updateParameters(change)) }
        try writeRecords(of: change, on: connection)
        // A part of a request that fans out moves its parent along and passes its public word on (FanOutStore).
        if Lifecycle.concernsParent(change) { try FanOutStore.followParent(after: change, on: connection) }
        return change.after
    }

    /// The timeline events, the after-photos, the audit entry and the outbox messages of a change.
    private static func writeRecords(of change: CaseChange, on connection: PostgresConnection) throws {
        let caseID = change.after.id
        for event in change.events {
            try connection.write(SQL.insertEvent, [caseID, event.kind, event.actor.publicRole, event.actor.accountID, event.isPublic,
                                                   event.note, event.fromStatus?.rawValue, event.toStatus.rawValue,
                                                   JSONText.encode(event.details)])
        }
        for photo in change.photos {
            try connection.write(SQL.insertAfterPhoto, [caseID, photo.format.rawValue, Data(photo.bytes),
                                                         change.photoPurpose.rawValue])
        }
        if let audit = change.audit { try AuditLog.record(audit, on: connection) }
        for outgoing in change.outbox {
            // A notice for a reporter who left no way to reach them is not queued; the check travels
            // with the insert, so it costs no round trip.
            let reachable = outgoing.destination == .reporter
            try MessageQueue.post(on: connection, queue: outgoing.destination.queue, json: MessageEnvelope.encode(outgoing.message),
                                  dedupeKey: outgoing.dedupeKey, onlyIf: reachable ? ReporterNoticeStore.SQL.reachable : nil,
                                  reachable ? [change.after.id] : [])
        }
    }

    private static func updateParameters(_ change: CaseChange) -> [any PostgresEncodable] {
        let after = change.after
        let fields = after.moduleFields == change.before.moduleFields ? nil : JSONText.encode(after.moduleFields)
        return [
            after.id, after.status.rawValue, after.priority.rawValue, after.inspectorate, after.category, after.subcategory,
            after.module.rawValue, after.agency, after.assignedTo, after.dueAt, after.escalationLevel, after.overdueStep,
            change.stampsResolved, change.stampsClosed, change.rating, change.duplicateOf, fields, after.subUnit,
            after.forwardedFrom?.agency, after.forwardedFrom?.module.rawValue,
            after.reporterWait?.resumeStatus.rawValue, after.reporterWait?.remaining.map(Int64.init),
            after.reporterWait?.lapsed ?? false, after.reporterAnswered,
            after.forwardedFrom?.category, after.forwardedFrom?.subcategory,
        ]
    }

    enum SQL {
        /// Every field the lifecycle may change, as it decided them on the locked row; the moments
        /// of resolution and closing by the database's clock.
        static let update = """
            update complaints
               set status = $2, priority = $3, inspectorate = $4, category_code = $5, subcategory_code = $6,
                   module_code = $7, agency_code = $8, assigned_to = $9, due_at = $10::timestamptz,
                   escalation_level = $11, overdue_step = $12,
                   resolved_at = case when $13::boolean then now() else resolved_at end,
                   closed_at = case when $14::boolean then now() else closed_at end,
                   citizen_rating = coalesce($15::smallint, citizen_rating),
                   duplicate_of = coalesce($16::bigint, duplicate_of),
                   module_fields = coalesce($17::jsonb, module_fields),
                   sub_unit_code = $18,
                   forwarded_from_agency = $19, forwarded_from_module = $20,
                   forwarded_from_category = $25, forwarded_from_subcategory = $26,
                   reporter_wait_status = $21, reporter_wait_remaining = $22::bigint, reporter_wait_lapsed = $23,
                   reporter_answered = $24,
                   updated_at = now()
             where id = $1
            """
        static let insertEvent = """
            insert into complaint_events (complaint_id, kind, actor_role, actor_id, public, note, from_status, to_status, details)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
            """
        static let insertAfterPhoto = """
            insert into complaint_photos (complaint_id, position, purpose, media_type, bytes, sha256)
            select $1, coalesce(max(position), 0) + 1, $4, $2, $3::bytea, digest($3::bytea, 'sha256')
              from complaint_photos where complaint_id = $1 and purpose = $4
            """
    }
}
