/// A Kemendagri region code: `35.03.01` is a kecamatan, `35.03.01.2001` a desa/kelurahan in it
/// (province, regency, kecamatan, then 1xxx for a kelurahan and 2xxx for a desa).
public struct RegionCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// - Returns: nil unless the text is two-digit groups `PP.KK.CC` or `PP.KK.CC.DDDD`.
    public init?(_ text: String) {
        // Checked on the UTF-8 bytes: every public report read carries two codes.
        let bytes = text.utf8
        guard bytes.count == 8 || bytes.count == 13 else { return nil }
        for (index, byte) in bytes.enumerated() {
            let isDot = index == 2 || index == 5 || index == 8
            guard isDot ? byte == UInt8(ascii: ".") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        }
        value = text
    }

    /// Whether the code names a desa/kelurahan (four groups) rather than a kecamatan.
    public var isVillage: Bool { value.split(separator: ".").count == 4 }

    /// The kecamatan a desa/kelurahan lies in; the code itself for a kecamatan.
    public var district: RegionCode {
        isVillage ? RegionCode(value.split(separator: ".").prefix(3).joined(separator: "."))! : self
    }

    /// Whether this region is `area` or lies in it (a desa/kelurahan in its kecamatan): what an area
    /// filter covers.
    public func lies(in area: RegionCode) -> Bool { self == area || (!area.isVillage && district == area) }

    /// What a desa/kelurahan code says of its kind: its fourth group starts with 1 for a kelurahan and
    /// with 2 for a desa (migration 022); nil for a kecamatan's code and for any other first digit.
    public var villageKind: RegionKind? {
        guard isVillage, let first = value.split(separator: ".")[3].first else { return nil }
        switch first {
        case "1": return .kelurahan
        case "2": return .desa
        default: return nil
        }
    }

    public var description: String { value }
}

/// The level of a region, as `hubctl areas import` names it.
public enum RegionKind: String, Sendable, CaseIterable {
    case kecamatan, desa, kelurahan

    public var isVillage: Bool { self != .kecamatan }

    /// The head's title on a letter: Kepala Desa, Lurah, Camat.
    public var headTitle: String {
        switch self {
        case .kecamatan: return "Camat"
        case .desa: return "Kepala Desa"
        case .kelurahan: return "Lurah"
        }
    }
}

/// A kecamatan or desa/kelurahan with its letterhead.
public struct Region: Sendable, Equatable {
    public let code: RegionCode
    public let kind: RegionKind
    public let name: String
    /// The letterhead's address; nil for a region loaded from its boundary only (its letters then
    /// carry its name alone).
    public let address: String?
    /// The logo's bytes (PNG or JPEG) and media type, or nil.
    public let logo: [UInt8]?
    public let logoMediaType: String?

    public init(code: RegionCode, kind: RegionKind, name: String, address: String?, logo: [UInt8]? = nil, logoMediaType: String? = nil) {
        self.code = code
        self.kind = kind
        self.name = name
        self.address = address
        self.logo = logo
        self.logoMediaType = logoMediaType
    }

    /// The head's title with the region's name: "Kepala Desa Sukamaju", "Camat Sukasari".
    public var headTitle: String { "\(kind.headTitle) \(name)" }
}
