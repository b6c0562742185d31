import CLibPQ
import Foundation

/// A libpq connection string as `PostgresConnection` reads it: a URL (`postgresql://…`), `key=value`
/// pairs, or a bare database name.
public enum ConnectionString {
    /// What libpq finds wrong with `conninfo` (an unknown keyword, a malformed URL), or nil when it
    /// reads. Nothing is connected to.
    public static func problem(in conninfo: String) -> String? {
        // As PostgresConnection expands it: only text with `=` or a URL prefix is more than a name.
        guard conninfo.contains("=") || conninfo.hasPrefix("postgresql://") || conninfo.hasPrefix("postgres://") else {
            return nil
        }
        var message: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(conninfo, &message) {
            PQconninfoFree(options)
            return nil
        }
        defer { if let message { PQfreemem(message) } }
        return message.map { String(cString: $0).trimmingCharacters(in: [" ", "\n"]) } ?? "out of memory"
    }
}
