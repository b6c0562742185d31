import Foundation

extension Lifecycle {
    /// Decides an action on a whole case: whether it may happen, and everything that follows from it.
    /// - Parameters:
    ///   - before: the case as loaded (and locked) by the store.
    ///   - acting: who asks, with the client address the audit entry records.
    ///   - now: the moment deadlines count from.
    ///   - context: what the store looked up for the action (`lookups(for:on:)`).
    ///   - reason: an internal note recorded beside the event (an escalation's reason; never public).
    ///   - afterPhotos: evidence of the work, with a resolution or a request for validation.
    /// - Returns: the complete change to write, or the refusal (from the table in CaseRefusals.swift).
    public static func apply(_ action: CaseAction, to before: Case, by acting: Acting<Actor>, at now: Date,
                             context: CaseContext, reason: String? = nil, afterPhotos: [Photo] = []) -> Result<CaseChange, Refusal> {
        let actor = acting.who
        // A request that fans out is worked in its parts (Lifecycle+FanOut.swift).
        if let refusal = fanOutRefusal(action, on: before) { return .failure(refusal) }
        let transition: Transition
        switch apply(action, to: before.status, by: actor) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let decided): transition = decided
        }
        if let reason, reason.count > maxNoteLength { return .failure(.noteTooLong) }
        if !afterPhotos.isEmpty && (!transition.acceptsAfterPhotos || !PhotoAllowance.admits(afterPhotos.count)) {
            return .failure(.photosNotAllowed)
        }
        if let assignee = transition.assignee {
            guard let account = context.assignee, account.id == assignee, account.active, account.mayBeAssigned(before) else {
                return .failure(.invalidAssignee(module: before.module))
            }
        }

        var after = before
        after.status = transition.to
        after.updatedAt = now
        var due = transition.to == before.status ? DeadlinePolicy.Change.keep
            : DeadlinePolicy.change(entering: transition.to, at: now, calendar: context.calendar)
        var details = EventDetails()
        if let escalation = transition.escalation {
            after.escalationLevel += 1
            details.escalation = escalation.name
            switch escalation {
            case .raisePriority(let priority):
                after.priority = max(before.priority, priority)
                details.priority = after.priority
            case .setDeadline(let date):
                due = .set(date)
                details.dueAt = date
            case .handToInspectorate:
                after.inspectorate = true
            case .overdue(let step):
                after.overdueStep = step
                after.priority = max(before.priority, step >= 2 ? .urgent : .high)
                if step == 1 { due = .set(context.calendar.adding(.supervisor, to: now)) }
                details.step = step
            case .moveToCategory(let category):
                guard let route = context.route, route.category == category else { return .failure(.unknownCategory(category)) }
                after.category = route.category
                after.subcategory = nil
                after.module = route.module
                after.agency = route.agency
                details.category = category
            }
        }
        let agencyName: String?
        switch crossAgency(action, before: before, after: &after, details: &details, context: context) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let name): agencyName = name
        }
        due = inspectorateDue(due, before: before, after: after, transition: transition, at: now, calendar: context.calendar)
        if let refusal = answering(transition, by: actor, before: before, after: &after, due: &due, at: now, calendar: context.calendar) {
            return .failure(refusal)
        }
        var subUnitName: String?
        if let code = transition.subUnit {
            guard let unit = context.subUnit, unit.code == code, unit.agency == before.agency, unit.code != before.subUnit else {
                return .failure(.invalidSubUnit(code, agency: before.agency))
            }
            after.subUnit = unit.code
            subUnitName = unit.nameID
            details.subUnit = unit.code
        }
        // A case that changes agency leaves the old agency's sub-unit behind.
        if after.agency != before.agency { after.subUnit = nil }
        var duplicateOf: Int64?
        if let other = transition.duplicateOf {
            guard let target = context.duplicateTarget, target != before.id else { return .failure(.invalidDuplicate(other)) }
            duplicateOf = target
            details.duplicateOf = other
        }
        details.rating = transition.rating
        details.assignedTo = transition.assignee
        details.fields = transition.fields.map { $0.keys.sorted() }
        details.photos = afterPhotos.isEmpty ? nil : afterPhotos.count

        // A case that changes module leaves its assignee behind, who could no longer work it.
        after.assignedTo = transition.assignee ?? (transition.assignsActor ? actor.accountID
            : (after.module != before.module || after.agency != before.agency ? nil : before.assignedTo))
        // Disposed elsewhere, the case leaves an assignee who works in another sub-unit (they could no longer see it).
        if after.subUnit != before.subUnit, let current = after.assignedTo, let account = context.currentAssignee,
           account.id == current, !account.works(in: after.subUnit) {
            after.assignedTo = nil
        }
        switch due {
        case .keep: break
        case .clear: after.dueAt = nil
        case .set(let date): after.dueAt = date
        }
        if let fields = transition.fields {
            for (key, value) in fields { after.moduleFields[key] = value }
        }

        var events = [TimelineEntry(kind: transition.kind, actor: actor, isPublic: transition.isPublic, note: transition.note ?? subUnitName ?? agencyName,
                                    fromStatus: before.status, toStatus: after.status, details: details)]
        if let reason = reason ?? action.internalReason, !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            events.append(TimelineEntry(kind: .note, actor: actor, isPublic: false, note: reason, fromStatus: nil, toStatus: after.status))
        }
        let audit = actor == .system ? nil
            : CaseAuditEntry(action: action.name, acting: acting, caseID: before.id, before: before.auditSnapshot, after: after.auditSnapshot)
        // A case moved to another category is received again and taken in by its (maybe new) module.
        let outbox = (transition.movedTo == nil ? [] : [received(after, movedFrom: before.module)])
            + ReporterNotices.messages(for: events, before: before, after: after, at: now, levels: context.calendar.levels)
        return .success(CaseChange(before: before, after: after, changesCase: true, rating: transition.rating, duplicateOf: duplicateOf,
                                   events: events, photos: afterPhotos, audit: audit, outbox: outbox))
    }

    /// Decides the first step of a case just stored by intake: the `submitted` event, then either the
    /// message that sends it to its module or, for a report of a problem already open, its link to
    /// that case (`linkAsDuplicate`, so the module never works it twice).
    /// - Parameters:
    ///   - stored: the case as stored, `received`.
    ///   - duplicate: the open case it repeats (id and tracking code), if any.
    ///   - open311Details: what an Open311 client sent beyond the complaint's fields, kept on the event.
    ///   - hazard: whether its subcategory is marked a hazard: a new one is told to the command centre.
    /// - Returns: the change to write, or a refusal for a case that is not waiting at intake.
    public static func receive(_ stored: Case, joining duplicate: (id: Int64, code: String)? = nil,
                               open311Details: [String: String] = [:], hazard: Bool = false,
                               at now: Date) -> Result<CaseChange, Refusal> {
        guard stored.status == .received else { return .failure(.notAllowedInStatus(action: "receive", status: stored.status)) }
        let submitted = TimelineEntry(kind: .submitted, actor: .citizen, isPublic: true, fromStatus: nil, toStatus: .received,
                                      details: EventDetails(channel: stored.channel, open311: open311Details.isEmpty ? nil : open311Details))
        // The reporter hears that the case was received (with its code and link), whether or not it joins another.
        let receivedNotice = ReporterNotices.messages(for: [submitted], before: stored, after: stored, at: now)
        guard let duplicate else {
            return .success(CaseChange(before: stored, after: stored, changesCase: false, rating: nil, duplicateOf: nil,
                                       events: [submitted], photos: [], audit: nil,
                                       outbox: [received(stored, movedFrom: nil)] + receivedNotice
                                           + (hazard ? [OutboxMessage(to: .commandCentre, HazardReported(complaintID: stored.id),
                                                                      dedupeKey: "hazard:\(stored.id)")] : [])))
        }
        return apply(.linkAsDuplicate(of: duplicate.code), to: stored, by: .system, at: now,
                     context: CaseContext(duplicateTarget: duplicate.id)).map { link in
            var change = link
            change.events.insert(submitted, at: 0)
            change.outbox.insert(contentsOf: receivedNotice, at: 0)
            return change
        }
    }

    /// The message that hands a case to its module (one pending per case).
    private static func received(_ stored: Case, movedFrom: ModuleName?) -> OutboxMessage {
        OutboxMessage(to: .module(stored.module),
                      ComplaintReceived(complaintID: stored.id, trackingCode: stored.trackingCode, movedFrom: movedFrom),
                      dedupeKey: "received:\(stored.id)")
    }
}

extension Lifecycle {
    /// Whether a page may offer `action` on `stored` to `actor`: the case itself is worked (a request
    /// that fans out is worked in its parts) and its status lets this actor take it. What the action
    /// then needs (an assignee, a text) is the form's to ask.
    public static func offers(_ action: CaseAction, on stored: Case, to actor: Actor) -> Bool {
        guard fanOutRefusal(action, on: stored) == nil else { return false }
        if case .success = apply(action, to: stored.status, by: actor) { return true }
        return false
    }
}
