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

    /// The internal note of the reminder the sweeper writes once the reporter's time ran out (the
    /// service level `reporter_answer` as it stood when the officer asked).
    public static let unansweredNote = "Waktu pelapor untuk menjawab pertanyaan sudah habis; kasus dapat ditutup sebagai tidak jelas (tolak). "
        + "/ The reporter's time to answer the question ran out; the case may be closed as unclear (reject)."
}
