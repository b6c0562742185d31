/// A pure, incremental HTTP/1.1 response parser (RFC 9112), the client's twin of `RequestParser`. Feed it
/// the bytes an upstream sends, and `finish()` when its stream ends; ask it for the next event. It never
/// touches a socket, so every rule is testable with plain byte arrays. One parser reads the answer to
/// one request: the request's method decides whether the answer has a body.
public struct ResponseParser: Sendable {
    /// What the parser can tell after the bytes fed so far.
    public enum Event: Sendable {
        /// Nothing complete yet: feed more bytes, or `finish()` at the end of the stream.
        case needMore
        /// An interim answer (100 Continue, 103 Early Hints); the final one follows.
        case interim(ResponseHead)
        /// The complete final response. The parser is done: bytes after it are left in the buffer
        /// (`bufferedByteCount`), and every later `next()` answers `needMore`.
        case response(ResponseHead, body: [UInt8])
        /// The bytes are not an acceptable response; the parser keeps answering this error.
        case failure(ResponseParseError)
    }

    enum State: Sendable {
        case head(interims: Int)
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int)
        case untilClose
        case done
        case failed(ResponseParseError)
    }

    public let limits: ResponseLimits
    /// The method of the request being answered: the answer to HEAD has no body.
    public let requestMethod: String
    var buffer: [UInt8] = []
    /// Where the bytes not yet consumed begin in `buffer`.
    var start = 0
    var state: State = .head(interims: 0)
    /// The final head once parsed, and the body received so far.
    var head: ResponseHead?
    var body: [UInt8] = []
    /// The stream has ended: nothing more will be appended.
    private(set) var streamEnded = false

    public init(requestMethod: String, limits: ResponseLimits = ResponseLimits()) {
        self.requestMethod = requestMethod
        self.limits = limits
    }

    /// Bytes received but not yet consumed.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Appends received bytes.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard !streamEnded else { return }
        MessageFraming.append(bytes, to: &buffer, start: &start)
    }

    /// Tells the parser the stream has ended. A body read until the close is then complete; any other
    /// unfinished response is `truncated`. After this, `next()` never answers `needMore` before the
    /// response is out.
    public mutating func finish() {
        streamEnded = true
    }

    /// Parses as far as the buffered bytes allow.
    public mutating func next() -> Event {
        while true {
            switch state {
            case .failed(let error):
                return .failure(error)
            case .done:
                return .needMore
            case .head(let interims):
                switch parseHead() {
                case .needMore:
                    return streamEnded ? fail(.truncated) : .needMore
                case .failure(let error):
                    return fail(error)
                case .head(let parsed):
                    if parsed.isInterim {
                        guard interims < limits.interimResponses else { return fail(.tooManyInterimResponses) }
                        state = .head(interims: interims + 1)
                        return .interim(parsed)
                    }
                    if let event = begin(parsed) { return event }
                }
            case .fixedBody(let remaining):
                let available = min(remaining, bufferedByteCount)
                body.append(contentsOf: buffer[start..<(start + available)])
                start += available
                if available == remaining { return complete() }
                state = .fixedBody(remaining: remaining - available)
                return streamEnded ? fail(.truncated) : .needMore
            case .chunkSize:
                if let event = readChunkSize() { return event }
            case .chunkData(let remaining):
                let available = min(remaining, bufferedByteCount)
                body.append(contentsOf: buffer[start..<(start + available)])
                start += available
                if available < remaining {
                    state = .chunkData(remaining: remaining - available)
                    return streamEnded ? fail(.truncated) : .needMore
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                if let event = readChunkDataEnd() { return event }
            case .trailers(let bytes):
                if let event = readTrailer(bytes: bytes) { return event }
            case .untilClose:
                guard body.count + bufferedByteCount <= limits.bodyBytes else {
                    return fail(.bodyTooLarge(limit: limits.bodyBytes))
                }
                body.append(contentsOf: buffer[start...])
                start = buffer.count
                guard streamEnded else { return .needMore }
                head?.keepsAlive = false
                return complete()
            }
        }
    }

    /// The most body memory reserved ahead of the bytes arriving.
    static let reserveBytes = 64 * 1024

    mutating func fail(_ error: ResponseParseError) -> Event {
        state = .failed(error)
        head = nil
        body = []
        return .failure(error)
    }

    /// Hands over the final response and ends the parse.
    mutating func complete() -> Event {
        let event = Event.response(head!, body: body)
        state = .done
        head = nil
        body = []
        return event
    }

    /// Waits for the final head's body, as its framing says; an event when there is none to wait for.
    private mutating func begin(_ parsed: ResponseHead) -> Event? {
        head = parsed
        switch framing(of: parsed) {
        case .failure(let error):
            return fail(error)
        case .success(.none):
            return complete()
        case .success(.length(let length)):
            // Room for what is declared, up to what a read brings: a length an upstream only claims
            // reserves nothing (a 1 TB Content-Length once asked for 1 TB here).
            body.reserveCapacity(min(length, Self.reserveBytes))
            state = .fixedBody(remaining: length)
        case .success(.chunked):
            state = .chunkSize
        case .success(.untilClose):
            head?.keepsAlive = false
            state = .untilClose
        }
        return nil
    }
}
