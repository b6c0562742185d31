// The rules every outcome of `ResponseParser` must keep; each broken rule is a fatalError, which
// libFuzzer reports as a crash. Compiled with ResponseParserFuzzer.swift by scripts/fuzz.

func checkHead(_ head: ResponseHead, limits: ResponseLimits) {
    if !(100...599).contains(head.status) { fatalError("status \(head.status)") }
    if !(0...1).contains(head.versionMinor) { fatalError("version 1.\(head.versionMinor)") }
    if head.reason.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) { fatalError("CR/LF/NUL in the reason") }
    if head.headers.fields.count > limits.headerCount { fatalError("more fields than the limit") }
    for field in head.headers.fields {
        let name = Array(field.name.utf8)
        if name.isEmpty || !name.allSatisfy(HTTPSyntax.isTokenByte) { fatalError("bad field name") }
        if field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }) { fatalError("CR/LF/NUL in a value") }
        if field.value.first == " " || field.value.last == " " { fatalError("untrimmed value") }
    }
    if head.keepsAlive && head.versionMinor != 1 { fatalError("an HTTP/1.0 connection kept alive") }
}

func checkInterim(_ head: ResponseHead, count: Int, limits: ResponseLimits) {
    checkHead(head, limits: limits)
    if !head.isInterim { fatalError("a final status \(head.status) handed over as interim") }
    if count > limits.interimResponses { fatalError("more interim answers than the limit") }
}

func checkResponse(_ head: ResponseHead, body: [UInt8], method: String, limits: ResponseLimits, ended: Bool) {
    checkHead(head, limits: limits)
    if head.isInterim { fatalError("interim status \(head.status) handed over as final") }
    if body.count > limits.bodyBytes { fatalError("a body beyond the limit") }
    let bodiless = method == "HEAD" || (100..<200).contains(head.status) || head.status == 204 || head.status == 304
    if bodiless && !body.isEmpty { fatalError("a body on a \(method) \(head.status) answer") }
    let lengths = head.headers.values("Content-Length")
    let chunked = head.headers.contains("Transfer-Encoding")
    if !bodiless {
        if chunked && !lengths.isEmpty { fatalError("both Content-Length and Transfer-Encoding accepted") }
        if let length = lengths.first, Int(length.split(separator: ",").first?.trimmingASCIIWhitespace() ?? "") != body.count {
            fatalError("a body of \(body.count) bytes for Content-Length \(length)")
        }
        // Only a body framed by the close completes at the end of the stream, and never keeps it.
        if lengths.isEmpty && !chunked && (!ended || head.keepsAlive) { fatalError("a close-framed body misjudged") }
        if chunked && head.versionMinor != 1 { fatalError("chunked accepted in HTTP/1.0") }
    }
}

/// Once failed, the parser keeps answering the same failure, whatever arrives next.
func checkStaysFailed(_ parser: inout ResponseParser, _ error: ResponseParseError) {
    parser.append(Array("HTTP/1.1 204 No Content\r\n\r\n".utf8))
    guard case .failure(let again) = parser.next(), again == error else { fatalError("the parser recovered from \(error)") }
}

/// Once the response is out, the parser takes nothing more from the buffer.
func checkStaysDone(_ parser: inout ResponseParser) {
    let left = parser.bufferedByteCount
    guard case .needMore = parser.next(), parser.bufferedByteCount == left else { fatalError("the parser went on after its response") }
}
