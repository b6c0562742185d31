/// One connection's head-time decisions. The parser asks it for a request's body limit as soon as the
/// head has arrived (`ParserLimits.bodyLimit`); the first ask of each request asks the server, which
/// runs the route's admission check and reserves the body's bytes in its budget. A refused request is
/// given a limit of 0, so the parser stops before its body; the event loop answers `refusal` instead
/// of the parser's 413. Confined to the connection's event loop thread.
final class HeadGate: @unchecked Sendable {
    /// What `finish()` hands over for the request just parsed or refused.
    struct Outcome {
        /// The head was decided here (it announced a body), so its admission check has run.
        let decided: Bool
        /// Bytes of the server's body budget the request holds until its answer is out.
        let reserved: Int
        /// The answer the request gets instead of being read.
        let refusal: HTTPResponse?
    }

    private let server: HTTPServer
    private let remoteAddress: String
    private var limit: Int?
    private var reserved = 0
    /// The answer the request being received gets instead of being read.
    private(set) var refusal: HTTPResponse?

    init(server: HTTPServer, remoteAddress: String) {
        self.server = server
        self.remoteAddress = remoteAddress
    }

    /// The body limit of the request being received, decided once from its head.
    func bodyLimit(for head: HTTPRequest) -> Int {
        if let limit { return limit }
        switch server.decide(head, from: remoteAddress) {
        case .read(let bytes, let reserve):
            limit = bytes
            reserved = reserve
            return bytes
        case .refuse(let response):
            limit = 0
            refusal = response
            return 0
        }
    }

    /// Ends the request being received and hands over what was decided for it.
    func finish() -> Outcome {
        let outcome = Outcome(decided: limit != nil, reserved: reserved, refusal: refusal)
        limit = nil
        reserved = 0
        refusal = nil
        return outcome
    }
}
