import Foundation
import HTTP
import TestSupport
import Testing

/// The gateway forwards the staff side by path prefix plus one owner lookup: a case's paths to the
/// module that owns the case, the roster and KIR paths to their modules, everything else to intake,
/// whatever the method. Which module answered shows in the 502 that names a module that is not running.
@Suite(.serialized)
struct GatewayForwardingTests {
    static let password = "sandi-rute-00001"

    func error(_ response: HTTPResponse) -> (code: String?, message: String?) {
        let error = response.jsonObject["error"] as? [String: Any]
        return (error?["code"] as? String, error?["message"] as? String)
    }

    @Test func staffPathsReachTheModuleWhosePrefixTheyAreUnderAndACaseItsOwner() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway", "intake"])
        #expect(try hub.hubctl(["user", "add", "insp.rute", "--role", "inspector"], input: Self.password + "\n").status == 0)
        let token = try hub.logIn("insp.rute", Self.password)
        let bearer = [("Authorization", "Bearer \(token)")]
        let social = try hub.submitted(["category": "sosial", "description": "Lansia terlantar di pasar"], until: "received")

        let owned: [(String, String, String)] = [
            ("GET", "/api/v1/staff/cases/\(social)", "social"), ("POST", "/api/v1/staff/cases/\(social)/claim", "social"),
            ("DELETE", "/api/v1/staff/cases/\(social)", "social"), ("GET", "/staff/cases/\(social)/photos/1", "social"),
            ("GET", "/api/v1/staff/roster", "public-works"), ("PUT", "/api/v1/staff/roster", "public-works"),
            ("GET", "/api/v1/staff/kir/slots", "kir"), ("OPTIONS", "/api/v1/staff/kir/nothing", "kir"),
        ]
        for (method, path, module) in owned {
            let response = try hub.request(method, path, headers: bearer)
            #expect(response.status == 502, "\(method) \(path)")
            #expect(error(response).code == "upstream_unavailable", "\(method) \(path)")
            #expect(error(response).message == "the \(module) service is unavailable", "\(method) \(path)")
        }
        // A case's page is a page, also when its owner does not answer.
        let page = try hub.request("GET", "/staff/cases/\(social)", headers: bearer)
        #expect(page.status == 502)
        #expect(page.headers["Content-Type"]?.hasPrefix("text/html") == true)

        // Intake answers the rest of the staff side, and a code no case has as it answers a case one may not see.
        let unknown = try hub.request("GET", "/api/v1/staff/cases/ABCDEFGHJKMNP", headers: bearer)
        #expect(unknown.status == 404)
        #expect(error(unknown).code == "case_not_found")
        #expect(try hub.request("GET", "/api/v1/staff/nothing", headers: bearer).status == 404)
        let queue = try hub.request("PUT", "/api/v1/staff/queue", headers: bearer)
        #expect(queue.status == 405)
        #expect(queue.headers["Allow"] == "GET, HEAD")
        let logout = try hub.request("LOCK", "/staff/logout")
        #expect(logout.status == 405)
        #expect(logout.headers["Allow"] == "POST", "intake's own routes answer, not a list at the gateway")
        #expect(try hub.request("BREW", "/api/v1/staff/queue").status == 501)
    }

    @Test func theGatewaysOwnPathsAnswer404And405AsBefore() throws {
        let hub = try RunningHub(databaseURL: try TestCluster.shared().migratedDatabase(), services: ["gateway"])
        for (method, path) in [("DELETE", "/api/v1/categories"), ("POST", "/healthz"), ("PUT", "/api/v1/complaints/ABCDEFGHJKMNP")] {
            let response = try hub.request(method, path)
            #expect(response.status == 405, "\(method) \(path)")
            #expect(response.headers["Allow"] == "GET, HEAD", "\(method) \(path)")
        }
        let missing = try hub.request("GET", "/nothing/here")
        #expect(missing.status == 404)
        #expect(error(missing).code == "not_found")
        #expect(try hub.request("BREW", "/").status == 501)
    }
}
