import Complaints
import Testing

@Suite struct RegionCodeTests {
    @Test(arguments: ["35.03.01", "35.03.01.2001", "99.71.02.1004"])
    func readsKemendagriCodes(text: String) {
        #expect(RegionCode(text)?.value == text)
    }

    @Test(arguments: ["", "35.03", "35.03.1", "35.03.01.", "35.03.01.201", "35.03.01.20011", "35-03-01", "35.03.0a",
                      "35.03.01.2001.1", "３５.03.01", "35.03.01 ", " 35.03.01", "35..03.01", "350.3.01"])
    func refusesAnythingElse(text: String) {
        #expect(RegionCode(text) == nil)
    }

    @Test func knowsItsKecamatan() {
        #expect(RegionCode("35.03.01.2001")?.district == RegionCode("35.03.01"))
        #expect(RegionCode("35.03.01")?.isVillage == false)
    }
}
