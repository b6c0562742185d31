/// The service levels, in working days, as the region set them (table `service_levels`, edited by
/// admins): the store loads them with the calendar and the lifecycle reads them from it, so a
/// change applies to the next deadline set, never to one already running.
public struct ServiceLevels: Sendable, Equatable {
    /// The kinds of deadline a region sets.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Taking a case in (dispatched, or forwarded to another agency) until it is verified.
        case verify
        /// A verified case until it is resolved.
        case followUp = "follow_up"
        /// A resolved case until it closes by itself when the citizen does not answer.
        case closeAfterResolution = "close_after_resolution"
        /// A supervisor's time once an overdue case is escalated to them.
        case supervisor
        /// The inspectorate's time for a report of misconduct (SP4N-LAPOR!: 60).
        case misconduct
        /// The reporter's time to answer the officer's question, after which the officer is told and
        /// may close the case as unclear. The reporter's clock, not a step of the agency's.
        case reporterAnswer = "reporter_answer"

        /// What the kind is called on the admin pages.
        public var nameID: String {
            switch self {
            case .verify: return "Verifikasi"
            case .followUp: return "Tindak lanjut"
            case .closeAfterResolution: return "Penutupan setelah selesai"
            case .supervisor: return "Supervisor setelah eskalasi"
            case .misconduct: return "Pengaduan berkadar pengawasan"
            case .reporterAnswer: return "Jawaban pelapor"
            }
        }

        public var nameEN: String {
            switch self {
            case .verify: return "Verification"
            case .followUp: return "Follow-up"
            case .closeAfterResolution: return "Closing after resolution"
            case .supervisor: return "Supervisor after escalation"
            case .misconduct: return "Reports of misconduct"
            case .reporterAnswer: return "Reporter's answer"
            }
        }
    }

    /// The longest deadline a region may set, in working days (about two working years).
    public static let maximumDays = 500

    private var days: [Kind: Int]

    /// - Parameter days: working days per kind; a kind not given keeps its standard value.
    public init(_ days: [Kind: Int] = [:]) {
        self.days = Self.standardDays.merging(days) { _, given in given }
    }

    /// The working days of a kind of deadline.
    public subscript(kind: Kind) -> Int { days[kind] ?? Self.standardDays[kind]! }

    /// The levels the hub ships with (DESIGN.md): verify within 3, follow up within 5, close 10 after
    /// resolution, 2 for a supervisor, 60 for the inspectorate, 10 for the reporter to answer (issue 14).
    public static let standard = ServiceLevels()

    private static let standardDays: [Kind: Int] = [
        .verify: 3, .followUp: 5, .closeAfterResolution: 10, .supervisor: 2, .misconduct: 60, .reporterAnswer: 10,
    ]

    /// Whether a number of working days may be a deadline: 1 to `maximumDays`.
    public static func admits(_ days: Int) -> Bool { (1...maximumDays).contains(days) }
}
