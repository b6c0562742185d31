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

    /// An absolute-form target (RFC 9112 §3.2.2) taken apart: `http://host:port/path?query` gives
    /// (`http`, `host:port`, `/path?query`); a missing path is `/`. Nil when the target does not start
    /// with a scheme and `://`.
    /// - Throws: `HTTPParseError` (400) for a scheme other than http or https, an empty or malformed
    ///   authority, or one carrying userinfo (`user@host`, RFC 9110 §4.2.4).
    public static func absoluteForm(_ target: String) throws -> (scheme: String, authority: String, originForm: String)? {
        let bytes = Array(target.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0,
              bytes[..<colon].allSatisfy({ isSchemeByte($0) }), isLetter(bytes[0]),
              bytes[colon...].starts(with: "://".utf8) else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw HTTPParseError(400, "bad_target", "only http and https targets are served")
        }
        let authorityStart = colon + 3
        let authorityEnd = bytes[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? bytes.count
        let authority = String(decoding: bytes[authorityStart..<authorityEnd], as: UTF8.self)
        guard !authority.contains("@") else {
            throw HTTPParseError(400, "bad_target", "a request target carries no user information")
        }
        guard !authority.isEmpty, HostHeader.isValid(authority) else {
            throw HTTPParseError(400, "bad_target", "the target's authority is not a host and optional port")
        }
        let rest = String(decoding: bytes[authorityEnd...], as: UTF8.self)
        return (scheme, authority, rest.first == "/" ? rest : "/" + rest)
    }

    /// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986 §3.1).
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
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
