import Complaints
import HTTP
import ServiceKit

/// The walk-in desk of the module that takes submissions (intake): the intake channels it offers
/// and its use case that stores a visitor's complaint entered by staff. The staff pages under
/// `/staff/desk` render around it; the module that stores complaints provides it.
public struct DeskIntake: Sendable {
    /// What became of a complaint entered at the desk.
    public enum Outcome: Sendable {
        case stored(TrackingCode)
        /// Refused by field (nothing stored); the page comes back filled in.
        case refused(SubmissionRefusal)
    }

    /// The desk's use case.
    /// - Parameters:
    ///   - submission: the complaint as the page read it (its channel is the desk's).
    ///   - intakeChannel: the code of the `intake_channels` row chosen.
    ///   - account: the staff member entering it (audited with the request's address).
    /// - Throws: `Refusal.deskStaffOnly`, `Refusal.unknownIntakeChannel` (nothing stored).
    public typealias Submit = @Sendable (_ submission: SubmissionRequest, _ intakeChannel: String?, _ account: Account,
                                         _ request: HTTPRequest) throws -> Outcome

    /// The site's own URL, for the tracking address printed on the receipt.
    public let site: PublicURL
    /// How reporters hear of changes, as the receipt tells the visitor.
    public let notices: NoticeChannels
    /// The channels the desk offers, in the table's order.
    public let channels: @Sendable () throws -> [IntakeChannel]
    public let submit: Submit

    public init(site: PublicURL, notices: NoticeChannels, channels: @escaping @Sendable () throws -> [IntakeChannel],
                submit: @escaping Submit) {
        self.site = site
        self.notices = notices
        self.channels = channels
        self.submit = submit
    }
}
