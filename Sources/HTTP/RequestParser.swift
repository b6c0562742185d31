/// A pure, incremental HTTP/1.1 request parser (RFC 9112). Feed it bytes as they arrive; ask it for
/// the next event. It never touches a socket, so every rule is testable with plain byte arrays.
public struct RequestParser: Sendable {
    /// What the parser can tell after the bytes fed so far.
    public enum Event: Sendable {
        /// A complete request; more may follow in the buffer (pipelining).
        case request(HTTPRequest)
        /// The head is complete and asks `Expect: 100-continue`: answer 100 (or refuse) before the body.
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
    private var buffer: [UInt8] = []
    private var start = 0
    private var state: State = .head

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
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65_536 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
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
                    if request.headers["Expect"]?.lowercased() == "100-continue", bufferedByteCount == 0 {
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
                guard let lineEnd = findCRLF(from: start) else {
                    if bufferedByteCount - (buffer.last == 13 ? 1 : 0) > 1024 {
                        return fail(HTTPParseError(400, "bad_chunk", "chunk size line too long"))
                    }
                    return .needMore
                }
                guard lineEnd - start <= 1024 else { return fail(HTTPParseError(400, "bad_chunk", "chunk size line too long")) }
                let line = buffer[start..<lineEnd]
                let sizePart = line.prefix { $0 != UInt8(ascii: ";") }
                guard !sizePart.isEmpty, sizePart.count <= 8,
                      sizePart.allSatisfy({ RequestTarget.hexValue($0) != nil }) else {
                    return fail(HTTPParseError(400, "bad_chunk", "malformed chunk size"))
                }
                guard line.allSatisfy({ HTTPSyntax.isFieldValueByte($0) }) else {
                    return fail(HTTPParseError(400, "bad_chunk", "control character in chunk extension"))
                }
                let size = sizePart.reduce(0) { $0 * 16 + Int(RequestTarget.hexValue($1)!) }
                start = lineEnd + 2
                if size == 0 {
                    state = .trailers(request, bytes: 0)
                } else {
                    guard request.body.count + size <= bodyLimit(for: request) else {
                        return fail(HTTPParseError(413, "body_too_large", "request body exceeds the limit"))
                    }
                    state = .chunkData(request, remaining: size)
                }
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
                guard bufferedByteCount >= 2 else { return .needMore }
                guard buffer[start] == 13, buffer[start + 1] == 10 else {
                    return fail(HTTPParseError(400, "bad_chunk", "chunk data not followed by CRLF"))
                }
                start += 2
                state = .chunkSize(request)
            case .trailers(let request, let bytes):
                guard let lineEnd = findCRLF(from: start) else {
                    if hasBareLF(from: start) { return fail(HTTPParseError(400, "bad_chunk", "trailer line must end with CRLF")) }
                    if bytes + bufferedByteCount - (buffer.last == 13 ? 1 : 0) > limits.headerBytes {
                        return fail(HTTPParseError(431, "trailers_too_large", "trailer section too large"))
                    }
                    return .needMore
                }
                let length = lineEnd - start
                if length > 0, case .failure(let error) = parseHeaderLine(start..<lineEnd) {
                    return fail(error)
                }
                start = lineEnd + 2
                if length == 0 {
                    state = .head
                    return .request(request)
                }
                guard bytes + length + 2 <= limits.headerBytes else {
                    return fail(HTTPParseError(431, "trailers_too_large", "trailer section too large"))
                }
                state = .trailers(request, bytes: bytes + length + 2)
            }
        }
    }

    private mutating func fail(_ error: HTTPParseError) -> Event {
        state = .failed(error)
        return .failure(error)
    }

    private func bodyLimit(for request: HTTPRequest) -> Int {
        if let limit = limits.bodyLimit?(request) { return limit }
        return limits.bodyBytes
    }

    /// True when an LF without its CR sits in the buffer from `index` on.
    func hasBareLF(from index: Int) -> Bool {
        var i = max(index, start)
        while i < buffer.count {
            if buffer[i] == 10 && (i == 0 || buffer[i - 1] != 13) { return true }
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
                if hasBareLF(from: cursor) {
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

        let requestLine: (method: String, target: String, minor: Int)
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

        let segments: [String]
        let query: String?
        if requestLine.target == "*" {
            guard requestLine.method == "OPTIONS" else { return .failure(HTTPParseError(400, "bad_target", "* is only for OPTIONS")) }
            segments = []
            query = nil
        } else if requestLine.target.first == "/" {
            do {
                (segments, query) = try RequestTarget.parse(requestLine.target)
            } catch let error as HTTPParseError {
                return .failure(error)
            } catch {
                return .failure(HTTPParseError(400, "bad_target", "malformed request target"))
            }
        } else {
            return .failure(HTTPParseError(400, "bad_target", "only origin-form request targets are served"))
        }

        let hosts = headers.values("Host")
        if requestLine.minor == 1 && hosts.count != 1 || hosts.count > 1 {
            return .failure(HTTPParseError(400, "bad_host", "exactly one Host header is required"))
        }
        if let host = hosts.first, !HostHeader.isValid(host) {
            return .failure(HTTPParseError(400, "bad_host", "the Host header is not a host and optional port"))
        }

        if let expectation = headers["Expect"], expectation.lowercased() != "100-continue" {
            return .failure(HTTPParseError(417, "expectation_failed", "only Expect: 100-continue is supported"))
        }

        var request = HTTPRequest(method: requestLine.method, target: requestLine.target, pathSegments: segments,
                                  rawQuery: query, versionMinor: requestLine.minor, headers: headers)
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

    private func parseRequestLine(_ range: Range<Int>) -> Result<(method: String, target: String, minor: Int), HTTPParseError> {
        let line = buffer[range]
        let bad = HTTPParseError(400, "bad_request_line", "malformed request line")
        guard let firstSpace = line.firstIndex(of: 32) else { return .failure(bad) }
        guard let lastSpace = line.lastIndex(of: 32), lastSpace > firstSpace else { return .failure(bad) }
        let method = line[line.startIndex..<firstSpace]
        let target = line[(firstSpace + 1)..<lastSpace]
        let version = line[(lastSpace + 1)...]
        guard !method.isEmpty, method.allSatisfy(HTTPSyntax.isTokenByte) else {
            return .failure(HTTPParseError(400, "bad_method", "method is not a token"))
        }
        guard !target.isEmpty, target.allSatisfy(HTTPSyntax.isTargetByte) else { return .failure(bad) }
        guard version.count == 8 else { return .failure(bad) }
        let v = version.startIndex
        let major = version[v + 5], minor = version[v + 7]
        guard version[v..<(v + 5)].elementsEqual("HTTP/".utf8), version[v + 6] == UInt8(ascii: "."),
              (48...57).contains(major), (48...57).contains(minor) else {
            return .failure(bad)
        }
        guard major == UInt8(ascii: "1"), minor <= UInt8(ascii: "1") else {
            return .failure(HTTPParseError(505, "version_not_supported", "only HTTP/1.0 and HTTP/1.1 are served"))
        }
        return .success((String(decoding: method, as: UTF8.self), String(decoding: target, as: UTF8.self),
                         Int(minor - 48)))
    }

    private func parseHeaderLine(_ range: Range<Int>) -> Result<(String, String), HTTPParseError> {
        let line = buffer[range]
        if let first = line.first, first == 32 || first == 9 {
            return .failure(HTTPParseError(400, "obsolete_line_folding", "obsolete line folding is not accepted"))
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            return .failure(HTTPParseError(400, "bad_header", "header line without a colon"))
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty else { return .failure(HTTPParseError(400, "bad_header", "empty header name")) }
        if let last = name.last, last == 32 || last == 9 {
            return .failure(HTTPParseError(400, "bad_header", "whitespace before the colon"))
        }
        guard name.allSatisfy(HTTPSyntax.isTokenByte) else {
            return .failure(HTTPParseError(400, "bad_header", "invalid character in header name"))
        }
        var value = line[(colon + 1)...]
        guard value.allSatisfy(HTTPSyntax.isFieldValueByte) else {
            return .failure(HTTPParseError(400, "bad_header", "control character in header value"))
        }
        while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
        while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
        return .success((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
    }

    private func framing(of request: HTTPRequest) -> Result<Framing, HTTPParseError> {
        let transferEncodings = request.headers.values("Transfer-Encoding")
        let lengths = request.headers.values("Content-Length")
        if !transferEncodings.isEmpty {
            guard lengths.isEmpty else {
                return .failure(HTTPParseError(400, "ambiguous_framing", "both Content-Length and Transfer-Encoding"))
            }
            guard request.versionMinor == 1 else {
                return .failure(HTTPParseError(400, "bad_transfer_encoding", "Transfer-Encoding needs HTTP/1.1"))
            }
            let codings = transferEncodings.flatMap { $0.split(separator: ",") }
                .map { $0.trimmingASCIIWhitespace().lowercased() }
            guard codings == ["chunked"] else {
                return .failure(HTTPParseError(400, "bad_transfer_encoding", "only Transfer-Encoding: chunked is accepted"))
            }
            return .success(.chunked)
        }
        guard !lengths.isEmpty else { return .success(.none) }
        var length: Int?
        for field in lengths {
            for part in field.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = part.trimmingASCIIWhitespace()
                guard !digits.isEmpty, digits.count <= 15, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                      let value = Int(digits) else {
                    return .failure(HTTPParseError(400, "bad_content_length", "Content-Length must be digits"))
                }
                if let length, length != value {
                    return .failure(HTTPParseError(400, "bad_content_length", "conflicting Content-Length values"))
                }
                length = value
            }
        }
        return .success(length == 0 ? .none : .length(length!))
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self).utf8[...]
        while let first = scalars.first, first == 32 || first == 9 { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == 32 || last == 9 { scalars = scalars.dropLast() }
        return String(decoding: scalars, as: UTF8.self)
    }
}
