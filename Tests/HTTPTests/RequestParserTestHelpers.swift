import HTTP
import Testing

/// Joins a request line and header lines with CRLF and ends the head, then appends `body`.
func wire(_ lines: [String], body: String = "") -> String {
    lines.joined(separator: "\r\n") + "\r\n\r\n" + body
}

func wire(_ lines: String..., body: String = "") -> String {
    wire(lines, body: body)
}

/// Feeds the whole text at once and returns the first event.
func firstEvent(_ text: String, limits: ParserLimits = ParserLimits()) -> RequestParser.Event {
    var parser = RequestParser(limits: limits)
    parser.append(Array(text.utf8))
    return parser.next()
}

/// Feeds the whole text at once and collects every event until the parser needs more or fails.
func allEvents(_ text: String, limits: ParserLimits = ParserLimits()) -> [RequestParser.Event] {
    var parser = RequestParser(limits: limits)
    parser.append(Array(text.utf8))
    var events: [RequestParser.Event] = []
    while true {
        let event = parser.next()
        if case .needMore = event { return events }
        events.append(event)
        if case .failure = event { return events }
    }
}

/// Test-only views of a parser event.
extension RequestParser.Event {
    var request: HTTPRequest? {
        if case .request(let request) = self { return request }
        return nil
    }

    var continueRequest: HTTPRequest? {
        if case .expectsContinue(let request) = self { return request }
        return nil
    }

    var failure: HTTPParseError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    var isNeedMore: Bool {
        if case .needMore = self { return true }
        return false
    }
}
