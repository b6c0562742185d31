@testable import HTTP
@testable import ServiceKit
import Testing

/// Finding 10: a log line must not link a reporter's address to their tracking code.
struct LogRedactionTests {
    @Test func trackingCodesKeepTheirFirstFourCharacters() {
        #expect(LogRedaction.path("/track/7QK2M9XW4HNPA") == "/track/7QK2…")
        #expect(LogRedaction.path("/track/7QK2M9XW4HNPA/feedback") == "/track/7QK2…/feedback")
        #expect(LogRedaction.path("/api/v1/complaints/7QK2M9XW4HNPA/photos/1") == "/api/v1/complaints/7QK2…/photos/1")
        #expect(LogRedaction.path("/api/v1/staff/cases/7QK2M9XW4HNPA/claim") == "/api/v1/staff/cases/7QK2…/claim")
        #expect(LogRedaction.path("/staff/cases/7qk2-m9xw-4hnpa") == "/staff/cases/7qk2…")
        #expect(LogRedaction.path("/open311/v2/tokens/7QK2M9XW4HNPA.json") == "/open311/v2/tokens/7QK2…")
    }

    @Test func otherPathsAreKept() {
        for path in ["/", "/track", "/api/v1/complaints", "/api/v1/staff/desk/complaints", "/open311/v2/requests/12.json",
                     "/api/v1/categories", "/healthz", "-", "/track/abc"] {
            #expect(LogRedaction.path(path) == path)
        }
    }

    @Test func citizenRoutesKeepOnlyTheNetwork() {
        #expect(LogRedaction.address("203.0.113.77", path: "/track/7QK2M9XW4HNPA") == "203.0.113.0/24")
        #expect(LogRedaction.address("2001:db8:1:2::9", path: "/api/v1/complaints") == "2001:db8:1::/48")
        #expect(LogRedaction.address("203.0.113.77", path: "-") == "203.0.113.0/24", "a request that did not parse")
        #expect(LogRedaction.address("not-an-address", path: "/") == "-")
    }

    @Test func staffRoutesKeepTheWholeAddress() {
        #expect(LogRedaction.address("203.0.113.77", path: "/staff/cases/7QK2M9XW4HNPA") == "203.0.113.77")
        #expect(LogRedaction.address("203.0.113.77", path: "/api/v1/staff/login") == "203.0.113.77")
        #expect(LogRedaction.address("2001:db8:1:2::9", path: "/staff") == "2001:db8:1:2::9")
    }

    @Test func aPathThatOnlyLooksLikeTheStaffSideIsTheCitizens() {
        #expect(LogRedaction.address("203.0.113.77", path: "/staffing") == "203.0.113.0/24")
        #expect(LogRedaction.address("203.0.113.77", path: "/api/v1/staffing") == "203.0.113.0/24")
    }

    @Test func noAddressStaysEmpty() {
        #expect(LogRedaction.address("", path: "/track/7QK2M9XW4HNPA") == "")
    }

    @Test func everyCodeInAPathIsCutAndItsNeighboursKept() {
        #expect(LogRedaction.path("/api/v1/staff/cases/7QK2M9XW4HNPA/duplicate/cases/ABCDEFGHJKMNP") == "/api/v1/staff/cases/7QK2…/duplicate/cases/ABCD…")
        #expect(LogRedaction.path("/track/") == "/track/", "an empty segment")
        #expect(LogRedaction.path("/track/ABCDE") == "/track/ABCD…", "anything longer than 4 characters, read or not")
        #expect(LogRedaction.path("/tracking/7QK2M9XW4HNPA") == "/tracking/7QK2M9XW4HNPA")
    }
}
