import HTTP

/// What a response parser made of some bytes: the interim heads, then the final response or error.
struct ParsedResponse {
    var interims: [Int] = []
    var head: ResponseHead?
    var body: [UInt8] = []
    var failure: ResponseParseError?
    var leftover = 0

    var status: Int? { head?.status }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Feeds the pieces in order, draining the parser after each; `ended` then tells it the stream closed.
func parseResponse(_ pieces: [ArraySlice<UInt8>], method: String = "GET", limits: ResponseLimits = ResponseLimits(),
                   ended: Bool = false) -> ParsedResponse {
    var parser = ResponseParser(requestMethod: method, limits: limits)
    var parsed = ParsedResponse()
    func drain() -> Bool {
        while true {
            switch parser.next() {
            case .needMore: return false
            case .interim(let head): parsed.interims.append(head.status)
            case .failure(let error):
                parsed.failure = error
                return true
            case .response(let head, let body):
                parsed.head = head
                parsed.body = body
                parsed.leftover = parser.bufferedByteCount
                return true
            }
        }
    }
    for piece in pieces {
        parser.append(piece)
        if drain() { return parsed }
    }
    if ended {
        parser.finish()
        _ = drain()
    }
    return parsed
}

func parseResponse(_ text: String, method: String = "GET", limits: ResponseLimits = ResponseLimits(),
                   ended: Bool = false) -> ParsedResponse {
    parseResponse([Array(text.utf8)[...]], method: method, limits: limits, ended: ended)
}

/// A response head from a status line and field lines, then `body`.
func answer(_ lines: String..., body: String = "") -> String {
    lines.joined(separator: "\r\n") + "\r\n\r\n" + body
}
