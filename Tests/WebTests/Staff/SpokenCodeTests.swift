import Testing
@testable import Web

struct SpokenCodeTests {
    @Test func codesAreGroupedAsOnTheCitizensPage() {
        #expect(SpokenCode.grouped("7QK2M9XW4HNPA") == "7QK2-M9XW-4HNPA")
        #expect(SpokenCode.grouped("7qk2 m9xw 4hnpa") == "7QK2-M9XW-4HNPA")
    }

    @Test func somethingElseIsShownAsItIs() {
        #expect(SpokenCode.grouped("not-a-code") == "not-a-code")
    }
}
