import Foundation

/// One response exactly as a server wrote it, parsed strictly enough to catch a malformed answer.
struct RawResponse {
    let statusLine: String
    let status: Int
    let headers: [(name: String, value: String)]
    let body: [UInt8]

    enum ParseResult {
        case complete(RawResponse, used: Int)
        case incomplete
        case malformed(String)
    }

    /// The first value of a header, looked up case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// How many times a header appears.
    func count(of name: String) -> Int {
        headers.filter { $0.name.lowercased() == name.lowercased() }.count
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The `error` member of the hub's `{"error":{"code","message"}}` shape, or nil when the body is not
    /// that shape.
    var jsonError: [String: Any]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let error = object["error"] as? [String: Any],
              let code = error["code"] as? String, !code.isEmpty,
              let message = error["message"] as? String, !message.isEmpty else { return nil }
        return error
    }

    /// Parses the first response in `bytes`.
    /// - Parameters:
    ///   - method: the request's method; HEAD answers and 1xx/204/304 carry no body.
    static func parse(_ bytes: [UInt8], method: String) -> ParseResult {
        guard let headEnd = find([13, 10, 13, 10], in: bytes) else {
            if !bytes.isEmpty && !"HTTP/1.1 ".utf8.starts(with: bytes.prefix(9)) {
                return .malformed("does not start with HTTP/1.1")
            }
            return .incomplete
        }
        let lines = String(decoding: bytes[0..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0]
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "HTTP/1.1", parts[1].count == 3, let status = Int(parts[1]) else {
            return .malformed("status line \(statusLine.debugDescription)")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { return .malformed("header line \(line.debugDescription)") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var length = 0
        let bodiless = method == "HEAD" || (100..<200).contains(status) || status == 204 || status == 304
        if !bodiless {
            guard let text = headers.first(where: { $0.name.lowercased() == "content-length" })?.value,
                  let value = Int(text), value >= 0 else {
                return .malformed("no usable Content-Length")
            }
            length = value
        }
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return .incomplete }
        let response = RawResponse(statusLine: statusLine, status: status, headers: headers,
                                   body: Array(bytes[bodyStart..<(bodyStart + length)]))
        return .complete(response, used: bodyStart + length)
    }

    /// Bytes shown for a failure message: printable ASCII kept, the rest escaped, long input cut.
    static func printable(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes.prefix(300) {
            switch byte {
            case 13: text += "\\r"
            case 10: text += "\\n"
            case 32..<127: text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return bytes.count > 300 ? text + "… (\(bytes.count) bytes)" : text
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for index in 0...(haystack.count - needle.count) where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
