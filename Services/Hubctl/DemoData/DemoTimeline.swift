import Complaints
import Foundation

/// Lives a demo complaint's life up to `until`: draws where it ends (about 60 % closed), walks the
/// lifecycle's roads to there with the events each step writes, and sets the fields those steps
/// leave (status, assignee, deadline by `DeadlinePolicy`, resolution and closing moments, rating).
/// No case is left `received`: each has been taken into its module's queue, so it needs no message.
/// An open case past its deadline has been escalated as the overdue sweep does, so a module started
/// on the demo data has no backlog to sweep.
struct DemoTimeline {
    let until: Date
    let reference: DemoReference

    enum Fate: CaseIterable {
        case dispatched, verified, inProgress, postponed, awaitingValidation, resolved, closed, rejected, duplicate
    }

    static let fates: [(Fate, Int)] = [(.closed, 60), (.rejected, 7), (.duplicate, 4), (.postponed, 3), (.resolved, 4),
                                       (.awaitingValidation, 3), (.inProgress, 9), (.verified, 5), (.dispatched, 5)]

    func live(_ demo: inout DemoCase, random: inout SeededRandom, duplicateTarget: () -> (index: Int, code: String)?) {
        var fate = random.weighted(Self.fates)
        let target = fate == .duplicate ? duplicateTarget() : nil
        if fate == .duplicate && target == nil { fate = .closed }
        let staff = reference.staff[demo.module]
        var steps: [DemoEvent] = []
        var at = 1.0  // seconds after submission
        func step(_ kind: EventKind, _ role: ActorRole, _ from: ComplaintStatus?, _ to: ComplaintStatus?, after delay: ClosedRange<Double>,
                  actor: Int64? = nil, note: String? = nil, details: String = "{}") {
            at += random.seconds(delay)
            steps.append(DemoEvent(kind: kind, at: Date(timeIntervalSince1970: at), actorRole: role, actorID: actor, isPublic: true,
                                   note: note, from: from, to: to, details: details))
        }
        let hour = 3600.0, day = 86_400.0
        if fate == .duplicate, let target, random.chance(0.5) {
            step(.linkedDuplicate, .system, .received, .duplicate, after: 0...0, details: "{\"duplicate_of\":\"\(target.code)\"}")
        } else {
            step(.dispatched, .system, .received, .dispatched, after: 0...1)
            var last = ComplaintStatus.dispatched
            if fate != .dispatched && (fate == .verified || random.chance(0.75)) {
                step(.verified, .staff(.staff), last, .verified, after: hour / 2...3 * day, actor: staff)
                last = .verified
            }
            switch fate {
            case .dispatched, .verified: break
            case .rejected: step(.rejected, .staff(.staff), last, .rejected, after: hour...2 * day, actor: staff, note: random.pick(DemoWords.rejections))
            case .duplicate:
                step(.markedDuplicate, .staff(.staff), last, .duplicate, after: hour...2 * day, actor: staff,
                     details: "{\"duplicate_of\":\"\(target?.code ?? "")\"}")
            case .inProgress, .postponed, .awaitingValidation, .resolved, .closed:
                step(.claimed, .staff(.staff), last, .inProgress, after: hour...3 * day, actor: staff)
                demo.assignedTo = staff
                if fate == .postponed {
                    step(.postponed, .staff(.staff), .inProgress, .postponed, after: day...10 * day, actor: staff, note: random.pick(DemoWords.postponements))
                } else if fate != .inProgress {
                    if fate == .awaitingValidation || random.chance(0.3) {
                        step(.validationRequested, .staff(.staff), .inProgress, .awaitingValidation, after: day...10 * day, actor: staff,
                             note: random.pick(DemoWords.resolutions))
                        if fate != .awaitingValidation {
                            step(.validated, .staff(.validator), .awaitingValidation, .resolved, after: 2 * hour...3 * day, actor: reference.validator)
                        }
                    } else {
                        step(.resolved, .staff(.staff), .inProgress, .resolved, after: day...12 * day, actor: staff, note: random.pick(DemoWords.resolutions))
                    }
                }
            }
        }
        fit(&steps, demo: demo, resolvedRecently: fate == .resolved, random: &random)
        if fate == .closed, let resolved = steps.last?.at {
            let autoClose = reference.calendar.adding(.closeAfterResolution, to: resolved)
            if random.chance(0.45) {
                let rating = random.weighted([(5, 45), (4, 35), (3, 20)])
                let moment = min(resolved.addingTimeInterval(random.seconds(hour...9 * day)), until.addingTimeInterval(-1))
                steps.append(DemoEvent(kind: .accepted, at: max(moment, resolved), actorRole: .citizen, isPublic: true,
                                       note: random.chance(0.3) ? "Terima kasih, sudah beres" : nil, from: .resolved, to: .closed,
                                       details: "{\"rating\":\(rating)}"))
                demo.citizenRating = rating
            } else {
                steps.append(DemoEvent(kind: .closed, at: min(autoClose, until.addingTimeInterval(-1)), actorRole: .system,
                                       isPublic: true, from: .resolved, to: .closed))
            }
        }
        settle(&demo, steps: steps, duplicateOf: target?.index)
    }

    /// Moves the steps (seconds after submission) onto the calendar, squeezed to end before `until`;
    /// a case left resolved was resolved in the last 9 days (else the sweep would have closed it).
    private func fit(_ steps: inout [DemoEvent], demo: DemoCase, resolvedRecently: Bool, random: inout SeededRandom) {
        let room = until.timeIntervalSince(demo.createdAt) * 0.9
        let last = steps.last?.at.timeIntervalSince1970 ?? 0
        let scale = last > room ? room / last : 1
        steps = steps.map { event in
            DemoEvent(kind: event.kind, at: demo.createdAt.addingTimeInterval((event.at.timeIntervalSince1970 * scale).rounded()),
                      actorRole: event.actorRole, actorID: event.actorID, isPublic: event.isPublic, note: event.note,
                      from: event.from, to: event.to, details: event.details)
        }
        if resolvedRecently, let resolution = steps.last {
            let recent = until.addingTimeInterval(-random.seconds(3600...9 * 86_400))
            if recent > resolution.at {
                steps[steps.count - 1] = DemoEvent(kind: resolution.kind, at: recent, actorRole: resolution.actorRole, actorID: resolution.actorID,
                                                   isPublic: true, note: resolution.note, from: resolution.from, to: resolution.to)
            }
        }
    }

    /// Sets the fields the steps leave, and escalates an open case that is past its deadline.
    private func settle(_ demo: inout DemoCase, steps: [DemoEvent], duplicateOf: Int?) {
        var events = [DemoEvent(kind: .submitted, at: demo.createdAt, actorRole: .citizen, isPublic: true, from: nil, to: .received,
                                details: "{\"channel\":\"\(demo.channel.rawValue)\"}")]
        let calendar = reference.calendar
        for event in steps {
            guard let status = event.to else { continue }
            demo.status = status
            switch DeadlinePolicy.change(entering: status, at: event.at, calendar: calendar) {
            case .set(let due): demo.dueAt = due
            case .clear: demo.dueAt = nil
            case .keep: break
            }
            if status == .resolved { demo.resolvedAt = event.at }
            if status == .closed { demo.closedAt = event.at }
        }
        events += steps
        if demo.status == .duplicate { demo.duplicateOf = duplicateOf }
        if demo.status.escalatesWhenOverdue, let due = demo.dueAt, due < until {
            for step in 1...2 {
                guard let due = demo.dueAt, due < until else { break }
                // A deadline kept from an earlier status (awaiting validation keeps the claim's) may have
                // passed before the last step: the sweep escalates at its next round after both.
                let moment = max(due, events[events.count - 1].at)
                events.append(DemoEvent(kind: .escalated, at: moment, actorRole: .system, isPublic: true, from: demo.status, to: demo.status,
                                        details: "{\"escalation\":\"overdue\",\"step\":\(step)}"))
                demo.overdueStep = step
                demo.escalationLevel = step
                demo.priority = step == 2 ? "urgent" : "high"
                if step == 1 { demo.dueAt = calendar.adding(.supervisor, to: moment) }
            }
        }
        demo.events = events
        demo.updatedAt = events.map(\.at).max() ?? demo.createdAt
    }
}
