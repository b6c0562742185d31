// The rules every outcome of `RequestParser` must keep; each broken rule is a fatalError, which
// libFuzzer reports as a crash. Compiled with RequestParserFuzzer.swift by scripts/fuzz.

/// Once failed, the parser keeps answering the same failure, whatever arrives next.
func checkStaysFailed(_ parser: inout RequestParser, _ error: HTTPParseError) {
    for extra in [[UInt8](), Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8)] {
        parser.append(extra)
        guard case .failure(let again) = parser.next(), again == error else {
            fatalError("the parser recovered from \(error)")
        }
    }
    if parser.isIdle { fatalError("a failed parser claims to be idle") }
}

func checkBuffered(_ parser: RequestParser, appended: Int) {
    let buffered = parser.bufferedByteCount
    if buffered < 0 || buffered > appended { fatalError("bufferedByteCount \(buffered) after \(appended) bytes") }
}

func checkIdleFlags(_ parser: RequestParser) {
    if parser.isIdle && parser.isReceivingHead { fatalError("idle and receiving a head at once") }
    if parser.isIdle && parser.bufferedByteCount != 0 { fatalError("idle with bytes buffered") }
}

func checkFailure(_ error: HTTPParseError) {
    guard [400, 413, 414, 417, 421, 431, 505].contains(error.status) else { fatalError("unexpected status \(error.status)") }
    if error.code.isEmpty || error.message.isEmpty { fatalError("failure without code or message") }
}

/// What the parser promises about every request it hands over.
func checkRequest(_ request: HTTPRequest, limits: ParserLimits, complete: Bool) {
    let method = Array(request.method.utf8)
    if method.isEmpty || !method.allSatisfy(HTTPSyntax.isTokenByte) { fatalError("bad method \(request.method)") }
    if !(0...1).contains(request.versionMinor) { fatalError("version 1.\(request.versionMinor)") }
    let target = Array(request.target.utf8)
    if target.isEmpty || !target.allSatisfy(HTTPSyntax.isTargetByte) { fatalError("bad target bytes") }
    if target.count > limits.requestLineBytes { fatalError("target longer than the request line limit") }
    if target.contains(UInt8(ascii: "#")) { fatalError("a fragment in the target: \(request.target)") }

    // Path: normalised once, never escaping, never smuggling a separator.
    if request.target == "*" {
        if request.method != "OPTIONS" || !request.pathSegments.isEmpty { fatalError("* outside OPTIONS") }
    } else {
        if target.first != UInt8(ascii: "/") { fatalError("target not in origin-form: \(request.target)") }
        checkSegments(request.pathSegments)
        if request.path.contains("//") || request.path.contains("/../") || request.path.hasSuffix("/..") {
            fatalError("path not normalised: \(request.path)")
        }
        guard let reparsed = try? RequestTarget.parse(request.target), reparsed.segments == request.pathSegments,
              reparsed.query == request.rawQuery else {
            fatalError("target does not parse to the request's own segments: \(request.target)")
        }
    }

    // Headers: tokens for names, no CR/LF/NUL in values, within the count limit.
    if request.headers.fields.count > limits.headerCount { fatalError("more headers than the limit") }
    for field in request.headers.fields {
        let name = Array(field.name.utf8)
        if name.isEmpty || !name.allSatisfy(HTTPSyntax.isTokenByte) { fatalError("bad header name") }
        if field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) { fatalError("CR/LF/NUL in a header value") }
        if let first = field.value.utf8.first, first == 32 || first == 9 { fatalError("value not trimmed") }
        if let last = field.value.utf8.last, last == 32 || last == 9 { fatalError("value not trimmed") }
        // Scalars, not UTF-8 bytes: obs-text that is not UTF-8 decodes to U+FFFD, three bytes for one
        // received, but never to more scalars than bytes received.
        let valueLength = field.value.unicodeScalars.count
        if name.count > limits.fieldBytes || valueLength > limits.fieldBytes {
            // Host may be an absolute-form target's authority, bounded by the request line instead.
            if !field.name.caseInsensitiveEquals("Host") || valueLength > limits.requestLineBytes {
                fatalError("a header field over \(limits.fieldBytes) bytes: \(name.count) + \(valueLength)")
            }
        }
    }
    if let expectation = request.headers["Expect"], expectation.lowercased() != "100-continue" {
        fatalError("Expect: \(expectation) accepted")
    }
    let hosts = request.headers.values("Host")
    if hosts.count > 1 || (request.versionMinor == 1 && hosts.count != 1) { fatalError("Host count \(hosts.count) accepted") }
    if let host = hosts.first, !HostHeader.isValid(host) { fatalError("invalid Host accepted: \(host)") }
    if let host = hosts.first, host.utf8.contains(where: { $0 == 32 || $0 == 9 || $0 == 47 || $0 == 64 }) {
        fatalError("Host with space, / or @ accepted: \(host)")
    }

    // Framing: never both, only chunked, body within its limit and of the declared length.
    let lengths = request.headers.values("Content-Length")
    let codings = request.headers.values("Transfer-Encoding")
    if !lengths.isEmpty && !codings.isEmpty { fatalError("Content-Length and Transfer-Encoding both accepted") }
    if !codings.isEmpty && request.versionMinor != 1 { fatalError("Transfer-Encoding accepted on HTTP/1.0") }
    let limit = limits.bodyLimit?(request) ?? limits.bodyBytes
    if request.body.count > max(limit, 0) { fatalError("body of \(request.body.count) bytes over the limit \(limit)") }
    if complete, let declared = lengths.first {
        let value = Int(declared.split(separator: ",").first.map { $0.trimmingASCIIWhitespace() } ?? "")
        if value != request.body.count { fatalError("body of \(request.body.count) bytes, Content-Length \(declared)") }
    }
    if !complete && !request.body.isEmpty { fatalError("expectsContinue with a body") }
    if complete && lengths.isEmpty && codings.isEmpty && !request.body.isEmpty { fatalError("body without framing") }
}

/// No segment is empty, `.` or `..`, or holds a `/` or NUL byte (a `/` glued to a combining mark
/// is one Character that is not "/", so the check is on bytes; seed
/// regression-encoded-slash-combining-mark).
func checkSegments(_ segments: [String]) {
    for segment in segments {
        if segment.isEmpty || segment == "." || segment == ".." { fatalError("segment \(segment) survived") }
        if segment.utf8.contains(where: { $0 == UInt8(ascii: "/") || $0 == 0 }) {
            fatalError("/ or NUL in a path segment: \(Array(segment.utf8))")
        }
    }
}

/// While the parser waits for more, no line it is reading (head, chunk-size line, the CRLF after a
/// chunk's data, trailers) holds a bare LF or a CR followed by anything but LF: those are refused
/// at once, not left to the idle timeout. Body bytes may hold anything.
func checkWaiting(_ parser: RequestParser) {
    switch parser.state {
    case .fixedBody, .chunkData, .failed:
        return
    case .head, .chunkSize, .chunkDataEnd, .trailers:
        let pending = parser.buffer[parser.start...]
        for index in pending.indices {
            let byte = pending[index]
            if byte == 10 && (index == pending.startIndex || pending[index - 1] != 13) {
                fatalError("waiting with a bare LF in \(parser.state)")
            }
            if case .head = parser.state { continue }  // a bare CR in a header value is refused with its line
            if byte == 13 && index + 1 < pending.endIndex && pending[index + 1] != 10 {
                if case .trailers = parser.state { continue }  // likewise in a trailer
                fatalError("waiting with a bare CR in \(parser.state)")
            }
        }
    }
}

/// An absolute-form target is served only for an authority the limits name, as its path, with the
/// authority as the one Host header.
func checkFirstTarget(_ request: HTTPRequest, input: [UInt8], limits: ParserLimits) {
    var start = 0
    while input.count - start >= 2, input[start] == 13, input[start + 1] == 10 { start += 2 }
    let line = input[start...].prefix { $0 != 13 }
    let words = line.split(separator: 32, omittingEmptySubsequences: false)
    guard words.count == 3 else { return }
    let target = String(decoding: words[1], as: UTF8.self)
    guard target != "*", target.first != "/" else { return }
    guard let absolute = try? RequestTarget.absoluteForm(target) else {
        fatalError("served a target in neither origin nor absolute form: \(target)")
    }
    if !limits.servedAuthorities.serves(absolute.authority, scheme: absolute.scheme) {
        fatalError("served an authority not ours: \(absolute.authority)")
    }
    if request.headers.values("Host") != [absolute.authority] || request.target != absolute.originForm {
        fatalError("absolute form \(target) handed over as \(request.target) for \(request.headers.values("Host"))")
    }
}

/// The split feeds must agree with the whole feed: the same requests, in the same order, and the
/// same end state. Failure codes may differ (a line cut short can be judged on a prefix), and a
/// split feed may refuse the request still incomplete at the end earlier, but neither may accept a
/// request that the other refused.
func compare(_ whole: Outcome, _ other: Outcome, _ how: String) {
    let common = min(whole.requests.count, other.requests.count)
    for i in 0..<common where !same(whole.requests[i], other.requests[i]) {
        fatalError("\(how): request \(i) differs from the whole feed's")
    }
    switch (whole.failure, other.failure) {
    case (nil, nil):
        if whole.requests.count != other.requests.count { fatalError("\(how): \(other.requests.count) requests, whole \(whole.requests.count)") }
        if whole.bufferedAtEnd != other.bufferedAtEnd { fatalError("\(how): ends with \(other.bufferedAtEnd) bytes buffered, whole \(whole.bufferedAtEnd)") }
    case (let refused?, nil):
        fatalError("\(how): accepted what the whole feed refused with \(refused)")
    case (nil, let refused?):
        // The whole feed may still be waiting for the rest of a request that a shorter buffer already
        // showed to be broken (a bare LF in a line, say); refusing a request it completed is a bug.
        if other.requests.count > whole.requests.count { fatalError("\(how): more requests before failing than the whole feed") }
        if other.requests.count < whole.requests.count {
            fatalError("\(how): refused with \(refused) a request the whole feed accepted")
        }
    case (_?, let refused?):
        if other.requests.count > whole.requests.count { fatalError("\(how): more requests before failing than the whole feed") }
        if other.requests.count < whole.requests.count {
            fatalError("\(how): failed earlier than the whole feed with \(refused)")
        }
    }
}

func same(_ a: HTTPRequest, _ b: HTTPRequest) -> Bool {
    a.method == b.method && a.target == b.target && a.pathSegments == b.pathSegments && a.rawQuery == b.rawQuery
        && a.versionMinor == b.versionMinor && a.body == b.body
        && a.headers.fields.count == b.headers.fields.count
        && zip(a.headers.fields, b.headers.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
}
