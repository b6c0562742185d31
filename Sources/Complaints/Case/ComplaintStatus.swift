/// Where a case stands. The raw values are the stable codes the API and the database use.
public enum ComplaintStatus: String, CaseIterable, Sendable, Codable {
    case received, dispatched, verified
    case inProgress = "in_progress"
    case awaitingValidation = "awaiting_validation"
    case resolved, closed, rejected, postponed, duplicate
    /// Forwarded to another agency, which has yet to accept it or send it back (it holds the case meanwhile).
    case forwarded
    /// The officer asked the reporter a question and waits for the answer; the step's deadline is paused.
    case awaitingReporter = "awaiting_reporter"

    /// No further work happens on a case in these states (a resolved case may still be reopened).
    public var isTerminal: Bool { self == .closed || self == .rejected || self == .duplicate }

    /// The case is still open: in the staff queues and among the reports a new one may duplicate.
    /// The one rule for "open"; the SQL condition over `complaints.status` is generated from it.
    public var isOpen: Bool { !isTerminal }

    /// Every open status, in declaration order.
    public static let openStatuses = allCases.filter(\.isOpen)

    /// The agency is working the case against its deadline: past it, the case escalates by itself
    /// (to the supervisor, then to the inspectors). Not before it is taken into a module's queue,
    /// not while postponed, not once resolved (the deadline is then the citizen's time to answer).
    public var escalatesWhenOverdue: Bool {
        switch self {
        case .dispatched, .verified, .inProgress, .awaitingValidation: return true
        case .received, .resolved, .closed, .rejected, .postponed, .duplicate, .forwarded: return false
        case .awaitingReporter: return false
        }
    }

    /// Past its deadline, the case closes by itself: the citizen's time to answer a resolution ran out.
    public var closesWhenOverdue: Bool { self == .resolved }

    /// Past its deadline, the case goes back to the agency that forwarded it: the receiving agency let
    /// its time to accept run out, and a case is never left with nobody.
    public var returnsWhenOverdue: Bool { self == .forwarded }

    /// Past its deadline, the officer is told once that the reporter did not answer their question in time.
    public var remindsWhenOverdue: Bool { self == .awaitingReporter }

    /// The words a citizen reads, in Indonesian.
    public var labelID: String {
        switch self {
        case .received: return "Diterima"
        case .dispatched: return "Diteruskan ke instansi"
        case .verified: return "Terverifikasi"
        case .inProgress: return "Sedang ditindaklanjuti"
        case .awaitingValidation: return "Menunggu validasi"
        case .resolved: return "Selesai ditindaklanjuti"
        case .closed: return "Ditutup"
        case .rejected: return "Ditolak"
        case .postponed: return "Ditunda"
        case .duplicate: return "Digabung dengan laporan lain"
        case .forwarded: return "Diteruskan ke instansi lain"
        case .awaitingReporter: return "Menunggu jawaban pelapor"
        }
    }

    /// The words a citizen reads, in English.
    public var labelEN: String {
        switch self {
        case .received: return "Received"
        case .dispatched: return "Sent to the agency"
        case .verified: return "Verified"
        case .inProgress: return "In progress"
        case .awaitingValidation: return "Awaiting validation"
        case .resolved: return "Resolved"
        case .closed: return "Closed"
        case .rejected: return "Rejected"
        case .postponed: return "Postponed"
        case .duplicate: return "Merged with another report"
        case .forwarded: return "Forwarded to another agency"
        case .awaitingReporter: return "Waiting for the reporter"
        }
    }

    /// The label in the requested language (`id` or `en`).
    public func label(_ language: Language) -> String { language == .en ? labelEN : labelID }
}
