/// The status line and the field lines of a response head (RFC 9112 §4 and §5).
extension ResponseParser {
    enum HeadResult { case needMore, failure(ResponseParseError), head(ResponseHead) }

    enum LineScan: Equatable { case incomplete, end(Int), broken, tooLong }

    /// Where the line starting at `index` ends (its CR). A line is judged as soon as its bytes show
    /// it broken (an LF without its CR, a CR followed by anything but LF) or longer than `maxLength`
    /// (without its CRLF), so the verdict never depends on how the bytes were split into reads.
    func scanLine(from index: Int, maxLength: Int) -> LineScan {
        var i = index
        while i < buffer.count {
            switch buffer[i] {
            case 10:
                return .broken
            case 13 where i - index <= maxLength:
                guard i + 1 < buffer.count else { return .incomplete }  // its LF may follow
                return buffer[i + 1] == 10 ? .end(i) : .broken
            default:
                if i - index >= maxLength { return .tooLong }
                i += 1
            }
        }
        return .incomplete
    }

    /// Parses a whole head once its empty line has arrived; nothing is consumed before that.
    mutating func parseHead() -> HeadResult {
        var cursor = start
        var lines: [Range<Int>] = []
        while true {
            let end: Int
            // Each line leaves room for its own CRLF within the head's limit.
            switch scanLine(from: cursor, maxLength: limits.headBytes - (cursor - start) - 2) {
            case .incomplete: return .needMore
            case .broken: return .failure(.badLineEnding)
            case .tooLong: return .failure(.headTooLarge(limit: limits.headBytes))
            case .end(let found): end = found
            }
            if end == cursor {
                guard !lines.isEmpty else { return .failure(.badStatusLine) }
                cursor = end + 2
                break
            }
            lines.append(cursor..<end)
            if lines.count - 1 > limits.headerCount { return .failure(.tooManyHeaders(limit: limits.headerCount)) }
            cursor = end + 2
        }
        let statusLine: (minor: Int, status: Int, reason: String)
        switch parseStatusLine(lines[0]) {
        case .failure(let error): return .failure(error)
        case .success(let line): statusLine = line
        }
        var headers = HTTPHeaders()
        for range in lines.dropFirst() {
            switch parseFieldLine(range) {
            case .failure(let error): return .failure(error)
            case .success(let field): headers.add(field.name, field.value)
            }
        }
        start = cursor
        return .head(ResponseHead(versionMinor: statusLine.minor, status: statusLine.status, reason: statusLine.reason,
                                  headers: headers))
    }

    /// `HTTP/1.x SP 3DIGIT SP reason`; a missing space before an empty reason is tolerated.
    func parseStatusLine(_ range: Range<Int>) -> Result<(minor: Int, status: Int, reason: String), ResponseParseError> {
        let line = buffer[range]
        guard line.count >= 12, line[range.lowerBound + 8] == 32 else { return .failure(.badStatusLine) }
        let version = line.prefix(8)
        let v = range.lowerBound
        guard version.prefix(5).elementsEqual("HTTP/".utf8), buffer[v + 6] == UInt8(ascii: "."),
              (48...57).contains(buffer[v + 5]), (48...57).contains(buffer[v + 7]) else {
            return .failure(.badStatusLine)
        }
        guard buffer[v + 5] == UInt8(ascii: "1") else { return .failure(.unsupportedVersion) }
        let code = buffer[(v + 9)..<(v + 12)]
        guard code.allSatisfy({ (48...57).contains($0) }) else { return .failure(.badStatusLine) }
        let status = code.reduce(0) { $0 * 10 + Int($1 - 48) }
        guard (100...599).contains(status) else { return .failure(.badStatusLine) }
        let rest = line[(v + 12)...]
        if let first = rest.first, first != 32 { return .failure(.badStatusLine) }
        let reason = rest.dropFirst()
        guard reason.allSatisfy(HTTPSyntax.isFieldValueByte) else { return .failure(.badStatusLine) }
        return .success((Int(buffer[v + 7] - 48) >= 1 ? 1 : 0, status, String(decoding: reason, as: UTF8.self)))
    }

    /// One header or trailer field line: `name: value`, the value without its surrounding whitespace.
    func parseFieldLine(_ range: Range<Int>) -> Result<(name: String, value: String), ResponseParseError> {
        let line = buffer[range]
        if let first = line.first, first == 32 || first == 9 { return .failure(.obsoleteLineFolding) }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return .failure(.badHeader("no colon")) }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(HTTPSyntax.isTokenByte) else {
            return .failure(.badHeader("the name is not a token"))
        }
        var value = line[(colon + 1)...]
        guard value.allSatisfy(HTTPSyntax.isFieldValueByte) else { return .failure(.badHeader("control character in a value")) }
        while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
        while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
        return .success((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
    }
}
