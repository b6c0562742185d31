import HTTP
import Testing

@Suite struct PathParameterTests {
    func request(_ parameters: [String: String]) -> HTTPRequest {
        var request = HTTPRequest(method: "GET", target: "/", pathSegments: [], rawQuery: nil)
        request.pathParameters = parameters
        return request
    }

    @Test func positionsPastTheIntegerColumnNameNothing() {
        #expect(request(["position": "319250886466"]).pathParameter("position", as: Int32.self) == nil)
        #expect(request(["position": "2147483647"]).pathParameter("position", as: Int32.self) == Int32.max)
        #expect(request(["position": "2147483648"]).pathParameter("position", as: Int32.self) == nil)
    }

    @Test func idsPastTheBigintColumnNameNothing() {
        #expect(request(["id": "9223372036854775807"]).pathParameter("id", as: Int64.self) == Int64.max)
        #expect(request(["id": "9223372036854775808"]).pathParameter("id", as: Int64.self) == nil)
        #expect(request(["id": String(repeating: "9", count: 400)]).pathParameter("id", as: Int64.self) == nil)
    }

    @Test(arguments: ["0", "-1", "+1", " 1", "1 ", "1e3", "0x10", "", "١"])
    func numbersAreOneOrMoreInPlainDigits(_ text: String) {
        #expect(request(["id": text]).pathParameter("id", as: Int64.self) == nil)
    }

    @Test func leadingZerosReadAsTheNumber() {
        #expect(request(["id": "007"]).pathParameter("id", as: Int64.self) == 7)
    }

    @Test func aMissingOrUnreadableParameterThrowsTheGivenError() {
        #expect(throws: HTTPError.self) { try request([:]).pathParameter("id", as: Int64.self, orThrow: HTTPError(404, "x", "y")) }
        #expect(throws: HTTPError.self) { try request(["id": "x"]).pathParameter("id", as: Int64.self, orThrow: HTTPError(404, "x", "y")) }
        #expect(request(["action": "claim"]).pathParameter("action", as: String.self) == "claim")
    }
}
