import Postgres
import Testing

struct WALPositionTests {
    @Test(arguments: [("0/0", 0), ("16/B374D848", 0x16_B374_D848), ("0/1", 1), ("FFFFFFFF/FFFFFFFF", UInt64.max), ("a/b", 0xA_0000_000B)])
    func readsPostgresTextForm(_ text: String, _ value: UInt64) {
        #expect(WALPosition(text)?.value == value)
    }

    @Test(arguments: ["", "16", "16/", "/B3", "1/2/3", "G/0", "123456789/0", "0/123456789", " 0/1", "0/1 ", "-1/0", "+1/0"])
    func refusesAnythingElse(_ text: String) {
        #expect(WALPosition(text) == nil)
    }

    @Test func writesWhatItReads() {
        #expect(WALPosition(0x16_B374_D848).description == "16/B374D848")
        #expect(WALPosition(0).description == "0/0")
        #expect(WALPosition("a/b")?.description == "A/B")
    }

    @Test func comparesAsOneNumber() throws {
        #expect(try #require(WALPosition("1/0")) > #require(WALPosition("0/FFFFFFFF")))
        #expect(try #require(WALPosition("0/10")) < #require(WALPosition("0/11")))
    }
}
