import ServiceKit
import Testing

/// The reader: unset and empty take the default, a set value that does not read is a problem (never a
/// silent default), and every problem is kept.
struct ConfigurationReaderTests {
    @Test func unsetAndEmptyTakeTheDefault() throws {
        var reader = ConfigurationReader(["HUB_A": ""])
        let empty = reader.integer("HUB_A", default: 7, in: 1...9)
        let unset = reader.integer("HUB_B", default: 8, in: 1...9)
        let flag = reader.flag("HUB_C", default: true)
        #expect(empty == 7 && unset == 8 && flag)
        #expect(reader.text("HUB_A") == nil)
        try reader.finish()
    }

    @Test func aValueThatDoesNotReadIsAProblemNamingItsVariable() {
        var reader = ConfigurationReader(["HUB_A": "sembilan", "HUB_B": "ya", "HUB_C": "x"])
        _ = reader.integer("HUB_A", default: 7, in: 1...9)
        _ = reader.flag("HUB_B", default: false)
        _ = reader.read("HUB_C", default: 0, expected: "a secret", secret: true) { _ in nil as Int? }
        #expect(reader.problems.map(\.message) == ["HUB_A must be an integer in 1...9, got sembilan",
                                                   "HUB_B must be 1 or 0 (default 0), got ya",
                                                   "HUB_C must be a secret"])
        #expect(throws: ConfigurationError.self) { try reader.finish() }
    }
}
