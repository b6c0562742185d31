import HTTP
import Testing

@Suite struct HTTPResponseErrorTests {
    /// A refusal worded in two languages, as the domain's are.
    struct Closed: HTTPResponseError {
        var status: Int { 409 }
        var code: String { "case_closed" }
        func message(language: String) -> String { language == "en" ? "the case is closed" : "kasus sudah ditutup" }
    }

    struct Unknown: Error {}

    @Test func rendersTheHubsJSONShapeInEnglish() {
        let response = Closed().jsonResponse
        #expect(response.status == 409 && response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":{"code":"case_closed","message":"the case is closed"}}"#)
    }

    @Test func anHTTPErrorsJSONIsUnchangedHeadersIncluded() {
        var headers = HTTPHeaders()
        headers.add("Allow", "GET, HEAD")
        let response = HTTPError(405, "method_not_allowed", "use one of: GET, HEAD", headers: headers).response
        #expect(response.status == 405 && response.headers["Allow"] == "GET, HEAD")
        #expect(String(decoding: response.body, as: UTF8.self)
                == #"{"error":{"code":"method_not_allowed","message":"use one of: GET, HEAD"}}"#)
    }

    @Test func theJSONRendererTakesOnlyErrorsThatRenderThemselves() throws {
        let request = HTTPRequest(method: "GET", target: "/", pathSegments: [], rawQuery: nil)
        #expect(ErrorRenderer.json.response(for: Closed(), request, context: RequestContext())?.status == 409)
        #expect(ErrorRenderer.json.response(for: Unknown(), request, context: RequestContext()) == nil)
    }

    @Test func aPathParameterThatDoesNotReadThrowsTheRefusalGiven() {
        let request = HTTPRequest(method: "GET", target: "/x", pathSegments: ["x"], rawQuery: nil)
        #expect(throws: Closed.self) { try request.pathParameter("id", as: Int64.self, orThrow: Closed()) }
    }

    @Test func aRateLimitedClientIsToldWhenToComeBack() {
        let refusal = RateLimited(retryAfter: 7)
        #expect(refusal.jsonResponse.headers["Retry-After"] == "7" && refusal.status == 429)
        #expect(refusal.message(language: "id").contains("7 detik"))
    }
}
