import Testing
@testable import Web

struct FormTokenTests {
    @Test func tokensAre32HexDigitsAndDoNotRepeat() {
        let tokens = (0..<200).map { _ in FormToken.generate() }
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(tokens).count == tokens.count)
    }
}
