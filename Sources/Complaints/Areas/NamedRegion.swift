/// A known kecamatan or desa/kelurahan by its code and canonical name (`regions`).
public struct NamedRegion: Sendable, Equatable {
    public let code: RegionCode
    public let name: String

    public init(code: RegionCode, name: String) {
        self.code = code
        self.name = name
    }
}

/// Every known region, each kecamatan with its desa/kelurahan: what the queue page offers as its
/// area filter and the citizen form suggests as names.
public struct RegionDirectory: Sendable, Equatable {
    /// A kecamatan and its desa/kelurahan.
    public struct District: Sendable, Equatable {
        public let kecamatan: NamedRegion
        public let villages: [NamedRegion]
    }

    /// By kecamatan name, each kecamatan's desa/kelurahan by name.
    public let districts: [District]

    /// No regions known.
    public static let empty = RegionDirectory(regions: [])

    /// - Parameter regions: kecamatan and desa/kelurahan in any order; a desa/kelurahan whose
    ///   kecamatan is not among them is left out (the schema never has one).
    public init(regions: [NamedRegion]) {
        let byName: (NamedRegion, NamedRegion) -> Bool = { ($0.name, $0.code.value) < ($1.name, $1.code.value) }
        let villages = Dictionary(grouping: regions.filter(\.code.isVillage), by: \.code.district)
        districts = regions.filter { !$0.code.isVillage }.sorted(by: byName)
            .map { District(kecamatan: $0, villages: (villages[$0.code] ?? []).sorted(by: byName)) }
    }

    public var isEmpty: Bool { districts.isEmpty }

    /// Every region, each kecamatan followed by its desa/kelurahan: what a filter offers.
    public var listed: [NamedRegion] { districts.flatMap { [$0.kecamatan] + $0.villages } }

    /// The known region with this code, nil for none.
    public func region(_ code: RegionCode) -> NamedRegion? {
        guard let district = districts.first(where: { $0.kecamatan.code == code.district }) else { return nil }
        return code.isVillage ? district.villages.first { $0.code == code } : district.kecamatan
    }

    /// The distinct kecamatan names, sorted.
    public var kecamatanNames: [String] { Array(Set(districts.map(\.kecamatan.name))).sorted() }

    /// The distinct desa/kelurahan names, sorted.
    public var villageNames: [String] { Array(Set(districts.flatMap { $0.villages.map(\.name) })).sorted() }
}
