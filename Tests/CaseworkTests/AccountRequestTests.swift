import Complaints
import Foundation
import HTTP
import HubStore
import Testing
@testable import Casework

struct AccountRequestTests {
    func fields(_ body: JSONValue) throws -> [String: String] { try AccountRequest.fields(json: JSONObjectReader(body, field: "body")) }

    @Test func theJSONBodyBecomesTheFormsTextFields() throws {
        #expect(try fields(["login": "sari", "password": "sandi-sari-01", "role": "staff", "module": "public-works",
                            "categories": ["pekerjaan-umum", "sosial"], "area": "Sukajadi", "sub_unit": "dpupr-pju"])
                == ["login": "sari", "password": "sandi-sari-01", "role": "staff", "module": "public-works",
                    "categories": "pekerjaan-umum,sosial", "area": "Sukajadi", "sub_unit": "dpupr-pju"])
        #expect(try fields(["login": "sari", "module": nil, "categories": nil, "unknown": 5]) == ["login": "sari"], "null is absent")
    }

    @Test(arguments: [
        ["login": 7], ["password": true], ["role": ["staff"]], ["module": 1], ["area": [:]], ["sub_unit": 2],
        ["categories": "sosial"], ["categories": ["sosial", 3]],
    ] as [JSONValue])
    func aFieldOfAnotherTypeIs400InvalidRequest(body: JSONValue) {
        #expect(refusalOf { try fields(body) } == Answer(400, "invalid_request"))
    }

    @Test func anAccountRendersWithAndWithoutWhetherItIsActive() {
        let account = Account(id: 7, login: "sari", role: .staff, module: .publicWorks, categories: ["sosial"], area: nil,
                              subUnit: "dpupr-pju", active: false)
        #expect(AccountRequest.json(account) == ["login": "sari", "role": "staff", "module": "public-works", "categories": ["sosial"],
                                                 "area": nil, "sub_unit": "dpupr-pju"])
        #expect(AccountRequest.managedJSON(account)["active"] == false)
        guard case .object(let managed) = AccountRequest.managedJSON(account) else { Issue.record("not an object"); return }
        #expect(managed.count == 7)
    }

    /// The accounts page shows the store's refusals in the manager's words, Indonesian first, with
    /// the statuses and codes the API has always answered.
    @Test(arguments: [
        (AccountStore.AccountError.loginTaken("rina.pu"), true, 409, "login_taken", "Nama akun itu sudah dipakai."),
        (.invalid("login must be 3 to 64 characters"), true, 400, "invalid_account", "Akun tidak dapat dibuat: nama akun 3–64 huruf"),
        (.invalidPassword("password must have at least 8 characters"), true, 400, "invalid_account", "Akun tidak dapat dibuat"),
        (.invalidPassword("password must have at least 8 characters"), false, 400, "invalid_password", "Kata sandi baru paling sedikit 8 karakter."),
        (.notFound("siapa"), false, 404, "account_not_found", "Tidak ada akun dengan nama itu."),
        (.roleNotManaged(.inspector), true, 403, "forbidden_role", "Akun inspektur hanya dibuat dan dikelola oleh inspektur"),
        (.ownAccount, false, 409, "own_account", "Anda tidak dapat menonaktifkan akun Anda sendiri"),
    ] as [(AccountStore.AccountError, Bool, Int, String, String)])
    func aRefusedAccountChangeIsWordedForTheAccountsPage(error: AccountStore.AccountError, creating: Bool, status: Int, code: String,
                                                         indonesian: String) {
        let refusal: any HTTPResponseError = AccountRequest.refusal(error, creating: creating)
        #expect(refusal.status == status && refusal.code == code)
        #expect(refusal.message(language: "id").hasPrefix(indonesian), "\(code): \(refusal.message(language: "id"))")
    }
}
