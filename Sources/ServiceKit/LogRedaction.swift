import HTTP

/// What the logs may keep of a request (finding 10: logs must not link a reporter to their code).
/// Tracking codes in paths keep their first 4 characters; on citizen routes (everything outside the
/// staff side) the client's address keeps only its network: a /24 for IPv4, a /48 for IPv6.
public enum LogRedaction {
    /// Path segments that are followed by a tracking code (`/track/{code}`, `/api/v1/complaints/{code}`,
    /// `/staff/cases/{code}`, Open311's `/tokens/{code}.json`).
    static let codeParents: Set<Substring> = ["track", "complaints", "cases", "tokens"]

    /// The path with every tracking code cut to its first 4 characters and `…`.
    public static func path(_ path: String) -> String {
        // Runs for every access line: most paths hold no code and are returned without splitting.
        guard path.contains("/track/") || path.contains("/complaints/") || path.contains("/cases/") || path.contains("/tokens/")
        else { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var redacted: [Substring] = []
        redacted.reserveCapacity(segments.count)
        var previous: Substring = ""
        for segment in segments {
            redacted.append(codeParents.contains(previous) && segment.count > 4 ? segment.prefix(4) + "…" : segment)
            previous = segment
        }
        return redacted.joined(separator: "/")
    }

    /// The client's address as the log keeps it for a request of `path`: whole on the staff side
    /// (`/staff…`, `/api/v1/staff/…`), else only its network (`203.0.113.0/24`, `2001:db8:1::/48`).
    public static func address(_ address: String, path: String) -> String {
        if StaffSide.contains(path) { return address }
        guard let parsed = IPAddress(address) else { return address.isEmpty ? "" : "-" }
        return parsed.isIPv4 ? "\(parsed.masked(to: 96 + 24))/24" : "\(parsed.masked(to: 48))/48"
    }
}
