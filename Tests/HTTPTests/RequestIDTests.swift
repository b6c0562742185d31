import HTTP
import Testing

private func isGenerated(_ id: String) -> Bool {
    id.utf8.count == 16 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }
}

@Suite struct RequestIDTests {
    @Test(arguments: ["abc", "req-123_X.y", "0", String(repeating: "a", count: 128), "6f1c2b9a0d3e4f58"])
    func acceptKeepsSaneIDs(id: String) {
        #expect(RequestID.accept(id) == id)
    }

    @Test(arguments: ["", "has space", "line\r\nbreak", "semi;colon", "caf\u{E9}", "a/b", "<script>",
                      String(repeating: "a", count: 129)])
    func acceptReplacesBadIDs(id: String) {
        let accepted = RequestID.accept(id)
        #expect(accepted != id)
        #expect(isGenerated(accepted))
    }

    @Test func acceptMakesOneUpWhenNoneIsGiven() {
        #expect(isGenerated(RequestID.accept(nil)))
    }

    @Test func generatedIDsAreSixteenHexDigitsAndDiffer() {
        let ids = (0..<200).map { _ in RequestID.generate() }
        #expect(ids.allSatisfy(isGenerated))
        #expect(Set(ids).count == ids.count)
    }
}
