/// Percent-decoding and path normalisation, done once, here, for every request.
public enum RequestTarget {
    /// Splits an origin-form target into normalised, decoded path segments and the raw query.
    /// `.` segments and empty segments vanish, `..` removes the previous segment and may never climb
    /// above the root.
    /// - Throws: `HTTPParseError` (400) for bad escapes, NUL, invalid UTF-8 or an escape above the root.
    public static func parse(_ target: String) throws -> (segments: [String], query: String?) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts[0]
        let query = parts.count > 1 ? String(parts[1]) : nil
        guard rawPath.first == "/" else { throw HTTPParseError(400, "bad_target", "request target must start with /") }
        var segments: [String] = []
        for rawSegment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = percentDecode(rawSegment, plusAsSpace: false) else {
                throw HTTPParseError(400, "bad_target", "malformed percent-encoding in path")
            }
            guard !segment.utf8.contains(0) else { throw HTTPParseError(400, "bad_target", "NUL in path") }
            switch segment {
            case ".", "":
                continue
            case "..":
                guard !segments.isEmpty else { throw HTTPParseError(400, "bad_target", "path escapes the root") }
                segments.removeLast()
            default:
                // Bytes, not Characters: "/" followed by a combining mark is one Character that is not "/".
                guard !segment.utf8.contains(UInt8(ascii: "/")) else {
                    throw HTTPParseError(400, "bad_target", "encoded slash in path")
                }
                segments.append(segment)
            }
        }
        return (segments, query)
    }

    /// Decodes `%XX` escapes (and `+` as space for forms); nil when an escape is malformed or the
    /// result is not UTF-8.
    public static func percentDecode<S: StringProtocol>(_ text: S, plusAsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else if plusAsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: return byte - 48
        case 65...70: return byte - 55
        case 97...102: return byte - 87
        default: return nil
        }
    }
}
