import Foundation

/// What the statistics read of one case: when it came, who holds it, where it is, where it stands and
/// the two moments its timeline gives (`verifiedAt`, `resolvedAt`, found by `CaseFigures`' rules).
public struct CaseHistory: Sendable, Equatable {
    public let createdAt: Date
    /// The agency that holds the case now (a forwarded case counts for the agency that accepted it).
    public let agency: String
    /// The case's category now (an inspector may have moved it).
    public let category: String
    public let kecamatan: String?
    public let kelurahan: String?
    public let confidential: Bool
    public let status: ComplaintStatus
    /// A fan-out parent (a request whose parts are one case per agency): never counted itself.
    public let isParent: Bool
    /// The citizen's latest rating of a resolution (1 to 5), if any.
    public let rating: Int?
    /// The first verification: the first event that moved the case from `dispatched` (or from
    /// `forwarded`, the receiving agency accepting it) to `verified` or `in_progress`.
    public let verifiedAt: Date?
    /// The standing resolution: the last event that moved the case to `resolved`.
    public let resolvedAt: Date?

    public init(createdAt: Date, agency: String, category: String, kecamatan: String?, kelurahan: String?, confidential: Bool,
                status: ComplaintStatus, isParent: Bool, rating: Int?, verifiedAt: Date?, resolvedAt: Date?) {
        self.createdAt = createdAt
        self.agency = agency
        self.category = category
        self.kecamatan = kecamatan
        self.kelurahan = kelurahan
        self.confidential = confidential
        self.status = status
        self.isParent = isParent
        self.rating = rating
        self.verifiedAt = verifiedAt
        self.resolvedAt = resolvedAt
    }
}

/// One counted case's contribution to the public statistics (a row of `complaint_stat_facts`). The
/// rules of what counts are here, and nowhere else:
/// - **Cohort**: a case counts on the local day it was received (`created_at` in its agency's time
///   zone, WIB by default), for the agency that holds it and the category it has now.
/// - **Not counted**: a fan-out parent (each of its parts is a case of its own agency and counts
///   there) and a case marked duplicate (the report it duplicates counts; one problem, one count).
///   Rejected cases count as received, never as resolved.
/// - **Resolved**: the case is `resolved` or `closed` now, after a resolution (a reopened case is not).
/// - **Seconds to verify**: from receipt to the first verification (`CaseHistory.verifiedAt`), for
///   every case that has one, whatever happened after.
/// - **Seconds to resolve**: from receipt to the standing resolution, for resolved cases.
/// - **Within the deadline**: for resolved cases, whether the standing resolution came no later than
///   the verify and follow-up service levels together (3 + 5 = 8 working days by default), counted on
///   the agency's working calendar from receipt: the time the deadlines give a case that uses each
///   step's full time. Nil for a case not resolved.
/// - **Rating**: the citizen's latest rating, where there is one.
/// - **Confidential**: counted in every figure, but never placed: its area is left out, so an area
///   filter never includes it.
public struct CaseFigures: Sendable, Equatable {
    public let day: LocalDay
    public let agency: String
    public let category: String
    /// Nil for a confidential case.
    public let kecamatan: String?
    /// Nil for a confidential case.
    public let kelurahan: String?
    public let confidential: Bool
    public let resolved: Bool
    public let withinDeadline: Bool?
    public let verifySeconds: Int?
    public let resolveSeconds: Int?
    public let rating: Int?

    public init(day: LocalDay, agency: String, category: String, kecamatan: String?, kelurahan: String?, confidential: Bool,
                resolved: Bool, withinDeadline: Bool?, verifySeconds: Int?, resolveSeconds: Int?, rating: Int?) {
        self.day = day
        self.agency = agency
        self.category = category
        self.kecamatan = confidential ? nil : kecamatan
        self.kelurahan = confidential ? nil : kelurahan
        self.confidential = confidential
        self.resolved = resolved
        self.withinDeadline = withinDeadline
        self.verifySeconds = verifySeconds
        self.resolveSeconds = resolveSeconds
        self.rating = rating
    }

    /// The statuses a resolved case may have now.
    public static let resolvedStatuses: [ComplaintStatus] = [.resolved, .closed]
    /// A verification moves a case from one of these …
    public static let verifiedFrom: [ComplaintStatus] = [.dispatched, .forwarded]
    /// … to one of these (claiming or investigating a dispatched case verifies it at once).
    public static let verifiedTo: [ComplaintStatus] = [.verified, .inProgress]
    /// A resolution moves a case to this status (resolving, or validating a follow-up).
    public static let resolutionStatus = ComplaintStatus.resolved

    /// The area a filter finds the case by: its desa/kelurahan, else its kecamatan, else "".
    public var areaKey: String { kelurahan ?? kecamatan ?? "" }

    /// The case's figures, or nil when it is not counted (a fan-out parent, a duplicate).
    /// - Parameter calendar: the region's working calendar (zoned here for the case's agency).
    public static func measure(_ history: CaseHistory, calendar: WorkingCalendar) -> CaseFigures? {
        guard !history.isParent, history.status != .duplicate else { return nil }
        let zoned = calendar.zoned(for: history.agency)
        let resolvedAt = resolvedStatuses.contains(history.status) ? history.resolvedAt : nil
        let deadline = zoned.adding(workingDays: zoned.levels[.verify] + zoned.levels[.followUp], to: history.createdAt)
        func seconds(to moment: Date?) -> Int? {
            moment.map { max(0, Int($0.timeIntervalSince(history.createdAt).rounded(.down))) }
        }
        return CaseFigures(day: LocalDay(history.createdAt, utcOffset: zoned.utcOffset), agency: history.agency,
                           category: history.category, kecamatan: history.kecamatan, kelurahan: history.kelurahan,
                           confidential: history.confidential, resolved: resolvedAt != nil,
                           withinDeadline: resolvedAt.map { $0 <= deadline }, verifySeconds: seconds(to: history.verifiedAt),
                           resolveSeconds: seconds(to: resolvedAt), rating: history.rating)
    }
}
