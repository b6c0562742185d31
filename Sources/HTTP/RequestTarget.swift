/// Percent-decoding and path normalisation, done once, here, for every request.
public enum RequestTarget {
    /// Splits an origin-form target into normalised, decoded path segments and the raw query.
    /// `.` segments and empty segments vanish, `..` removes the previous segment and may never climb
    /// above the root.
    /// - Throws: `HTTPParseError` (400) for bad escapes, NUL, invalid UTF-8 or an escape above the root.
    public static func parse(_ target: String) throws -> (segments: [String], query: String?) {
        // Targets off the wire are visible ASCII, where bytes and Characters split alike; the byte
        // path avoids a Substring and a decoding pass per segment.
        if target.utf8.allSatisfy({ $0 < 0x80 }),
           let parsed = try target.utf8.withContiguousStorageIfAvailable({ try parseASCII($0) }) {
            return parsed
        }
        return try parseCharacters(target)
    }

    private static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (segments: [String], query: String?) {
        let pathEnd = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        let query = pathEnd < bytes.count
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[(pathEnd + 1)...]), as: UTF8.self) : nil
        guard pathEnd > 0, bytes[0] == UInt8(ascii: "/") else {
            throw HTTPParseError(400, "bad_target", "request target must start with /")
        }
        var segments: [String] = []
        var index = 0
        while index < pathEnd {
            if bytes[index] == UInt8(ascii: "/") {
                index += 1
                continue
            }
            var end = index
            var escaped = false
            while end < pathEnd && bytes[end] != UInt8(ascii: "/") {
                if bytes[end] == UInt8(ascii: "%") { escaped = true }
                end += 1
            }
            let raw = UnsafeBufferPointer(rebasing: bytes[index..<end])
            index = end
            let segment: String
            if escaped {
                guard let decoded = percentDecode(raw, plusAsSpace: false) else {
                    throw HTTPParseError(400, "bad_target", "malformed percent-encoding in path")
                }
                segment = decoded
            } else {
                segment = String(decoding: raw, as: UTF8.self)
            }
            try append(segment, to: &segments)
        }
        return (segments, query)
    }

    private static func parseCharacters(_ target: String) throws -> (segments: [String], query: String?) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts[0]
        let query = parts.count > 1 ? String(parts[1]) : nil
        guard rawPath.first == "/" else { throw HTTPParseError(400, "bad_target", "request target must start with /") }
        var segments: [String] = []
        for rawSegment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = percentDecode(rawSegment, plusAsSpace: false) else {
                throw HTTPParseError(400, "bad_target", "malformed percent-encoding in path")
            }
            try append(segment, to: &segments)
        }
        return (segments, query)
    }

    /// Applies one decoded segment: `.` and empty vanish, `..` removes the previous one.
    private static func append(_ segment: String, to segments: inout [String]) throws {
        guard !segment.utf8.contains(0) else { throw HTTPParseError(400, "bad_target", "NUL in path") }
        switch segment {
        case ".", "":
            return
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

    /// Decodes `%XX` escapes (and `+` as space for forms); nil when an escape is malformed or the
    /// result is not UTF-8.
    public static func percentDecode<S: StringProtocol>(_ text: S, plusAsSpace: Bool) -> String? {
        percentDecode(text.utf8, plusAsSpace: plusAsSpace)
    }

    private static func percentDecode<C: Collection<UInt8>>(_ text: C, plusAsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
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
