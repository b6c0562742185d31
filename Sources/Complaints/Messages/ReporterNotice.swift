import Foundation

/// A change of a case that the reporter is told of, on each channel they left (email, text
/// message). The lifecycle writes it to the reporter's queue in the same transaction as the change
/// (`ReporterNotices`); the sender in intake finds the reporter's contact and language, renders the
/// words (`ReporterNoticeText`) and delivers them once per channel.
///
/// It carries no contact and nothing a confidential case hides: for a confidential case no note
/// travels, only the status and the link.
///
/// Wire format (version 1): `{"type": "reporter.notice", "version": 1, "key": "7-resolved-1733230000000000-0",
/// "complaint_id": 7, "tracking_code": "…", "notice": "resolved", "status": "resolved",
/// "agency": "dpupr", "due_at": "…", "note": "…", "answer_within": 10, "confidential": false}`, `agency`,
/// `due_at`, `note` and `answer_within` only where the notice has them.
public struct ReporterNotice: HubMessage {
    public static let type = "reporter.notice"
    public static let version = 1

    /// What the reporter is told; each kind has its words in `ReporterNoticeText`.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Stored, with the code and the tracking link.
        case received
        /// Taken in by the agency, with its name and the deadline of the next step.
        case takenIn = "taken_in"
        /// A public note of the officer.
        case note
        /// Resolved, with the link to rate the resolution.
        case resolved
        /// Reopened after the citizen's answer.
        case reopened
        /// Moved to another agency, named.
        case moved
        /// Rejected, with the public reason.
        case rejected
        case closed
        /// A request worked by several agencies moved on as a whole (its parts' progress is on the tracking page).
        case progressed
        /// The officer asks the reporter a question (the note), to answer on the tracking page.
        case question
    }

    /// The event's identity: the case, the event's kind, the change's moment and its place in the
    /// change. With a channel it is the idempotency key of one delivery (`deliveryKey(for:)`).
    public let key: String
    public let complaintID: Int64
    public let trackingCode: String
    public let notice: Kind
    /// The case's status after the change.
    public let status: ComplaintStatus
    /// The agency's code, where the notice names it (taken in, moved).
    public let agency: String?
    /// The deadline of the next step, where the notice names it (taken in).
    public let dueAt: Date?
    /// The public text (a note, a resolution, a reason), never for a confidential case.
    public let note: String?
    /// The working days the reporter has to answer, as the service level stood when the officer
    /// asked (a question).
    public let answerWithin: Int?
    public let confidential: Bool

    public init(key: String, complaintID: Int64, trackingCode: String, notice: Kind, status: ComplaintStatus,
                agency: String? = nil, dueAt: Date? = nil, note: String? = nil, answerWithin: Int? = nil, confidential: Bool) {
        self.key = key
        self.complaintID = complaintID
        self.trackingCode = trackingCode
        self.notice = notice
        self.status = status
        self.agency = agency
        self.dueAt = dueAt
        self.note = confidential ? nil : note
        self.answerWithin = answerWithin
        self.confidential = confidential
    }

    /// The idempotency key of this notice's delivery on `channel`: at most one delivery each.
    public func deliveryKey(for channel: NoticeChannel) -> String { key + ":" + channel.rawValue }

    enum CodingKeys: String, CodingKey {
        case key, notice, status, agency, note, confidential
        case complaintID = "complaint_id", trackingCode = "tracking_code", dueAt = "due_at", answerWithin = "answer_within"
    }
}

/// A way a reporter is told: an email, or a text message through the gateway (SMS or WhatsApp).
public enum NoticeChannel: String, Codable, Sendable, CaseIterable {
    case email, sms, whatsapp
}

/// Which ways of telling the reporter this deployment has (`HUB_SMTP_URL`, `HUB_TEXT_GATEWAY_URL`):
/// the form promises only what is there.
public struct NoticeChannels: Sendable, Equatable {
    public var email: Bool
    public var text: Bool
    /// The text channel a reporter who chooses none is told on (`HUB_TEXT_GATEWAY_CHANNEL`).
    public var textChannel: NoticeChannel = .sms

    public init(email: Bool, text: Bool) {
        self.email = email
        self.text = text
    }

    /// Nothing is sent.
    public static let none = NoticeChannels(email: false, text: false)

    /// Whether the reporter is told anything at all.
    public var any: Bool { email || text }
}
