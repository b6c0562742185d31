import Complaints
import Testing

/// The statuses and codes of the letters' refusals are contracts (Schemas/openapi.yaml); each has
/// its words in Indonesian and English.
struct LetterRefusalsTests {
    static let field = LetterField(key: "sejak", labelID: "Sejak", labelEN: "Since", kind: .date, required: true)

    @Test(arguments: [
        (Refusal.letterNotFound, 404, "letter_not_found"),
        (.letterFinished, 409, "letter_finished"),
        (.notYourStep, 403, "not_your_step"),
        (.onLeave, 403, "on_leave"),
        (.actionNotAllowed(.sign, at: .villageCheck), 409, "action_not_allowed"),
        (.letterReasonRequired, 400, "reason_required"),
        (.letterChanged, 409, "letter_changed"),
        (.letterFieldMissing(field), 400, "missing_field"),
        (.letterFieldInvalid(field), 400, "invalid_field"),
        (.unknownLetterField("x"), 400, "unknown_field"),
        (.applicantFieldMissing("nik"), 400, "missing_field"),
        (.applicantFieldInvalid("nik"), 400, "invalid_field"),
        (.letterRequestShape, 400, "invalid_request"),
        (.unknownLetterType, 400, "unknown_letter_type"),
        (.wrongVillage, 403, "wrong_village"),
        (.letterRolesOnly, 403, "forbidden_action"),
        (.letterNotReady, 409, "letter_not_ready"),
        (.letterNotVerified, 404, "letter_not_verified"),
        (.leaveShape, 400, "invalid_request"),
        (.districtAdminOnly, 403, "forbidden_action"),
        (.outsideDistrict, 403, "outside_district"),
        (.standInNotEligible, 400, "invalid_stand_in"),
        (.officialNotFound, 404, "account_not_found"),
    ])
    func eachRefusalKeepsItsStatusAndCodeWithWordsInBothLanguages(_ refusal: Refusal, _ status: Int, _ code: String) throws {
        #expect(refusal.status == status && refusal.code == code)
        #expect(!refusal.messageID.isEmpty && !refusal.messageEN.isEmpty && refusal.messageID != refusal.messageEN)
    }
}
