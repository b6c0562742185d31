import Complaints
import Testing

/// The known regions as the gateway keeps them: each kecamatan followed by its desa/kelurahan (what
/// a filter offers), and a region found by its code (what an area filter and a feed check).
struct RegionDirectoryTests {
    let directory = RegionDirectory(regions: [
        NamedRegion(code: RegionCode("99.01.02.2001")!, name: "Cibodas"), NamedRegion(code: RegionCode("99.01.01")!, name: "Sukamaju"),
        NamedRegion(code: RegionCode("99.01.02")!, name: "Tanjungsari"), NamedRegion(code: RegionCode("99.01.01.1002")!, name: "Mekarsari"),
    ])

    @Test func eachKecamatanComesWithItsDesa() {
        #expect(directory.listed.map(\.code.value) == ["99.01.01", "99.01.01.1002", "99.01.02", "99.01.02.2001"])
    }

    @Test func aRegionIsFoundByItsCodeAndAnUnknownOneIsNot() {
        #expect(directory.region(RegionCode("99.01.02.2001")!)?.name == "Cibodas")
        #expect(directory.region(RegionCode("99.01.01")!)?.name == "Sukamaju")
        #expect(directory.region(RegionCode("99.01.01.2009")!) == nil && directory.region(RegionCode("99.09.01")!) == nil)
    }
}
