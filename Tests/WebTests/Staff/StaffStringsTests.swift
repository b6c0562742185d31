import Complaints
import Testing
@testable import Web

struct StaffStringsTests {
    @Test func aGenericCodeMeansWhatItMeansWhereItWasMet() {
        #expect(StaffStrings.refusal("invalid_request", .id, at: .action("assign")) == "Pilih rekan kerja.")
        #expect(StaffStrings.refusal("invalid_request", .en, at: .queue) == "The overdue filter must be true or false.")
        #expect(StaffStrings.refusal("forbidden", .en, at: .queue) == "The inspectorate queue is for inspectors.")
        #expect(StaffStrings.refusal("invalid_request", .id, at: .action("claim")) == nil, "no words: the caller shows the message")
        #expect(StaffStrings.refusal("invalid_request", .id) == nil)
    }

    @Test func codesThatMeanTheSameEverywhereAreFoundAnywhere() {
        #expect(StaffStrings.refusal("invalid_status", .id, at: .queue) == "Status tidak dikenal.")
        #expect(StaffStrings.refusal("case_not_found", .en, at: .action("resolve")) == "No case with that code that you may see.")
        #expect(StaffStrings.refusal("no_such_code", .en) == nil)
    }

    @Test func everyActionOfTheCasePageHasAButtonInBothLanguages() {
        for action in StaffCasePageTests.everyAction {
            #expect(StaffStrings.action(action, .id) != action && StaffStrings.action(action, .en) != action, "\(action)")
        }
        #expect(StaffStrings.action("unknown", .id) == "unknown")
    }

    @Test func accountNoticesFollowTheDoneParameter() {
        #expect(StaffStrings.accountNotice("created", .id) == "Akun dibuat.")
        #expect(StaffStrings.accountNotice("sessions", .en) == "Every session of the account has ended.")
        #expect(StaffStrings.accountNotice("<script>", .en) == nil && StaffStrings.accountNotice(nil, .en) == nil)
    }
}
