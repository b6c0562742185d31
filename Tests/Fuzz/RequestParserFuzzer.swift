// libFuzzer target for the HTTP request parser, the request-target normaliser, the form decoder
// and the multipart/form-data parser.
//
// Built by scripts/fuzz, which compiles this file together with the parser's own sources from
// Sources/HTTP into one module (so `internal` helpers such as HTTPSyntax are visible here):
//   swiftc -sanitize=fuzzer,address -parse-as-library -O ...
//
// Each input is a byte stream as a client could send it. It is fed to `RequestParser`
//   1. whole, in one append;
//   2. split into 2–4 appends at points derived from the input;
//   3. for small inputs, sometimes one byte at a time;
//   4. sometimes behind a large pipelined request, so the parser's buffer compaction runs;
// draining `next()` after every append until it needs more or fails. The limits (default or small)
// and an optional per-request body-limit closure are also chosen from the input. Every request the
// parser hands over is checked against the rules it promises, and the split feeds must agree with
// the whole feed. The same input also goes to `RequestTarget.parse` (its first line, or that line's
// target), `FormDecoder` (as a body) and `MultipartParser` (first line a Content-Type, the rest the
// body), each with its own invariants. Any broken rule calls `fatalError`, which libFuzzer reports
// as a crash (scripts/fuzz turns Swift's own crash handler off so the report is readable).
//
// Bugs already found and reported can be let through, so fuzzing goes on past them, by naming
// them in FUZZ_KNOWN (comma-separated): see `KnownIssue`. By default every rule is enforced.

import Glibc

// MARK: - Entry point

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var rng = SplitMix(seed: fnv1a(bytes))

    fuzzParser(bytes, rng: &rng)
    fuzzTarget(bytes)
    fuzzForm(bytes)
    fuzzMultipart(bytes, rng: &rng)
    return 0
}

// MARK: - Known issues

/// Bugs the fuzzer found that are not fixed yet. Each stays a crash unless named in FUZZ_KNOWN.
enum KnownIssue: String {
    /// The 1 KiB bound on a chunk-size line is only checked while the line is incomplete: a longer
    /// line (a long chunk extension) that arrives in one read is accepted, the same line split
    /// across reads is refused (seed: chunk-ext-over-1k).
    case chunkLineSplit = "chunk-line-split"
    /// `MultipartParser` strips the path from a file name by splitting on the Characters "/" and
    /// "\\"; a separator followed by a combining mark is one Character that is neither, so a name
    /// such as `../\u{301}etc` keeps its separators (seed: multipart-filename-combining-slash).
    case slashInFilename = "slash-in-filename"
    /// While a trailer line is incomplete the parser counts a CR still waiting for its LF against
    /// the trailer limit (the head's check leaves it out): a trailer section of exactly
    /// `headerBytes` is accepted when its final CRLF arrives in one read and refused with 431 when
    /// the CR arrives alone (seed: trailers-exactly-at-limit).
    case trailerPendingCR = "trailer-pending-cr"
}

let knownIssues: Set<String> = {
    guard let value = getenv("FUZZ_KNOWN") else { return [] }
    return Set(String(cString: value).split(separator: ",").map { String($0) })
}()

func isKnown(_ issue: KnownIssue) -> Bool { knownIssues.contains(issue.rawValue) }

// MARK: - Parser

/// What one way of feeding produced.
struct Outcome {
    var requests: [HTTPRequest] = []
    var failure: HTTPParseError?
    var bufferedAtEnd = 0
    var continues = 0
}

/// One choice of limits, shared by every feed of the same input so their outcomes are comparable.
struct LimitsChoice {
    var limits: ParserLimits
    var isDefault: Bool
}

func chooseLimits(_ rng: inout SplitMix) -> LimitsChoice {
    var limits = ParserLimits()
    var isDefault = true
    if rng.below(2) == 0 {
        // Small limits, so a short input can reach every 414/431/413 path.
        isDefault = false
        limits.requestLineBytes = 8 + rng.below(120)
        limits.headerBytes = 8 + rng.below(400)
        limits.headerCount = rng.below(8)
        limits.bodyBytes = rng.below(300)
    }
    if rng.below(2) == 0 {
        // A per-route limit, as the server sets one: larger for uploads, tiny for one path.
        isDefault = false
        let small = rng.below(64)
        let other = rng.below(2) == 0 ? 1024 * 1024 : rng.below(4096)
        let otherIsDefault = rng.below(3) == 0
        limits.bodyLimit = { request -> Int? in
            if request.pathSegments.first == "small" { return small }
            if request.pathSegments.first == "upload" && request.method == "POST" { return 20 * 1024 * 1024 }
            return otherIsDefault ? nil : other  // nil: bodyBytes
        }
    }
    return LimitsChoice(limits: limits, isDefault: isDefault)
}

func fuzzParser(_ bytes: [UInt8], rng: inout SplitMix) {
    let choice = chooseLimits(&rng)
    let limits = choice.limits

    // 1. Whole.
    let whole = feed([bytes[...]], limits: limits)
    for request in whole.requests {
        if let boundary = MultipartParser.boundary(contentType: request.headers["Content-Type"]) {
            checkMultipart(request.body, boundary: boundary, limits: MultipartLimits())
        }
    }

    // 2. Two to four appends at input-derived points: just before the longest line's CRLF (so a
    //    long line is judged both whole and incomplete), between the CR and LF of the last CRLF (the
    //    end of a head, of trailers, of a message), and sometimes in the middle of the longest line,
    //    at random, or just after another CR.
    if bytes.count >= 2 {
        let longest = longestLine(bytes)
        var cuts: Set<Int> = [longest.upperBound]
        if let lastCR = lastCRLF(bytes) { cuts.insert(lastCR + 1) }
        if cuts.count < 3, rng.below(2) == 0 { cuts.insert(longest.lowerBound + (longest.upperBound - longest.lowerBound) / 2) }
        if cuts.count < 3, rng.below(2) == 0 { cuts.insert(rng.below(bytes.count)) }
        if cuts.count < 3, rng.below(2) == 0, let cr = nthIndex(of: 13, in: bytes, n: rng.below(8)), cr + 1 < bytes.count {
            cuts.insert(cr + 1)
        }
        if !cuts.contains(where: { $0 > 0 && $0 < bytes.count }) { cuts.insert(1 + rng.below(bytes.count - 1)) }
        let split = feed(slices(bytes, at: cuts.sorted()), limits: limits)
        compare(whole, split, "split")
    }

    // 3. One byte at a time (quadratic in the head's length, so small inputs only).
    if bytes.count <= 600 && rng.below(4) == 0 {
        let single = feed(bytes.indices.map { bytes[$0...$0] }, limits: limits)
        compare(whole, single, "bytewise")
    }

    // 4. Behind a pipelined request larger than the parser's compaction threshold (64 KiB), so the
    //    buffer is compacted while part of this input still waits in it.
    if choice.isDefault && rng.below(16) == 0 {
        let padBody = 66_000
        let head = Array("POST /pad HTTP/1.1\r\nHost: pad\r\nContent-Length: \(padBody)\r\n\r\n".utf8)
        let cut = bytes.isEmpty ? 0 : rng.below(bytes.count + 1)
        let first = head + [UInt8](repeating: 0x61, count: padBody) + bytes[..<cut]
        var padded = feed([first[...], bytes[cut...]], limits: limits)
        guard let pad = padded.requests.first, pad.target == "/pad", pad.body.count == padBody else {
            fatalError("the padding request was not parsed: \(padded.requests.count) requests, \(String(describing: padded.failure))")
        }
        padded.requests.removeFirst()
        compare(whole, padded, "compaction")
    }
}

/// Feeds the pieces in order, draining the parser after each, and checks every event.
func feed(_ pieces: [ArraySlice<UInt8>], limits: ParserLimits) -> Outcome {
    var parser = RequestParser(limits: limits)
    var outcome = Outcome()
    var appended = 0
    checkIdleFlags(parser)
    for piece in pieces {
        parser.append(piece)
        appended += piece.count
        // Every event but needMore consumes bytes or changes state, so the drain is bounded by the
        // bytes fed; a parser handing out events forever would trip this.
        var budget = 2 * appended + 8
        drain: while true {
            budget -= 1
            if budget < 0 { fatalError("next() did not settle after \(appended) bytes") }
            let event = parser.next()
            checkBuffered(parser, appended: appended)
            switch event {
            case .needMore:
                if outcome.failure != nil { fatalError("needMore after a failure") }
                break drain
            case .failure(let error):
                checkFailure(error)
                if let earlier = outcome.failure, earlier != error { fatalError("failure changed: \(earlier) then \(error)") }
                outcome.failure = error
                checkStaysFailed(&parser, error)
                break drain
            case .request(let request):
                if outcome.failure != nil { fatalError("request after a failure") }
                checkRequest(request, limits: limits, complete: true)
                if parser.lastRequestMethod != request.method { fatalError("lastRequestMethod is not the request's") }
                outcome.requests.append(request)
            case .expectsContinue(let request):
                if outcome.failure != nil { fatalError("expectsContinue after a failure") }
                checkRequest(request, limits: limits, complete: false)
                guard request.headers["Expect"]?.lowercased() == "100-continue" else {
                    fatalError("expectsContinue without Expect: 100-continue")
                }
                guard parser.bufferedByteCount == 0 else { fatalError("expectsContinue with body bytes buffered") }
                outcome.continues += 1
            }
            checkIdleFlags(parser)
        }
        if outcome.failure != nil { break }
    }
    outcome.bufferedAtEnd = parser.bufferedByteCount
    return outcome
}

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
    guard [400, 413, 414, 417, 431, 501, 505].contains(error.status) else { fatalError("unexpected status \(error.status)") }
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
        if other.requests.count < whole.requests.count && !splitDependent(refused) {
            fatalError("\(how): refused with \(refused) a request the whole feed accepted")
        }
    case (_?, let refused?):
        if other.requests.count > whole.requests.count { fatalError("\(how): more requests before failing than the whole feed") }
        if other.requests.count < whole.requests.count && !splitDependent(refused) {
            fatalError("\(how): failed earlier than the whole feed with \(refused)")
        }
    }
}

/// A refusal that only the split feeds make, let through when known.
func splitDependent(_ error: HTTPParseError) -> Bool {
    (isKnown(.chunkLineSplit) && error.code == "bad_chunk" && error.message == "chunk size line too long")
        || (isKnown(.trailerPendingCR) && error.code == "trailers_too_large")
}

func same(_ a: HTTPRequest, _ b: HTTPRequest) -> Bool {
    a.method == b.method && a.target == b.target && a.pathSegments == b.pathSegments && a.rawQuery == b.rawQuery
        && a.versionMinor == b.versionMinor && a.body == b.body
        && a.headers.fields.count == b.headers.fields.count
        && zip(a.headers.fields, b.headers.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
}

// MARK: - Request target

/// Takes the input's first line; when it looks like a request line, its middle word (the target).
func fuzzTarget(_ bytes: [UInt8]) {
    let lineEnd = bytes.prefix(4096).firstIndex(where: { $0 == 13 || $0 == 10 }) ?? min(bytes.count, 4096)
    var line = bytes[..<lineEnd]
    let words = line.split(separator: 32, omittingEmptySubsequences: false)
    if words.count == 3 { line = words[1] }
    // As the parser would pass it (visible ASCII only), and as arbitrary text.
    let visible = String(decoding: line.filter(HTTPSyntax.isTargetByte), as: UTF8.self)
    let arbitrary = String(decoding: line, as: UTF8.self)
    for target in [visible.hasPrefix("/") ? visible : "/" + visible, arbitrary] {
        guard let (segments, query) = try? RequestTarget.parse(target) else { continue }
        checkSegments(segments)
        if let query {
            guard let mark = target.firstIndex(of: "?"), target[target.index(after: mark)...] == query else {
                fatalError("query is not what follows the first ?")
            }
        } else if target.contains(Character("?")) {
            fatalError("query lost")
        }
        // Encoding the segments again and parsing them gives the same segments.
        let encoded = "/" + segments.map(percentEncode).joined(separator: "/")
        guard let again = try? RequestTarget.parse(encoded), again.segments == segments, again.query == nil else {
            fatalError("segments do not survive a round trip: \(segments)")
        }
    }
    for plus in [false, true] {
        if let decoded = RequestTarget.percentDecode(arbitrary, plusAsSpace: plus), decoded.utf8.count > arbitrary.utf8.count {
            fatalError("percent-decoding grew the text")
        }
    }
}

func percentEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = Array("0123456789ABCDEF".utf8)
            out.unicodeScalars.append("%")
            out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
            out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
        }
    }
    return out
}

// MARK: - Forms

func fuzzForm(_ bytes: [UInt8]) {
    let body = Array(bytes.prefix(16384))
    guard let items = FormDecoder.decode(body: body) else {
        if String(validating: body, as: UTF8.self) != nil { fatalError("valid UTF-8 refused as a form") }
        return
    }
    let text = String(decoding: body, as: UTF8.self)
    let pairs = text.split(separator: "&").count
    if items.count > pairs { fatalError("more fields than pairs") }
    let viaText = FormDecoder.decode(text)
    if viaText.count != items.count || !zip(viaText, items).allSatisfy({ $0.name == $1.name && $0.value == $1.value }) {
        fatalError("body and text decoding differ")
    }
    // Encoding the fields and decoding them again gives the same fields.
    let again = FormDecoder.decode(FormDecoder.encode(items.map { ($0.name, $0.value) }))
    if again.count != items.count || !zip(again, items).allSatisfy({ $0.name == $1.name && $0.value == $1.value }) {
        fatalError("form fields do not survive a round trip")
    }
}

// MARK: - Multipart

/// The input's first line is a Content-Type value, the rest the body (or, when that line names no
/// multipart boundary, the whole input is the body under a fixed boundary).
func fuzzMultipart(_ bytes: [UInt8], rng: inout SplitMix) {
    // The default limits always, and sometimes small ones too, so a short body reaches every 413.
    var small = MultipartLimits()
    small.maxParts = rng.below(5)
    small.maxPartBytes = rng.below(80)
    small.maxHeaderBytes = rng.below(120)
    let limitsToTry = rng.below(2) == 0 ? [MultipartLimits(), small] : [MultipartLimits()]
    let lineEnd = bytes.prefix(200).firstIndex(of: 10) ?? bytes.count
    let firstLine = String(decoding: bytes[..<lineEnd].filter { $0 != 13 }, as: UTF8.self)
    if let header = HeaderParameters(firstLine) {
        if header.value != header.value.lowercased() { fatalError("parameter value not lower-cased") }
        for key in header.parameters.keys where key.isEmpty || key != key.lowercased() { fatalError("bad parameter name \(key)") }
    }
    let body: [UInt8]
    let boundary: String
    if let declared = MultipartParser.boundary(contentType: firstLine) {
        if !(1...70).contains(declared.utf8.count) { fatalError("boundary of \(declared.utf8.count) bytes") }
        body = Array(bytes[min(lineEnd + 1, bytes.count)...])
        boundary = declared
    } else {
        let boundaries = ["XyZ", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "-", "a"]
        body = bytes
        boundary = boundaries[rng.below(boundaries.count)]
    }
    for limits in limitsToTry { checkMultipart(body, boundary: boundary, limits: limits) }
}

func checkMultipart(_ body: [UInt8], boundary: String, limits: MultipartLimits) {
    let parts: [MultipartPart]
    do {
        parts = try MultipartParser.parse(body, boundary: boundary, limits: limits)
    } catch let error as HTTPError {
        if error.status != 400 && error.status != 413 { fatalError("multipart error status \(error.status)") }
        return
    } catch {
        fatalError("multipart threw \(error)")
    }
    if parts.count > limits.maxParts { fatalError("\(parts.count) parts, limit \(limits.maxParts)") }
    let delimiter = [13, 10] + Array(("--" + boundary).utf8)
    for part in parts {
        if part.body.count > limits.maxPartBytes { fatalError("part of \(part.body.count) bytes over the limit") }
        if MultipartParser.find(delimiter, in: part.body, from: 0) != nil { fatalError("a part holds the delimiter") }
        if let filename = part.filename, filename.contains(where: { $0 == "/" || $0 == "\\" }) {
            fatalError("file name keeps a path: \(filename)")
        }
        if let filename = part.filename, filename.utf8.contains(where: { $0 == 47 || $0 == 92 }), !isKnown(.slashInFilename) {
            fatalError("file name keeps a path separator byte: \(Array(filename.utf8))")
        }
    }
}

// MARK: - Helpers

func slices(_ bytes: [UInt8], at cuts: [Int]) -> [ArraySlice<UInt8>] {
    var pieces: [ArraySlice<UInt8>] = []
    var from = 0
    for cut in cuts where cut > from && cut < bytes.count {
        pieces.append(bytes[from..<cut])
        from = cut
    }
    pieces.append(bytes[from...])
    return pieces
}

/// The longest CRLF-terminated line, without its CRLF (an empty range at 0 when there is none).
func longestLine(_ bytes: [UInt8]) -> Range<Int> {
    var best = 0..<0
    var lineStart = 0
    var i = 0
    while i + 1 < bytes.count {
        if bytes[i] == 13 && bytes[i + 1] == 10 {
            if i - lineStart > best.count { best = lineStart..<i }
            lineStart = i + 2
            i += 1
        }
        i += 1
    }
    return best
}

/// The index of the CR of the input's last CRLF.
func lastCRLF(_ bytes: [UInt8]) -> Int? {
    var i = bytes.count - 2
    while i >= 0 {
        if bytes[i] == 13 && bytes[i + 1] == 10 { return i }
        i -= 1
    }
    return nil
}

func nthIndex(of byte: UInt8, in bytes: [UInt8], n: Int) -> Int? {
    var seen = 0
    for (i, b) in bytes.enumerated() where b == byte {
        if seen == n { return i }
        seen += 1
    }
    return nil
}

func fnv1a(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}

/// A tiny deterministic generator, so each input always makes the same choices (reproducible crashes).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    /// A value in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }
}
