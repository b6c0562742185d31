import Complaints
import Foundation
import HTTP
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
}
