// libFuzzer target for the HTTP response parser, the client's twin of the request parser's target.
//
// Built by scripts/fuzz into its own binary from this folder, Tests/Fuzz/FuzzInputs.swift and the
// parsers' sources; its seeds are in this folder's corpus/.
//
// Each input is one byte choosing the request method (HEAD when its two low bits are 0, as for "H";
// GET otherwise, as for "G": the answer to HEAD has no body), then a byte stream as an upstream could
// send it. The input's hash picks the limits. The stream is fed to `ResponseParser`
//   1. whole, in one append;
//   2. split into 2–4 appends at points derived from the input;
//   3. for small inputs, sometimes one byte at a time;
// draining `next()` after every append, then telling it the stream ended. The parser judges every
// byte as it arrives, so every feed must end with exactly the same interim answers and the same final
// response or error as the whole feed. Every response it hands over is checked against the rules it
// promises (ResponseInvariants.swift). Any broken rule calls `fatalError`, which libFuzzer reports as a
// crash.

import Glibc

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard let selector = input.first else { return 0 }
    let bytes = Array(input.dropFirst())
    var rng = SplitMix(seed: fnv1a(input))
    let method = selector & 3 == 0 ? "HEAD" : "GET"
    let limits = chooseResponseLimits(&rng)

    let whole = feedResponse([bytes[...]], method: method, limits: limits)
    if bytes.count >= 2 {
        var cuts: Set<Int> = [longestLine(bytes).upperBound]
        if let lastCR = lastCRLF(bytes) { cuts.insert(lastCR + 1) }
        if rng.below(2) == 0 { cuts.insert(rng.below(bytes.count)) }
        if rng.below(2) == 0, let cr = nthIndex(of: 13, in: bytes, n: rng.below(8)) { cuts.insert(cr + 1) }
        if !cuts.contains(where: { $0 > 0 && $0 < bytes.count }) { cuts.insert(1 + rng.below(bytes.count - 1)) }
        compare(whole, feedResponse(slices(bytes, at: cuts.sorted()), method: method, limits: limits), "split")
    }
    if bytes.count <= 600 && rng.below(4) == 0 {
        compare(whole, feedResponse(bytes.indices.map { bytes[$0...$0] }, method: method, limits: limits), "bytewise")
    }
    return 0
}

func chooseResponseLimits(_ rng: inout SplitMix) -> ResponseLimits {
    var limits = ResponseLimits()
    if rng.below(2) == 0 {
        // Small limits, so a short input reaches every limit's refusal.
        limits.headBytes = 8 + rng.below(400)
        limits.headerCount = rng.below(8)
        limits.bodyBytes = rng.below(300)
        limits.interimResponses = rng.below(4)
    }
    return limits
}

/// What one way of feeding produced.
struct ResponseOutcome {
    var interims: [ResponseHead] = []
    var head: ResponseHead?
    var body: [UInt8] = []
    var failure: ResponseParseError?
    var leftover = 0
}

/// Feeds the pieces in order, draining the parser after each, then ends the stream and drains again.
func feedResponse(_ pieces: [ArraySlice<UInt8>], method: String, limits: ResponseLimits) -> ResponseOutcome {
    var parser = ResponseParser(requestMethod: method, limits: limits)
    var outcome = ResponseOutcome()
    var appended = 0
    for (index, piece) in pieces.enumerated() {
        parser.append(piece)
        appended += piece.count
        if drain(&parser, into: &outcome, appended: appended, ended: false) {
            // What was never fed is left over too, as it would be in the socket.
            outcome.leftover += pieces[(index + 1)...].reduce(0) { $0 + $1.count }
            return outcome
        }
    }
    parser.finish()
    if !drain(&parser, into: &outcome, appended: appended, ended: true) {
        fatalError("needMore after the stream ended")
    }
    return outcome
}

/// Takes events until the parser needs more (false) or is done (true: a response or an error).
func drain(_ parser: inout ResponseParser, into outcome: inout ResponseOutcome, appended: Int, ended: Bool) -> Bool {
    // Every event but needMore consumes bytes or ends the parse, so the drain is bounded.
    var budget = appended + 8
    while true {
        budget -= 1
        if budget < 0 { fatalError("next() did not settle after \(appended) bytes") }
        let event = parser.next()
        if parser.bufferedByteCount < 0 || parser.bufferedByteCount > appended { fatalError("bufferedByteCount out of range") }
        switch event {
        case .needMore:
            return false
        case .interim(let head):
            checkInterim(head, count: outcome.interims.count + 1, limits: parser.limits)
            outcome.interims.append(head)
        case .failure(let error):
            outcome.failure = error
            checkStaysFailed(&parser, error)
            return true
        case .response(let head, let body):
            checkResponse(head, body: body, method: parser.requestMethod, limits: parser.limits, ended: ended)
            outcome.head = head
            outcome.body = body
            outcome.leftover = parser.bufferedByteCount
            checkStaysDone(&parser)
            return true
        }
    }
}

func compare(_ whole: ResponseOutcome, _ other: ResponseOutcome, _ how: String) {
    if whole.failure != other.failure {
        fatalError("\(how): ended with \(String(describing: other.failure)), whole \(String(describing: whole.failure))")
    }
    if whole.interims.count != other.interims.count || !zip(whole.interims, other.interims).allSatisfy(same) {
        fatalError("\(how): interim answers differ from the whole feed's")
    }
    switch (whole.head, other.head) {
    case (nil, nil): break
    case (let a?, let b?):
        if !same(a, b) || whole.body != other.body || whole.leftover != other.leftover {
            fatalError("\(how): the response differs from the whole feed's")
        }
    default: fatalError("\(how): a response in one feed only")
    }
}

func same(_ a: ResponseHead, _ b: ResponseHead) -> Bool {
    a.status == b.status && a.versionMinor == b.versionMinor && a.reason == b.reason && a.keepsAlive == b.keepsAlive
        && a.headers.fields.count == b.headers.fields.count
        && zip(a.headers.fields, b.headers.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
}
