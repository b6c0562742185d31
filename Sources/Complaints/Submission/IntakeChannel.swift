/// A way a complaint reached the agency before staff entered it at the desk (a PPM's intake
/// channel: a walk-in visitor, a call, a letter, a post on social media), as the schema's
/// `intake_channels` table holds it. Data, not code: a region keeps its own list. `Channel` stays how
/// the hub itself received the request.
public struct IntakeChannel: Sendable, Equatable {
    public let code: String
    public let nameID: String
    public let nameEN: String

    public init(code: String, nameID: String, nameEN: String) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }

    /// The offered channel a desk submission names.
    /// - Parameters:
    ///   - code: the code sent (the JSON member or the page's choice); nil or blank when none was.
    ///   - offered: the active channels, in the table's order.
    /// - Returns: nil when no channel was named (the JSON desk path accepts that, as it did before).
    /// - Throws: `Refusal.unknownIntakeChannel` for a code the table does not offer (nothing is stored).
    public static func chosen(_ code: String?, from offered: [IntakeChannel]) throws(Refusal) -> IntakeChannel? {
        guard let code, !code.isBlank else { return nil }
        guard let channel = offered.first(where: { $0.code == code }) else { throw Refusal.unknownIntakeChannel }
        return channel
    }
}

/// Who enters a visitor's complaint at the walk-in desk: agency staff, their supervisors and admins;
/// not validators or inspectors, who judge the work of others.
extension Role {
    public var entersDeskComplaints: Bool { self == .staff || self == .supervisor || self == .admin }

    /// - Throws: `Refusal.deskStaffOnly` for a role that does not enter complaints at the desk.
    public func checkEntersDeskComplaints() throws(Refusal) {
        guard entersDeskComplaints else { throw Refusal.deskStaffOnly }
    }
}
