/// The message body's framing (RFC 9112 §6) and the chunked transfer coding (RFC 9112 §7.1).
extension RequestParser {
    /// Longest chunk-size line, extensions included, without its CRLF.
    static let chunkLineBytes = 1024

    func framing(of request: HTTPRequest) -> Result<Framing, HTTPParseError> {
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
        switch MessageFraming.contentLength(lengths) {
        case .failure(.notDigits):
            return .failure(HTTPParseError(400, "bad_content_length", "Content-Length must be digits"))
        case .failure(.conflicting):
            return .failure(HTTPParseError(400, "bad_content_length", "conflicting Content-Length values"))
        case .success(let length):
            return .success(length == 0 ? .none : .length(length))
        }
    }

    /// Reads a chunk-size line; nil when the state moved on (to the chunk's data or the trailers).
    mutating func readChunkSize(of request: HTTPRequest) -> Event? {
        let lineEnd: Int
        switch chunkLineEnd() {
        case .failure(let error): return fail(error)
        case .success(nil): return .needMore
        case .success(let end?): lineEnd = end
        }
        let line = buffer[start..<lineEnd]
        let sizePart = line.prefix { $0 != UInt8(ascii: ";") }
        // 1*HEXDIG: leading zeros are allowed and say nothing about the size.
        let significant = sizePart.drop { $0 == UInt8(ascii: "0") }
        guard !sizePart.isEmpty, significant.count <= 8,
              sizePart.allSatisfy({ RequestTarget.hexValue($0) != nil }) else {
            return fail(HTTPParseError(400, "bad_chunk", "malformed chunk size"))
        }
        guard line.allSatisfy({ HTTPSyntax.isFieldValueByte($0) }) else {
            return fail(HTTPParseError(400, "bad_chunk", "control character in chunk extension"))
        }
        let size = significant.reduce(0) { $0 * 16 + Int(RequestTarget.hexValue($1)!) }
        start = lineEnd + 2
        if size == 0 {
            state = .trailers(request, bytes: 0)
        } else {
            guard request.body.count + size <= bodyLimit(for: request) else {
                return fail(HTTPParseError(413, "body_too_large", "request body exceeds the limit"))
            }
            state = .chunkData(request, remaining: size)
        }
        return nil
    }

    /// Where the chunk-size line starting at `start` ends (its CR), nil while it is incomplete. A line
    /// is refused as soon as its bytes show it broken, however few arrived: a bare LF or a CR not
    /// followed by LF (RFC 9112 §7.1 ends the line with CRLF), or more than `chunkLineBytes` before
    /// the CRLF, whether the line arrives in one read or in many.
    private func chunkLineEnd() -> Result<Int?, HTTPParseError> {
        var index = start
        while index < buffer.count {
            switch buffer[index] {
            case 10:
                return .failure(HTTPParseError(400, "bad_chunk", "chunk size line must end with CRLF"))
            case 13:
                guard index + 1 < buffer.count else { return .success(nil) }  // its LF may follow
                guard buffer[index + 1] == 10 else {
                    return .failure(HTTPParseError(400, "bad_chunk", "chunk size line must end with CRLF"))
                }
                return .success(index)
            default:
                if index - start >= Self.chunkLineBytes {
                    return .failure(HTTPParseError(400, "bad_chunk", "chunk size line too long"))
                }
                index += 1
            }
        }
        return .success(nil)
    }

    /// Reads the CRLF after a chunk's data, refusing anything else as soon as its first byte shows.
    mutating func readChunkDataEnd(of request: HTTPRequest) -> Event? {
        guard bufferedByteCount >= 1 else { return .needMore }
        guard buffer[start] == 13, bufferedByteCount < 2 || buffer[start + 1] == 10 else {
            return fail(HTTPParseError(400, "bad_chunk", "chunk data not followed by CRLF"))
        }
        guard bufferedByteCount >= 2 else { return .needMore }
        start += 2
        state = .chunkSize(request)
        return nil
    }

    /// Reads one trailer line (checked like a header field, then dropped); the empty line ends the
    /// request.
    mutating func readTrailer(of request: HTTPRequest, bytes: Int) -> Event? {
        guard let lineEnd = findCRLF(from: start) else {
            if hasBareLF(from: start) { return fail(HTTPParseError(400, "bad_chunk", "trailer line must end with CRLF")) }
            // A CR still waiting for its LF is not part of the section, as in the head.
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
        return nil
    }
}
