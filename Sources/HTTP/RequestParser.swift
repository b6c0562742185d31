/// A pure, incremental HTTP/1.1 request parser (RFC 9112). Feed it bytes as they arrive; ask it for
/// the next event. It never touches a socket, so every rule is testable with plain byte arrays.
public struct RequestParser: Sendable {
    /// What the parser can tell after the bytes fed so far.
    public enum Event: Sendable {
        /// A complete request; more may follow in the buffer (pipelining).
        case request(HTTPRequest)
        /// The head is complete and asks `Expect: 100-continue`: answer 100 (or refuse) before the body.
        /// Never for HTTP/1.0, whose clients do not know 100 Continue (RFC 9110 §10.1.1).
        case expectsContinue(HTTPRequest)
        /// Nothing complete yet.
        case needMore
        /// The bytes are not an acceptable request; answer the error and close the connection.
        case failure(HTTPParseError)
    }

    enum State: Sendable {
        case head
        case fixedBody(HTTPRequest, remaining: Int)
        case chunkSize(HTTPRequest)
        case chunkData(HTTPRequest, remaining: Int)
        case chunkDataEnd(HTTPRequest)
        case trailers(HTTPRequest, bytes: Int)
        case failed(HTTPParseError)
    }

    public var limits: ParserLimits
    /// The method of the last request line that parsed, so a refusal of a HEAD request carries no body.
    public private(set) var lastRequestMethod: String?
    var buffer: [UInt8] = []
    /// Where the bytes not yet consumed begin in `buffer`.
    var start = 0
    var state: State = .head

    public init(limits: ParserLimits = ParserLimits()) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed by a complete request.
    public var bufferedByteCount: Int { buffer.count - start }

    /// True while no part of a request has arrived (an idle keep-alive connection).
    public var isIdle: Bool {
        if case .head = state { return bufferedByteCount == 0 }
        return false
    }

    /// True while part of a request head has arrived but not all of it.
    public var isReceivingHead: Bool {
        if case .head = state { return bufferedByteCount > 0 }
        return false
    }

    /// Appends received bytes.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        MessageFraming.append(bytes, to: &buffer, start: &start)
    }

    /// Parses as far as the buffered bytes allow.
    public mutating func next() -> Event {
        while true {
            switch state {
            case .failed(let error):
                return .failure(error)
            case .head:
                switch parseHead() {
                case .needMore: return .needMore
                case .failure(let error): return fail(error)
                case .head(let request, let framing):
                    switch framing {
                    case .none:
                        return .request(request)
                    case .length(let length):
                        state = .fixedBody(request, remaining: length)
                    case .chunked:
                        state = .chunkSize(request)
                    }
                    if request.versionMinor >= 1, request.headers["Expect"]?.lowercased() == "100-continue",
                       bufferedByteCount == 0 {
                        return .expectsContinue(request)
                    }
                }
            case .fixedBody(var request, let remaining):
                let available = min(remaining, bufferedByteCount)
                request.body.append(contentsOf: buffer[start..<(start + available)])
                start += available
                if available == remaining {
                    state = .head
                    return .request(request)
                }
                state = .fixedBody(request, remaining: remaining - available)
                return .needMore
            case .chunkSize(let request):
                if let event = readChunkSize(of: request) { return event }
            case .chunkData(var request, let remaining):
                let available = min(remaining, bufferedByteCount)
                request.body.append(contentsOf: buffer[start..<(start + available)])
                start += available
                if available == remaining {
                    state = .chunkDataEnd(request)
                } else {
                    state = .chunkData(request, remaining: remaining - available)
                    return .needMore
                }
            case .chunkDataEnd(let request):
                if let event = readChunkDataEnd(of: request) { return event }
            case .trailers(let request, let bytes):
                if let event = readTrailer(of: request, bytes: bytes) { return event }
            }
        }
    }

    mutating func fail(_ error: HTTPParseError) -> Event {
        state = .failed(error)
        return .failure(error)
    }

    func bodyLimit(for request: HTTPRequest) -> Int {
        if let limit = limits.bodyLimit?(request) { return limit }
        return limits.bodyBytes
    }

    /// True when an LF without its CR sits in the buffer from `index` on.
    /// The byte before `start` belongs to what was consumed already (a body ending in CR, say), so an
    /// LF at `start` is bare.
    func hasBareLF(from index: Int) -> Bool {
        var i = max(index, start)
        while i < buffer.count {
            if buffer[i] == 10 && (i == start || buffer[i - 1] != 13) { return true }
            i += 1
        }
        return false
    }

    func findCRLF(from index: Int) -> Int? {
        var i = index
        while i + 1 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    // MARK: head

    enum Framing { case none, length(Int), chunked }
    enum HeadResult { case needMore, failure(HTTPParseError), head(HTTPRequest, Framing) }

    private mutating func parseHead() -> HeadResult {
        // Tolerate empty lines before a request (RFC 9112 §2.2), e.g. after a previous body's CRLF.
        while bufferedByteCount >= 2, buffer[start] == 13, buffer[start + 1] == 10 { start += 2 }
        guard bufferedByteCount > 0 else { return .needMore }

        // A CR that arrived without its LF yet is not part of the line.
        let pendingCR = buffer.last == 13 ? 1 : 0
        guard let lineEnd = findCRLF(from: start) else {
            if bufferedByteCount - pendingCR > limits.requestLineBytes {
                return .failure(HTTPParseError(414, "request_line_too_long", "request line exceeds \(limits.requestLineBytes) bytes"))
            }
            if buffer[start...].contains(where: { $0 == 10 || $0 == 0 }) {
                return .failure(HTTPParseError(400, "bad_request_line", "request line must end with CRLF"))
            }
            return .needMore
        }
        if lineEnd - start > limits.requestLineBytes {
            return .failure(HTTPParseError(414, "request_line_too_long", "request line exceeds \(limits.requestLineBytes) bytes"))
        }
        // Find the end of the header section before interpreting anything.
        var cursor = lineEnd + 2
        var headerLines: [Range<Int>] = []
        while true {
            guard let end = findCRLF(from: cursor) else {
                // A bare LF anywhere in the head refuses it now, not once the rest arrives.
                if hasBareLF(from: start) {
                    return .failure(HTTPParseError(400, "bad_header", "header lines must end with CRLF"))
                }
                if buffer.count - pendingCR - (lineEnd + 2) > limits.headerBytes {
                    return .failure(HTTPParseError(431, "headers_too_large", "header section exceeds \(limits.headerBytes) bytes"))
                }
                return .needMore
            }
            if end == cursor { break }
            headerLines.append(cursor..<end)
            if headerLines.count > limits.headerCount {
                return .failure(HTTPParseError(431, "too_many_headers", "more than \(limits.headerCount) header fields"))
            }
            cursor = end + 2
        }
        let headEnd = cursor + 2
        if cursor - (lineEnd + 2) > limits.headerBytes {
            return .failure(HTTPParseError(431, "headers_too_large", "header section exceeds \(limits.headerBytes) bytes"))
        }

        let requestLine: RequestLine
        switch parseRequestLine(start..<lineEnd) {
        case .success(let line): requestLine = line
        case .failure(let error): return .failure(error)
        }
        lastRequestMethod = requestLine.method
        var headers = HTTPHeaders()
        for range in headerLines {
            switch parseHeaderLine(range) {
            case .success(let field): headers.add(field.0, field.1)
            case .failure(let error): return .failure(error)
            }
        }
        start = headEnd

        let target: (target: String, segments: [String], query: String?, authority: String?)
        switch resolveTarget(of: requestLine) {
        case .success(let resolved): target = resolved
        case .failure(let error): return .failure(error)
        }

        let hosts = headers.values("Host")
        if requestLine.minor == 1 && hosts.count != 1 || hosts.count > 1 {
            return .failure(HTTPParseError(400, "bad_host", "exactly one Host header is required"))
        }
        if let host = hosts.first, !HostHeader.isValid(host) {
            return .failure(HTTPParseError(400, "bad_host", "the Host header is not a host and optional port"))
        }
        // An absolute-form target's authority replaces the Host header (RFC 9112 §3.2.2).
        if let authority = target.authority { headers.set("Host", authority) }

        if let expectation = headers["Expect"], expectation.lowercased() != "100-continue" {
            return .failure(HTTPParseError(417, "expectation_failed", "only Expect: 100-continue is supported"))
        }

        var request = HTTPRequest(method: requestLine.method, target: target.target, pathSegments: target.segments,
                                  rawQuery: target.query, versionMinor: requestLine.minor, headers: headers)
        switch framing(of: request) {
        case .failure(let error): return .failure(error)
        case .success(let framing):
            if case .length(let length) = framing, length > bodyLimit(for: request) {
                return .failure(HTTPParseError(413, "body_too_large", "request body exceeds the limit"))
            }
            if case .length(let length) = framing { request.body.reserveCapacity(length) }
            return .head(request, framing)
        }
    }
}
