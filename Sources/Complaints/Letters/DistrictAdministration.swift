/// What a district admin (admin kecamatan) may do in the organisation of their own kecamatan and its
/// desa/kelurahan: create the accounts of its letter positions, record and cancel leave. Decided
/// here, from the admin and the officials concerned; the refusals sit beside (DistrictRefusals.swift).
public enum DistrictAdministration {
    /// The positions a district admin creates accounts for: every letter position but their own.
    public static let creatablePositions = LetterPosition.allCases.filter { $0 != .districtAdmin }

    /// The admin behind an official, or a refusal.
    /// - Throws: `Refusal.districtAdminOnly` for any other position.
    public static func admin(_ official: Official?) throws(Refusal) -> Official {
        guard let official, official.position == .districtAdmin else { throw Refusal.districtAdminOnly }
        return official
    }

    /// Checks a new official: a letter position a district admin creates, bound to the admin's
    /// kecamatan (district positions) or one of its desa/kelurahan (village positions).
    /// - Throws: `Refusal.invalidRole` for another role, `.regionOfPosition` for a region of the wrong
    ///   level or none, `.outsideDistrict` for a region of another kecamatan.
    public static func checkNewOfficial(role: Role, region text: String?, by admin: Official) throws(Refusal) -> RegionCode {
        guard let position = LetterPosition(role: role), creatablePositions.contains(position) else { throw Refusal.invalidLetterRole }
        guard let text, let region = RegionCode(text), region.isVillage == position.inVillage else { throw Refusal.regionOfPosition }
        guard region.district == admin.region else { throw Refusal.outsideDistrict }
        return region
    }

    /// Checks a leave: the absent official works in the admin's kecamatan, and the stand-in is another
    /// official of the same desa/kelurahan or kecamatan who is not an admin.
    /// - Throws: `Refusal.outsideDistrict`, `.standInNotEligible`.
    public static func checkLeave(of absent: Official, standIn: Official?, by admin: Official) throws(Refusal) {
        guard absent.region.district == admin.region else { throw Refusal.outsideDistrict }
        guard let standIn, standIn.accountID != absent.accountID, standIn.region == absent.region,
              standIn.position != .districtAdmin else { throw Refusal.standInNotEligible }
    }

    /// Checks the cancelling of a leave: one of the admin's kecamatan, not cancelled yet, not over.
    /// - Parameter today: the local day (`WorkingCalendar.day(of:)`).
    /// - Throws: `Refusal.leaveNotFound` for a leave of another kecamatan (as for one that does not
    ///   exist), `.leaveOver` for one cancelled already or past.
    public static func checkCancel(_ leave: RecordedLeave, by admin: Official, today: Int) throws(Refusal) {
        guard leave.official.region.district == admin.region else { throw Refusal.leaveNotFound }
        guard leave.cancelled == false, leave.leave.toDay >= today else { throw Refusal.leaveOver }
    }
}

/// A leave as the district admin's pages list it: the leave, who is away, who stands in, and
/// whether it was cancelled.
public struct RecordedLeave: Sendable, Equatable {
    public let id: Int64
    public let leave: Leave
    public let official: Official
    public let login: String
    public let standIn: Official
    public let standInLogin: String
    public let cancelled: Bool

    public init(id: Int64, leave: Leave, official: Official, login: String, standIn: Official, standInLogin: String, cancelled: Bool) {
        self.id = id
        self.leave = leave
        self.official = official
        self.login = login
        self.standIn = standIn
        self.standInLogin = standInLogin
        self.cancelled = cancelled
    }
}

/// An account bound to a region of a kecamatan, as the positions page lists it.
public struct PositionHolder: Sendable, Equatable {
    public let official: Official
    public let login: String
    public let active: Bool
    /// The leave that covers today, if any.
    public let onLeaveUntil: Int?

    public init(official: Official, login: String, active: Bool, onLeaveUntil: Int?) {
        self.official = official
        self.login = login
        self.active = active
        self.onLeaveUntil = onLeaveUntil
    }
}
