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
// Every bug the fuzzer found is fixed and has a regression test in Tests/HTTPTests, which
// `swift test` runs; no rule is ever let through here.

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
        limits.fieldBytes = rng.below(200)
        limits.bodyBytes = rng.below(300)
    }
    // The authorities an absolute-form target may name: always the seeds' hub.example, sometimes a
    // local port as a server adds its own.
    limits.servedAuthorities = ServedAuthorities(rng.below(2) == 0 ? ["hub.example"] : ["hub.example", "localhost:8080"])
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
    if let first = whole.requests.first { checkFirstTarget(first, input: bytes, limits: limits) }

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
                checkWaiting(parser)
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
                if request.versionMinor < 1 { fatalError("expectsContinue for HTTP/1.0") }
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
