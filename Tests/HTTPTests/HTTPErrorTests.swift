import HTTP
import Testing

struct HTTPErrorTests {
    struct StoreAway: HTTPErrorConvertible {
        var httpError: HTTPError? {
            var headers = HTTPHeaders()
            headers.add("Retry-After", "2")
            return HTTPError(503, "database_unavailable", "retry shortly", headers: headers)
        }
    }

    struct StoreBroken: HTTPErrorConvertible {
        var httpError: HTTPError? { nil }
    }

    struct Unknown: Error {}

    @Test func anErrorThatStandsForAnAnswerIsRenderedAsThatAnswer() throws {
        let answer = try #require(HTTPError(answering: StoreAway()))
        #expect(answer.status == 503 && answer.code == "database_unavailable")
        #expect(answer.response.headers["Retry-After"] == "2")
    }

    @Test func anHTTPErrorIsItsOwnAnswer() {
        #expect(HTTPError(answering: HTTPError(404, "not_found", "no such thing"))?.status == 404)
    }

    @Test func otherErrorsHaveNoAnswerAndBecomeA500() {
        #expect(HTTPError(answering: Unknown()) == nil)
        #expect(HTTPError(answering: StoreBroken()) == nil)
    }
}
