import Complaints
import Testing
@testable import Web

struct StaffStringsTests {
    @Test func aGenericCodeMeansWhatItMeansWhereItWasMet() {
        #expect(StaffStrings.refusal("invalid_request", .en, at: .queue) == "The overdue filter must be true or false.")
        #expect(StaffStrings.refusal("forbidden", .en, at: .queue) == "The inspectorate queue is for inspectors.")
        #expect(StaffStrings.refusal("invalid_request", .id, at: .accounts) == "Nama akun dan kata sandi wajib diisi.")
        #expect(StaffStrings.refusal("invalid_request", .id) == nil, "no words: the caller shows the message")
    }

    @Test func codesThatMeanTheSameEverywhereAreFoundAnywhere() {
        #expect(StaffStrings.refusal("invalid_status", .id, at: .queue) == "Status tidak dikenal.")
        #expect(StaffStrings.refusal("invalid_agency", .en, at: .accounts) == "Unknown agency.")
        #expect(StaffStrings.refusal("no_such_code", .en) == nil)
    }

    /// A case action's refusals are the domain's, worded once in its table: the pages have no second wording.
    @Test func theDomainsRefusalsHaveNoSecondWordingHere() {
        let domain: [Refusal] = [
            .notAllowedInStatus(action: "close", status: .received), .noteRequired, .reasonRequired, .noteTooLong,
            .invalidAssignee(module: .publicWorks), .invalidDuplicate("X"), .photosNotAllowed, .wrongModule("X", handledBy: .social, not: .publicWorks),
            .caseNotFound("X"), .unknownAction("x"), .invalidDueAt, .assigneeRequired, .subUnitRequired, .duplicateCodeRequired,
            .escalationRequired,
        ]
        for refusal in domain {
            #expect(StaffStrings.refusal(refusal.code, .id) == nil, "\(refusal.code)")
        }
    }

    @Test func accountNoticesFollowTheDoneParameter() {
        #expect(StaffStrings.accountNotice("created", .id) == "Akun dibuat.")
        #expect(StaffStrings.accountNotice("sessions", .en) == "Every session of the account has ended.")
        #expect(StaffStrings.accountNotice("<script>", .en) == nil && StaffStrings.accountNotice(nil, .en) == nil)
    }
}
