import Foundation

/// A request that fans out (Si Dukun 3-in-1): a parent case whose parts are child cases, one per
/// agency. The children go through the lifecycle like any case; the parent is never worked (every
/// action on it is refused, `Refusal.parentNotWorked`) and its status follows its children's.
extension Lifecycle {
    /// The first step of a request that fans out: the parent's `submitted` event and the reporter's
    /// notice, but no module's message (the parent is never taken into a queue); each child's
    /// `submitted` event and the message that sends it to its module, but no notice (the reporter
    /// hears of the parent only).
    /// - Parameters:
    ///   - parent: the parent as stored, `received`.
    ///   - children: its parts as stored (`Case.parts(_:)`), `received`.
    /// - Returns: the parent's change first, then each child's; or a refusal for a case that is not
    ///   waiting at intake.
    public static func receive(parent: Case, children: [Case], open311Details: [String: String] = [:],
                               at now: Date) -> Result<[CaseChange], Refusal> {
        var changes: [CaseChange] = []
        for stored in [parent] + children {
            switch receive(stored, open311Details: stored.isParent ? open311Details : [:], at: now) {
            case .failure(let refusal): return .failure(refusal)
            case .success(var change):
                change.outbox.removeAll { stored.isParent ? $0.destination != .reporter : $0.destination == .reporter }
                changes.append(change)
            }
        }
        return .success(changes)
    }

    /// The status a parent shows for its parts' statuses: closed once every part is done (rejected
    /// when every part was rejected), resolved once every part is resolved or done, in progress as
    /// soon as an agency works its part, verified when every part is, sent to the agencies as soon as
    /// one took its part in, else received.
    public static func parentStatus(following parts: [ComplaintStatus]) -> ComplaintStatus {
        guard !parts.isEmpty else { return .received }
        if parts.allSatisfy(\.isTerminal) { return parts.allSatisfy { $0 == .rejected } ? .rejected : .closed }
        if parts.allSatisfy({ $0 == .resolved || $0.isTerminal }) { return .resolved }
        let notYetWorked: Set<ComplaintStatus> = [.received, .dispatched, .verified, .forwarded]
        if parts.contains(where: { !notYetWorked.contains($0) }) { return .inProgress }
        if parts.allSatisfy({ $0 == .verified }) { return .verified }
        return parts.allSatisfy { $0 == .received } ? .received : .dispatched
    }

    /// The change of a parent after one of its parts changed: its status as its parts' now are, a
    /// public `parts_progressed` event, and the reporter's notice (one per change of the parent's
    /// status, not one per part's step). Nil when the parent's status stays.
    /// - Parameter parts: the status of every part, as the part's change leaves them.
    public static func follow(_ parent: Case, parts: [ComplaintStatus], at now: Date) -> CaseChange? {
        let status = parentStatus(following: parts)
        guard parent.isParent, status != parent.status else { return nil }
        var after = parent
        after.status = status
        after.updatedAt = now
        let event = TimelineEntry(kind: .partsProgressed, actor: .system, isPublic: true, fromStatus: parent.status, toStatus: status)
        return CaseChange(before: parent, after: after, changesCase: true, rating: nil, duplicateOf: nil, events: [event], photos: [],
                          audit: nil, outbox: ReporterNotices.messages(for: [event], before: parent, after: after, at: now))
    }
}

extension Refusal {
    /// A parent's parts are worked by their agencies; the parent follows them and is never worked itself.
    public static let parentNotWorked = Refusal(
        status: 409, code: "parent_case",
        id: "Permohonan ini ditangani per instansi: kerjakan kasus bagian instansi Anda, bukan kasus induknya.",
        en: "this request is worked in its parts, one case per agency; the parent case follows them and takes no action")
}
