import Foundation

/// While a case waits for the reporter's answer to the officer's question (`awaiting_reporter`):
/// where it goes back to and how much of the agency's working time was left when the question was
/// asked. The paused deadline resumes from the answer with that time (`WorkingCalendar.adding(workingSeconds:to:)`).
public struct ReporterWait: Sendable, Equatable {
    /// The status the case was in when the officer asked, and returns to when the reporter answers.
    public let resumeStatus: ComplaintStatus
    /// Working seconds left of the step's deadline when the officer asked; nil when the step had none.
    public let remaining: Int?
    /// The reporter's time to answer ran out and the officer was told (once): the case may then be
    /// closed as unclear (`reject`).
    public internal(set) var lapsed: Bool

    public init(resumeStatus: ComplaintStatus, remaining: Int?, lapsed: Bool = false) {
        self.resumeStatus = resumeStatus
        self.remaining = remaining
        self.lapsed = lapsed
    }

    /// The statuses an officer may ask the reporter from: the agency is working the case.
    public static let askable: Set<ComplaintStatus> = [.dispatched, .verified, .inProgress]

    /// The internal note of the reminder the sweeper writes once the reporter's time ran out.
    public static let unansweredNote = "Pelapor belum menjawab pertanyaan dalam 10 hari kerja; kasus dapat ditutup sebagai tidak jelas (tolak). "
        + "/ The reporter did not answer within 10 working days; the case may be closed as unclear (reject)."
}
