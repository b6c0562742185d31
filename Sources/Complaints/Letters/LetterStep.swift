/// Where a letter stands in the chain, and the position whose desk it is on.
///
/// village front office enters → village secretary checks → village head signs → (letters that go
/// on) district front office receives → kasi pelayanan checks → camat signs → ready, printed at the
/// village front office. A return sends the letter back to the village front office for correction.
public enum LetterStep: String, CaseIterable, Sendable {
    case correction = "correction"
    case villageCheck = "village_check"
    case villageSign = "village_sign"
    case districtReceive = "district_receive"
    case districtCheck = "district_check"
    case districtSign = "district_sign"
    case ready = "ready"
    case rejected = "rejected"

    /// The position that holds the step; nil once rejected.
    public var position: LetterPosition? {
        switch self {
        case .correction, .ready: return .villageFrontOffice
        case .villageCheck: return .villageSecretary
        case .villageSign: return .villageHead
        case .districtReceive: return .districtFrontOffice
        case .districtCheck: return .districtServiceHead
        case .districtSign: return .districtHead
        case .rejected: return nil
        }
    }

    /// Whether the chain is over (ready or rejected).
    public var isFinal: Bool { self == .ready || self == .rejected }

    /// The actions the position holding the step may take.
    public var allowed: Set<LetterAction.Kind> {
        switch self {
        case .correction, .districtReceive: return [.pass]
        case .villageCheck, .districtCheck: return [.pass, .return, .reject]
        case .villageSign, .districtSign: return [.sign, .reject]
        case .ready, .rejected: return []
        }
    }

    public var labelID: String {
        switch self {
        case .correction: return "Dikembalikan untuk diperbaiki"
        case .villageCheck: return "Diperiksa sekretaris desa"
        case .villageSign: return "Menunggu tanda tangan kepala desa"
        case .districtReceive: return "Diterima pelayanan kecamatan"
        case .districtCheck: return "Diperiksa kasi pelayanan"
        case .districtSign: return "Menunggu tanda tangan camat"
        case .ready: return "Selesai, dapat diambil di kantor desa"
        case .rejected: return "Ditolak"
        }
    }

    public var labelEN: String {
        switch self {
        case .correction: return "Returned for correction"
        case .villageCheck: return "Checked by the village secretary"
        case .villageSign: return "Awaiting the village head's signature"
        case .districtReceive: return "Received by the sub-district front office"
        case .districtCheck: return "Checked by the head of services"
        case .districtSign: return "Awaiting the camat's signature"
        case .ready: return "Ready to collect at the village office"
        case .rejected: return "Rejected"
        }
    }

    public func label(_ language: Language) -> String { language == .en ? labelEN : labelID }
}

/// What an official does with a letter on their desk.
public enum LetterAction: Sendable, Equatable {
    /// Checked (or corrected, or received): on to the next step.
    case pass
    /// Back to the village front office for correction, with the reason.
    case `return`(reason: String)
    case sign
    /// The letter is refused for good, with the reason.
    case reject(reason: String)

    public enum Kind: String, Sendable, CaseIterable {
        case pass, `return`, sign, reject
    }

    public var kind: Kind {
        switch self {
        case .pass: return .pass
        case .return: return .return
        case .sign: return .sign
        case .reject: return .reject
        }
    }

    /// The reason of a return or a rejection.
    public var reason: String? {
        switch self {
        case .return(let reason), .reject(let reason): return reason
        case .pass, .sign: return nil
        }
    }
}
