import Complaints
import Testing

/// Managing accounts and signing in keep the statuses and codes their routes have always answered
/// with (Schemas/openapi.yaml), each worded in Indonesian and English.
struct AccountRefusalsTests {
    static let accounts: [(Refusal, Int, String)] = [
        (.accountsManagersOnly, 403, "forbidden"), (.loginAndPasswordRequired, 400, "invalid_request"),
        (.accountFieldNotText("login"), 400, "invalid_request"), (.categoriesNotList, 400, "invalid_request"),
        (.activeRequired, 400, "invalid_request"), (.newPasswordRequired, 400, "invalid_request"), (.invalidRole, 400, "invalid_role"),
        (.forbiddenRole, 403, "forbidden_role"), (.loginTaken, 409, "login_taken"), (.invalidAccount("login too short"), 400, "invalid_account"),
        (.invalidPassword, 400, "invalid_password"), (.accountNotFound, 404, "account_not_found"), (.ownAccount, 409, "own_account"),
        (.unknownAccountCategory, 400, "unknown_category"), (.unknownAccountChange, 404, "unknown_action"),
    ]

    static let sessions: [(Refusal, Int, String)] = [
        (.loginFieldsRequired, 400, "invalid_request"), (.invalidCredentials, 401, "invalid_credentials"),
        (.tooManyAttempts(retryAfter: 30), 429, "too_many_attempts"), (.unauthenticated, 401, "unauthenticated"),
        (.pageUnauthenticated, 401, "unauthenticated"), (.csrfTokenRequired, 403, "csrf_token_required"),
        (.originMismatch, 403, "origin_mismatch"), (.belongsToModule(.kir), 403, "forbidden"), (.roleMayNotDoThis, 403, "forbidden_action"),
        (.noSuchCase, 404, "case_not_found"), (.noSuchPhoto, 404, "photo_not_found"),
    ]

    @Test func everyRefusalKeepsItsStatusAndCodeAndIsWordedInBothLanguages() {
        for (refusal, status, code) in Self.accounts + Self.sessions {
            #expect(refusal.status == status && refusal.code == code, "\(refusal)")
            #expect(RefusalWording.isWordedInBoth(refusal), "\(code)")
        }
    }

    @Test func eachRefusalOfManagingAccountsSaysSomethingOfItsOwn() {
        #expect(Set(Self.accounts.map { $0.0.message(.id) }).count == Self.accounts.count)
        #expect(Set(Self.accounts.map { $0.0.message(.en) }).count == Self.accounts.count)
    }

    @Test func theWaitOfAThrottledLoginIsInBothLanguages() {
        let refusal = Refusal.tooManyAttempts(retryAfter: 30)
        #expect(refusal.message(.id).contains("30 detik") && refusal.message(.en).contains("30 seconds"))
    }

    @Test func aRefusedAccountSaysWhichRuleItBrokeInEnglish() {
        #expect(Refusal.invalidAccount("login too short").message(.en).hasSuffix("(login too short)"))
        #expect(Refusal.invalidAccount("login too short").message(.en).contains("a password of at least 8 characters"))
    }
}
