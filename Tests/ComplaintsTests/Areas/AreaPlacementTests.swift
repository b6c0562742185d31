import Complaints
import Testing

/// Where a submission lies, as a table: the point decides alone; without one, the typed names,
/// matched without regard to case and spaces, within the typed kecamatan; a shared name places only
/// the typed kecamatan.
struct AreaPlacementTests {
    static func place(_ code: String, _ name: String) -> AreaPlacement.Place { AreaPlacement.Place(code: RegionCode(code)!, name: name) }
    static let sukamajuDistrict = place("99.01.01", "Sukamaju")
    static let tanjungsari = place("99.01.02", "Tanjungsari")
    static let sukamaju = place("99.01.01.2001", "Sukamaju")
    static let mekarsari = place("99.01.01.1002", "Mekarsari")
    static let mekarsariInTanjungsari = place("99.01.02.2003", "Mekarsari")

    static func village(_ match: AreaPlacement.Candidate.Match, _ region: AreaPlacement.Place, in district: AreaPlacement.Place) -> AreaPlacement.Candidate {
        AreaPlacement.Candidate(match: match, region: region, district: district)
    }
    static func district(_ match: AreaPlacement.Candidate.Match, _ region: AreaPlacement.Place) -> AreaPlacement.Candidate {
        AreaPlacement.Candidate(match: match, region: region, district: nil)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let hasPoint: Bool
        let kelurahan: String?
        let kecamatan: String?
        let candidates: [AreaPlacement.Candidate]
        let expected: AreaPlacement
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "a point in a desa gives the desa and its kecamatan", hasPoint: true, kelurahan: nil, kecamatan: nil,
            candidates: [district(.point, sukamajuDistrict), village(.point, mekarsari, in: sukamajuDistrict)],
            expected: AreaPlacement(kecamatan: sukamajuDistrict, kelurahan: mekarsari)),
        Row(name: "the point wins over typed names", hasPoint: true, kelurahan: "Cibodas", kecamatan: "Tanjungsari",
            candidates: [village(.point, sukamaju, in: sukamajuDistrict)],
            expected: AreaPlacement(kecamatan: sukamajuDistrict, kelurahan: sukamaju)),
        Row(name: "a point on a shared edge goes to the lower code", hasPoint: true, kelurahan: nil, kecamatan: nil,
            candidates: [village(.point, sukamaju, in: sukamajuDistrict), village(.point, mekarsari, in: sukamajuDistrict)],
            expected: AreaPlacement(kecamatan: sukamajuDistrict, kelurahan: mekarsari)),
        Row(name: "a point in a kecamatan without a known desa there gives the kecamatan", hasPoint: true, kelurahan: nil, kecamatan: nil,
            candidates: [district(.point, tanjungsari)], expected: AreaPlacement(kecamatan: tanjungsari, kelurahan: nil)),
        Row(name: "a point outside every region places nothing, whatever was typed", hasPoint: true, kelurahan: "Mekarsari",
            kecamatan: "Sukamaju", candidates: [], expected: .nowhere),
        Row(name: "a known kelurahan name places it and its kecamatan", hasPoint: false, kelurahan: "  mekarSARI ", kecamatan: nil,
            candidates: [village(.name, mekarsari, in: sukamajuDistrict)],
            expected: AreaPlacement(kecamatan: sukamajuDistrict, kelurahan: mekarsari)),
        Row(name: "spaces between words do not matter", hasPoint: false, kelurahan: nil, kecamatan: "Tanjung   sari",
            candidates: [district(.name, place("99.01.02", "Tanjung sari"))],
            expected: AreaPlacement(kecamatan: place("99.01.02", "Tanjung sari"), kelurahan: nil)),
        Row(name: "a kelurahan name in two kecamatan places nothing without a kecamatan", hasPoint: false, kelurahan: "Mekarsari",
            kecamatan: nil, candidates: [village(.name, mekarsari, in: sukamajuDistrict), village(.name, mekarsariInTanjungsari, in: tanjungsari)],
            expected: .nowhere),
        Row(name: "the typed kecamatan settles a shared kelurahan name", hasPoint: false, kelurahan: "Mekarsari", kecamatan: "tanjungsari",
            candidates: [village(.name, mekarsari, in: sukamajuDistrict), village(.name, mekarsariInTanjungsari, in: tanjungsari),
                         district(.name, tanjungsari)],
            expected: AreaPlacement(kecamatan: tanjungsari, kelurahan: mekarsariInTanjungsari)),
        Row(name: "a kelurahan not in the typed kecamatan places only the kecamatan", hasPoint: false, kelurahan: "Sukamaju",
            kecamatan: "Tanjungsari", candidates: [village(.name, sukamaju, in: sukamajuDistrict), district(.name, tanjungsari)],
            expected: AreaPlacement(kecamatan: tanjungsari, kelurahan: nil)),
        Row(name: "unknown names place nothing", hasPoint: false, kelurahan: "Antah", kecamatan: "Berantah", candidates: [],
            expected: .nowhere),
        Row(name: "an unknown kelurahan in a known kecamatan places the kecamatan", hasPoint: false, kelurahan: "Antah",
            kecamatan: "Sukamaju", candidates: [district(.name, sukamajuDistrict)],
            expected: AreaPlacement(kecamatan: sukamajuDistrict, kelurahan: nil)),
        Row(name: "nothing typed and no point places nothing", hasPoint: false, kelurahan: " ", kecamatan: nil, candidates: [],
            expected: .nowhere),
    ]

    @Test(arguments: rows)
    func placesAsTheTableSays(_ row: Row) {
        #expect(AreaPlacement.place(hasPoint: row.hasPoint, kelurahan: row.kelurahan, kecamatan: row.kecamatan,
                                    candidates: row.candidates) == row.expected)
    }

    @Test func namesAreMatchedInLowerCaseWithSingleSpaces() {
        #expect(AreaPlacement.matchable("  Tanjung \t Sari ") == "tanjung sari")
        #expect(AreaPlacement.matchable("   ") == nil)
        #expect(AreaPlacement.matchable(nil) == nil)
    }

    @Test func aVillageCodeSaysItsKind() {
        #expect(RegionCode("99.01.01.1002")?.villageKind == .kelurahan)
        #expect(RegionCode("99.01.01.2001")?.villageKind == .desa)
        #expect(RegionCode("99.01.01.3001")?.villageKind == nil)
        #expect(RegionCode("99.01.01")?.villageKind == nil)
    }
}
