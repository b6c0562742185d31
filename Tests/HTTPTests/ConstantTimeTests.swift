import HTTP
import Testing

struct ConstantTimeTests {
    @Test func comparesWholeStrings() {
        #expect(ConstantTime.equals("kunci-rahasia", "kunci-rahasia"))
        #expect(!ConstantTime.equals("kunci-rahasia", "kunci-rahasiA"))
        #expect(!ConstantTime.equals("kunci", "kunci-rahasia"))
        #expect(ConstantTime.equals("", ""))
        #expect(ConstantTime.isOne(of: ["a-key", "b-key"], "b-key"))
        #expect(!ConstantTime.isOne(of: ["a-key", "b-key"], "c-key"))
        #expect(!ConstantTime.isOne(of: [String](), ""))
    }
}
