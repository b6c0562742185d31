import Complaints
import Foundation
import HTTP
import Testing
@testable import Casework

struct LoginRequestTests {
    func read(_ body: JSONValue) throws -> LoginRequest { try LoginRequest(json: JSONObjectReader(body, field: "body")) }

    @Test func theJSONLoginNeedsBothAsNonEmptyText() throws {
        let read = try read(["login": "budi", "password": "sandi-budi-01"])
        #expect(read.login == "budi" && read.password == "sandi-budi-01")
    }

    @Test(arguments: [
        [:], ["login": "budi"], ["password": "x"], ["login": "", "password": "x"], ["login": "budi", "password": ""],
        ["login": 7, "password": "x"], ["login": "budi", "password": nil], ["login": ["budi"], "password": "x"],
    ] as [JSONValue])
    func anythingElseIs400InvalidRequest(body: JSONValue) {
        #expect(refusalOf { try read(body) } == Answer(400, "invalid_request"))
    }

    @Test func thePageTakesWhatWasTypedEmptyFieldsIncluded() throws {
        let form = try PageForm(Sample.request("POST", "/staff/login", headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                               body: Array("login=budi&csrf=t".utf8)))
        let read = LoginRequest(form: form)
        #expect(read.login == "budi" && read.password == "", "an empty password fails like a wrong one, not as a 400")
    }

    @Test func aNewSessionRendersAsTheLoginAnswer() {
        let account = Account(id: 7, login: "budi", role: .staff, module: .publicWorks, categories: ["pekerjaan-umum"], area: nil,
                              subUnit: nil, active: true)
        let session = SignedIn(account: account, token: "tok", csrfToken: "csrf", expires: Sample.at)
        #expect(session.json == ["token": "tok", "csrf_token": "csrf", "role": "staff", "login": "budi", "module": "public-works",
                                 "categories": ["pekerjaan-umum"], "expires_at": .string(Sample.at.iso8601)])
        let admin = Account(id: 1, login: "admin", role: .admin, module: nil, categories: [], area: nil, subUnit: nil, active: true)
        #expect(SignedIn(account: admin, token: "t", csrfToken: "c", expires: Sample.at).json["module"] == .null)
    }

    @Test func aNewSessionSetsItsCookieOnAnAnswerNoCacheKeeps() {
        let account = Account(id: 7, login: "budi", role: .staff, module: .publicWorks, categories: [], area: nil, subUnit: nil, active: true)
        var response = HTTPResponse(status: 303)
        SignedIn(account: account, token: "tok", csrfToken: "c", expires: Date().addingTimeInterval(3600)).set(on: &response)
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["Set-Cookie"]?.contains("tok") == true)
    }
}
