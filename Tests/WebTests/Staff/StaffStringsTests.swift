import Complaints
import Testing
@testable import Web

struct StaffStringsTests {
    @Test func accountNoticesFollowTheDoneParameter() {
        #expect(StaffStrings.accountNotice("created", .id) == "Akun dibuat.")
        #expect(StaffStrings.accountNotice("sessions", .en) == "Every session of the account has ended.")
        #expect(StaffStrings.accountNotice("<script>", .en) == nil && StaffStrings.accountNotice(nil, .en) == nil)
    }
}
