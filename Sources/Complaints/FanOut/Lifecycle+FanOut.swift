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

    /// Why `action` may not be taken on a case of a request that fans out, or nil: the parent is never
    /// worked, and the reporter follows the request by the parent's code alone, so a question asked
    /// on a part would reach nobody (the part's staff read the reporter's contact on its page instead).
    public static func fanOutRefusal(_ action: CaseAction, on stored: Case) -> Refusal? {
        if stored.isParent { return .parentNotWorked }
        if stored.parentID != nil, case .ask = action { return .partNotAsked }
        return nil
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

    /// The change of a parent after one of its parts changed: its status as its parts' now are, and
    /// the part's public word (`PartWord`) for the reporter, who follows the parent alone. A change of
    /// the parent's status is one public `parts_progressed` event carrying the word, if any; a word
    /// that moves nothing is a public note of the agency's. Either tells the reporter, once (one
    /// notice per change of the parent, not one per part's step). Nil when neither happens.
    /// - Parameters:
    ///   - parts: the status of every part, as the part's change leaves them.
    ///   - word: what the part's agency said in public with that change (`partWord(of:agencyName:)`).
    public static func follow(_ parent: Case, parts: [ComplaintStatus], word: PartWord? = nil, at now: Date) -> CaseChange? {
        let status = parentStatus(following: parts)
        guard parent.isParent, status != parent.status || word != nil else { return nil }
        var after = parent
        after.status = status
        after.updatedAt = now
        let event = status != parent.status
            ? TimelineEntry(kind: .partsProgressed, actor: .system, isPublic: true, note: word?.text, fromStatus: parent.status,
                            toStatus: status)
            : TimelineEntry(kind: .note, actor: word?.actor ?? .system, isPublic: true, note: word?.text, fromStatus: nil,
                            toStatus: status)
        return CaseChange(before: parent, after: after, changesCase: true, rating: nil, duplicateOf: nil,
                          events: [event], photos: [], audit: nil,
                          outbox: ReporterNotices.messages(for: [event], before: parent, after: after, at: now))
    }

    /// The kinds of a part's public events whose note is the agency's own word to the reporter (a
    /// resolution, a reason, a public note); the others' notes name an agency or a sub-unit, which
    /// the request's parts already show.
    static let relayedKinds: Set<EventKind> = [.note, .resolved, .validationRequested, .rejected, .postponed]

    /// What a part's agency said in public with a change, as the request's reporter reads it on the
    /// parent: prefixed with the agency's public name. Nil for a change of a case that is no part,
    /// or one with no such word.
    public static func partWord(of change: CaseChange, agencyName: String) -> PartWord? {
        guard change.after.parentID != nil,
              let event = change.events.first(where: { $0.isPublic && relayedKinds.contains($0.kind) && $0.note != nil }),
              let note = event.note else { return nil }
        let prefix = "\(agencyName): "
        // The parent's event holds as much as any (`maxNoteLength`): a long note loses its end, not the agency's name.
        let room = maxNoteLength - prefix.count
        return PartWord(text: prefix + (note.count <= room ? note : String(note.prefix(room - 1)) + "…"), actor: event.actor)
    }

    /// Whether a change of a part concerns its parent: a change of status moves it, a public word is
    /// passed on to the reporter. The store reads the parent only then.
    public static func concernsParent(_ change: CaseChange) -> Bool {
        guard change.after.parentID != nil else { return false }
        return change.after.status != change.before.status || partWord(of: change, agencyName: "") != nil
    }
}

/// A part's public word passed on to its request (the parent): the text the reporter reads, and
/// who said it (shown by role only).
public struct PartWord: Sendable, Equatable {
    public let text: String
    public let actor: Actor

    public init(text: String, actor: Actor) {
        self.text = text
        self.actor = actor
    }
}

extension Refusal {
    /// A parent's parts are worked by their agencies; the parent follows them and is never worked itself.
    public static let parentNotWorked = Refusal(
        status: 409, code: "parent_case",
        id: "Permohonan ini ditangani per instansi: kerjakan kasus bagian instansi Anda, bukan kasus induknya.",
        en: "this request is worked in its parts, one case per agency; the parent case follows them and takes no action")

    /// The reporter follows a request that fans out by its one code; a part's question would reach nobody.
    public static let partNotAsked = Refusal(
        status: 409, code: "part_not_asked",
        id: "Pelapor memantau permohonan gabungan dengan satu kode, bukan bagian instansi Anda: pertanyaan di sini tidak sampai kepadanya. Hubungi pelapor lewat kontak pada kasus ini.",
        en: "the reporter follows the combined request by its one code, not your agency's part: a question here would reach nobody; use the reporter's contact on this case")
}
