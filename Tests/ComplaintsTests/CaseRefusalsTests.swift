import Complaints
import Testing

/// The statuses and codes of refusals are contracts (Schemas/openapi.yaml and the acceptance suite).
@Suite struct CaseRefusalsTests {
    @Test(arguments: [
        (Refusal.roleNotAllowed(action: "claim"), 403, "forbidden_action"),
        (.notAllowedInStatus(action: "claim", status: .closed), 409, "invalid_transition"),
        (.noteRequired, 409, "note_required"),
        (.reasonRequired, 409, "reason_required"),
        (.answerReasonRequired, 400, "reason_required"),
        (.lowRatingRequired, 400, "low_rating_required"),
        (.ratingOutOfScale, 400, "invalid_rating"),
        (.noteTooLong, 400, "note_too_long"),
        (.unknownCategory("x"), 400, "unknown_category"),
        (.invalidAssignee(module: .kir), 400, "invalid_assignee"),
        (.unknownAssignee(login: "x"), 400, "invalid_assignee"),
        (.invalidSubUnit("x", agency: "dpupr"), 400, "invalid_sub_unit"),
        (.invalidDuplicate("x"), 400, "invalid_duplicate"),
        (.photosNotAllowed, 400, "photos_not_allowed"),
        (.invalidField(FieldProblem(field: "plate", message: "plate is wrong", id: "Plat salah.")), 400, "invalid_field"),
        (.caseNotFound("x"), 404, "case_not_found"),
        (.complaintNotFound, 404, "complaint_not_found"),
        (.wrongModule("x", handledBy: .kir, not: .social), 409, "wrong_module"),
        (.subUnitMayNotDispose, 403, "forbidden_action"),
        (.photoQuotaExceeded(PhotoQuotaExceeded(bytesPerDay: 1 << 20)), 429, "photo_quota_exceeded"),
    ])
    func everyRefusalKeepsItsStatusAndCodeAndSpeaksBothLanguages(refusal: Refusal, status: Int, code: String) {
        #expect(refusal.status == status && refusal.code == code)
        #expect(!refusal.message(.id).isEmpty && !refusal.message(.en).isEmpty && refusal.message(.id) != refusal.message(.en))
    }

    @Test func theEnglishMessagesAreTheAPIsWords() {
        #expect(Refusal.roleNotAllowed(action: "claim").messageEN == "your role may not claim this case")
        #expect(Refusal.notAllowedInStatus(action: "resolve", status: .received).messageEN == "cannot resolve a case that is received")
        #expect(Refusal.wrongModule("ABC", handledBy: .kir, not: .social).messageEN == "case ABC is handled by kir, not social")
        #expect(Refusal.invalidField(FieldProblem(field: "plate", message: "plate is wrong", id: "Plat salah.")).message(.id) == "Plat salah.")
    }
}
