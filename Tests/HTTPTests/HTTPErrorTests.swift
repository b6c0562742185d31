import HTTP
import Testing

struct HTTPErrorTests {
    @Test func anHTTPErrorRendersItselfWithItsHeaders() {
        var headers = HTTPHeaders()
        headers.add("Retry-After", "2")
        let error: any HTTPResponseError = HTTPError(503, "upstream_unavailable", "retry shortly", headers: headers)
        #expect(error.status == 503 && error.code == "upstream_unavailable")
        #expect(error.jsonResponse.headers["Retry-After"] == "2")
    }

    @Test func anHTTPErrorHasOneMessageWhateverTheLanguage() {
        let error = HTTPError(415, "unsupported_media_type", "send the body as application/json")
        #expect(error.message(language: "id") == error.message(language: "en"))
    }

    @Test func anErrorThatDoesNotRenderItselfIsNoAnswer() {
        struct Unknown: Error {}
        #expect((Unknown() as any Error) as? any HTTPResponseError == nil)
    }
}
