/// Where a complaint lies among the known regions (`regions`): its kecamatan and desa/kelurahan by
/// code, with their canonical names. Decided at submission by `AreaPlacement.place`.
public struct AreaPlacement: Sendable, Equatable {
    /// A known region, by code and canonical name.
    public typealias Place = NamedRegion

    public let kecamatan: Place?
    /// Only ever set together with its kecamatan.
    public let kelurahan: Place?

    /// Placed nowhere: the codes stay null and the typed names are kept as typed.
    public static let nowhere = AreaPlacement(kecamatan: nil, kelurahan: nil)

    public init(kecamatan: Place?, kelurahan: Place?) {
        self.kecamatan = kecamatan
        self.kelurahan = kelurahan
    }

    /// A region the store found for a submission: one covering its point, or one whose name is a
    /// typed one (`AreaPlacement.matchable`). A desa/kelurahan comes with its kecamatan.
    public struct Candidate: Sendable, Equatable {
        /// How the store found it.
        public enum Match: String, Sendable {
            /// Its boundary covers the point.
            case point
            /// Its name is the typed kelurahan's (a desa/kelurahan) or the typed kecamatan's (a kecamatan).
            case name
        }

        public let match: Match
        public let region: Place
        /// The kecamatan of a desa/kelurahan; nil for a kecamatan.
        public let district: Place?

        public init(match: Match, region: Place, district: Place?) {
            self.match = match
            self.region = region
            self.district = district
        }

        var isVillage: Bool { district != nil }
    }

    /// A typed name as the reference list is matched: lower case, spaces around and between words
    /// reduced to one; nil for a missing or blank name. The store compares it with `lower(name)` of
    /// names stored the same way (`hubctl areas import` trims and collapses their spaces).
    public static func matchable(_ name: String?) -> String? {
        guard let name else { return nil }
        let words = name.split(whereSeparator: { $0.isWhitespace })
        return words.isEmpty ? nil : words.joined(separator: " ").lowercased()
    }

    /// Where a submission lies. A point decides alone: the desa/kelurahan whose boundary covers it
    /// (with its kecamatan), else a kecamatan that covers it, else nowhere, whatever names were typed.
    /// Without a point, the typed kelurahan decides when its name is one desa/kelurahan's (within the
    /// typed kecamatan when one is typed); a name shared by several places nothing but the typed
    /// kecamatan, when that is one known kecamatan.
    /// - Parameters:
    ///   - hasPoint: whether the submission has a point.
    ///   - kelurahan: the typed kelurahan, kecamatan: the typed kecamatan (as submitted).
    ///   - candidates: what the store found for the point and the matchable names.
    public static func place(hasPoint: Bool, kelurahan: String?, kecamatan: String?, candidates: [Candidate]) -> AreaPlacement {
        if hasPoint {
            let covering = candidates.filter { $0.match == .point }
            // Shared edges cover a point from both sides: the lowest code decides, the same every time.
            if let village = covering.filter(\.isVillage).min(by: { $0.region.code.value < $1.region.code.value }) {
                return AreaPlacement(kecamatan: village.district, kelurahan: village.region)
            }
            if let district = covering.min(by: { $0.region.code.value < $1.region.code.value }) {
                return AreaPlacement(kecamatan: district.region, kelurahan: nil)
            }
            return .nowhere
        }
        let named = candidates.filter { $0.match == .name }
        let typedDistrict = matchable(kecamatan)
        let districts = typedDistrict == nil ? [] : named.filter { !$0.isVillage && matchable($0.region.name) == typedDistrict }
        let district = districts.count == 1 ? districts[0].region : nil
        if let typedVillage = matchable(kelurahan) {
            let villages = named.filter { village in
                village.isVillage && matchable(village.region.name) == typedVillage
                    && (typedDistrict == nil || matchable(village.district?.name) == typedDistrict)
            }
            if villages.count == 1 { return AreaPlacement(kecamatan: villages[0].district, kelurahan: villages[0].region) }
        }
        return AreaPlacement(kecamatan: district, kelurahan: nil)
    }
}
