/// Reading one response: the socket feeds a `ResponseParser`, which decides everything.
extension ClientConnection {
    /// Reads the answer to a request, skipping interim (1xx) answers.
    /// - Parameters:
    ///   - method: the request's method (the answer to HEAD has no body).
    ///   - limits: what the parser accepts; a larger body is `HTTPClientError.responseTooLarge`.
    /// - Returns: the response without its hop-by-hop framing fields, and whether the connection can
    ///   carry another request (kept alive, and nothing sent beyond the response).
    /// - Throws: `HTTPClientError` (`connectionClosed` when the stream ends inside the response).
    func readResponse(method: String, limits: ResponseLimits, deadline: Double) throws -> (HTTPResponse, reusable: Bool) {
        var parser = ResponseParser(requestMethod: method, limits: limits)
        while true {
            switch parser.next() {
            case .needMore:
                try receive(into: &parser, deadline: deadline)
            case .interim:
                continue
            case .failure(let error):
                throw HTTPClientError(error)
            case .response(let head, let body):
                var headers = head.headers
                for name in ["Transfer-Encoding", "Content-Length", "Connection", "Keep-Alive"] { headers.remove(name) }
                return (HTTPResponse(status: head.status, headers: headers, body: body),
                        head.keepsAlive && parser.bufferedByteCount == 0)
            }
        }
    }
}

extension HTTPClientError {
    /// The client's error for a response the parser refused.
    init(_ error: ResponseParseError) {
        switch error {
        case .truncated: self = .connectionClosed
        case .bodyTooLarge(let limit): self = .responseTooLarge(limit)
        default: self = .malformedResponse(error.description)
        }
    }
}
