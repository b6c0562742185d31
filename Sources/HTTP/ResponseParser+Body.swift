/// A response body's framing (RFC 9112 §6.3) and the chunked transfer coding (RFC 9112 §7.1).
extension ResponseParser {
    /// Longest chunk-size line, extensions included, without its CRLF.
    static let chunkLineBytes = 1024

    enum Framing: Equatable { case none, length(Int), chunked, untilClose }

    func framing(of head: ResponseHead) -> Result<Framing, ResponseParseError> {
        // These never carry a body, whatever their fields say (RFC 9112 §6.3, rule 1).
        if requestMethod == "HEAD" || (100..<200).contains(head.status) || head.status == 204 || head.status == 304 {
            return .success(.none)
        }
        let transferEncodings = head.headers.values("Transfer-Encoding")
        let lengths = head.headers.values("Content-Length")
        if !transferEncodings.isEmpty {
            guard lengths.isEmpty else { return .failure(.ambiguousFraming) }
            let codings = transferEncodings.flatMap { $0.split(separator: ",") }
                .map { $0.trimmingASCIIWhitespace().lowercased() }
            guard head.versionMinor == 1, codings == ["chunked"] else { return .failure(.unsupportedTransferEncoding) }
            return .success(.chunked)
        }
        guard !lengths.isEmpty else { return .success(.untilClose) }
        switch MessageFraming.contentLength(lengths) {
        case .failure(.notDigits): return .failure(.badContentLength)
        case .failure(.conflicting): return .failure(.conflictingContentLength)
        case .success(let length):
            guard length <= limits.bodyBytes else { return .failure(.bodyTooLarge(limit: limits.bodyBytes)) }
            return .success(length == 0 ? .none : .length(length))
        }
    }

    /// Reads a chunk-size line; nil when the state moved on (to the chunk's data or the trailers).
    mutating func readChunkSize() -> Event? {
        let end: Int
        switch scanLine(from: start, maxLength: Self.chunkLineBytes) {
        case .incomplete: return streamEnded ? fail(.truncated) : .needMore
        case .broken: return fail(.badChunk("size line not ended by CRLF"))
        case .tooLong: return fail(.badChunk("size line too long"))
        case .end(let found): end = found
        }
        let line = buffer[start..<end]
        let sizePart = line.prefix { $0 != UInt8(ascii: ";") }
        // 1*HEXDIG: leading zeros say nothing about the size; 15 significant digits cannot overflow.
        let significant = sizePart.drop { $0 == UInt8(ascii: "0") }
        guard !sizePart.isEmpty, significant.count <= 15, sizePart.allSatisfy({ RequestTarget.hexValue($0) != nil }) else {
            return fail(.badChunk("malformed size"))
        }
        guard line.allSatisfy(HTTPSyntax.isFieldValueByte) else { return fail(.badChunk("control character in an extension")) }
        let size = significant.reduce(0) { $0 * 16 + Int(RequestTarget.hexValue($1)!) }
        start = end + 2
        if size == 0 {
            state = .trailers(bytes: 0)
            return nil
        }
        guard size <= limits.bodyBytes - body.count else { return fail(.bodyTooLarge(limit: limits.bodyBytes)) }
        state = .chunkData(remaining: size)
        return nil
    }

    /// Reads the CRLF after a chunk's data, refusing anything else as soon as its first byte shows.
    mutating func readChunkDataEnd() -> Event? {
        guard bufferedByteCount >= 1 else { return streamEnded ? fail(.truncated) : .needMore }
        guard buffer[start] == 13, bufferedByteCount < 2 || buffer[start + 1] == 10 else {
            return fail(.badChunk("data not followed by CRLF"))
        }
        guard bufferedByteCount >= 2 else { return streamEnded ? fail(.truncated) : .needMore }
        start += 2
        state = .chunkSize
        return nil
    }

    /// Reads one trailer line (checked like a header field, then dropped); the empty line ends the body.
    mutating func readTrailer(bytes: Int) -> Event? {
        let end: Int
        switch scanLine(from: start, maxLength: limits.headBytes - bytes - 2) {
        case .incomplete: return streamEnded ? fail(.truncated) : .needMore
        case .broken: return fail(.badLineEnding)
        case .tooLong: return fail(.headTooLarge(limit: limits.headBytes))
        case .end(let found): end = found
        }
        let length = end - start
        if length > 0, case .failure(let error) = parseFieldLine(start..<end) { return fail(error) }
        start = end + 2
        if length == 0 { return complete() }
        state = .trailers(bytes: bytes + length + 2)
        return nil
    }
}
