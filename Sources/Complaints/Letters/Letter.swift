import Foundation

/// A letter as the chain needs it: where it is, since when, until when (the letter as a whole, and
/// the step on its desk now), and its version (every action names the version it saw, so two
/// officials acting at once cannot both succeed).
public struct Letter: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let typeCode: String
    /// Whether the camat signs after the village head.
    public let reachesDistrict: Bool
    public let village: RegionCode
    public var step: LetterStep
    public var stepSince: Date
    /// The letter's own deadline: its type's working days from entry.
    public let dueAt: Date
    /// The type's deadline in working days, which each step gets again from the moment it begins.
    public let deadlineDays: Int
    /// The deadline of the step on its desk now: `deadlineDays` working days from `stepSince`.
    public var stepDueAt: Date
    public var version: Int

    public init(id: Int64, code: String, typeCode: String, reachesDistrict: Bool, village: RegionCode, step: LetterStep,
                stepSince: Date, dueAt: Date, deadlineDays: Int, stepDueAt: Date, version: Int) {
        self.id = id
        self.code = code
        self.typeCode = typeCode
        self.reachesDistrict = reachesDistrict
        self.village = village
        self.step = step
        self.stepSince = stepSince
        self.dueAt = dueAt
        self.deadlineDays = deadlineDays
        self.stepDueAt = stepDueAt
        self.version = version
    }

    /// The region whose officials hold `step`: the village for the village's steps, its kecamatan for the others.
    public func region(of step: LetterStep) -> RegionCode {
        step.position?.inVillage == false ? village.district : village
    }

    /// Whether the step on its desk has outlived its deadline at `now` (never once the chain is over).
    public func isOverdue(at now: Date) -> Bool { !step.isFinal && stepDueAt < now }
}

/// How a signature reads: the holder's own, "a.n." (atas nama: the village secretary for the village
/// head, as PETUNG DADI does), or "Plt." (pelaksana tugas: any other stand-in, such as the official
/// designated for the camat).
public enum SignatureCapacity: String, Sendable {
    case own
    case atasNama = "a.n."
    case plt = "Plt."

    /// The lines above the signer's name: the holder's title with "a.n."/"Plt.", and under "a.n."
    /// the signer's own position.
    public func titleLines(headTitle: String, signer: LetterPosition) -> [String] {
        switch self {
        case .own: return [headTitle]
        case .atasNama: return ["a.n. " + headTitle, signer.labelID]
        case .plt: return ["Plt. " + headTitle]
        }
    }

    /// Who stands in for a holder of `position` signs so.
    static func standIn(_ standIn: LetterPosition, for position: LetterPosition) -> SignatureCapacity {
        standIn == .villageSecretary && position == .villageHead ? .atasNama : .plt
    }
}

/// A signature on a letter: the signing position in its region, how it reads, and who signed.
public struct LetterSignature: Sendable, Equatable {
    public let position: LetterPosition
    public let region: RegionCode
    public let capacity: SignatureCapacity
    public let signer: Official
    public let at: Date

    public init(position: LetterPosition, region: RegionCode, capacity: SignatureCapacity, signer: Official, at: Date) {
        self.position = position
        self.region = region
        self.capacity = capacity
        self.signer = signer
        self.at = at
    }

    /// The lines of the signature block above the name: the title with "a.n."/"Plt.", and for
    /// "a.n." the signer's own position under it.
    /// - Parameter headTitle: the holder's title with the region ("Kepala Desa Sukamaju").
    public func titleLines(headTitle: String) -> [String] { capacity.titleLines(headTitle: headTitle, signer: signer.position) }
}
