import Foundation

/// Which changes of a case the reporter is told of: one row per timeline event kind, the notice it
/// sends. A later action that tells the reporter (asking them a question) adds its row here.
public enum ReporterNotices {
    /// The one table. An event of a kind not listed tells the reporter nothing; a listed one tells
    /// them only when it is public (and a move only when the agency changes).
    public static let table: [EventKind: ReporterNotice.Kind] = [
        .submitted: .received,
        .dispatched: .takenIn,
        .note: .note,
        .resolved: .resolved,
        .validated: .resolved,
        .reopened: .reopened,
        .escalated: .moved,
        .rejected: .rejected,
        .closed: .closed,
        .accepted: .closed,
        .partsProgressed: .progressed,
        // Answering: the officer's question, which the reporter answers on the tracking page or by text message.
        .questionAsked: .question,
    ]

    /// The outbox messages that tell the reporter of a change's events.
    /// - Parameters:
    ///   - events: the change's events, in order.
    ///   - before: the case before the change; `after`, as it will be.
    ///   - now: the change's moment (part of each notice's key).
    ///   - levels: the service levels in force; a question names the reporter's time to answer (the
    ///     standard levels serve the changes that ask nothing: a case received, a request's progress).
    public static func messages(for events: [TimelineEntry], before: Case, after: Case, at now: Date,
                                levels: ServiceLevels = .standard) -> [OutboxMessage] {
        events.enumerated().compactMap { index, event in
            notice(for: event, at: index, before: before, after: after, now: now, levels: levels).map { OutboxMessage(to: .reporter, $0) }
        }
    }

    static func notice(for event: TimelineEntry, at index: Int, before: Case, after: Case, now: Date,
                       levels: ServiceLevels) -> ReporterNotice? {
        guard event.isPublic, let kind = table[event.kind] else { return nil }
        var agency: String?
        var dueAt: Date?
        var answerWithin: Int?
        switch kind {
        case .moved:
            guard after.agency != before.agency else { return nil }
            agency = after.agency
        case .takenIn:
            agency = after.agency
            dueAt = after.dueAt
        case .question:
            answerWithin = levels[.reporterAnswer]
        case .received, .note, .resolved, .reopened, .rejected, .closed, .progressed:
            break
        }
        let micros = Int64((now.timeIntervalSince1970 * 1_000_000).rounded())
        return ReporterNotice(key: "\(after.id)-\(event.kind.rawValue)-\(micros)-\(index)", complaintID: after.id,
                              trackingCode: after.trackingCode, notice: kind, status: event.toStatus, agency: agency,
                              dueAt: dueAt, note: event.note, answerWithin: answerWithin, confidential: after.confidential)
    }
}
