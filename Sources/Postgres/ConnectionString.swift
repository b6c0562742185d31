import CLibPQ
import Foundation

/// A libpq connection string as `PostgresConnection` reads it: a URL (`postgresql://…`), `key=value`
/// pairs, or a bare database name.
public enum ConnectionString {
    /// What libpq finds wrong with `conninfo` (an unknown keyword, a malformed URL), or nil when it
    /// reads. Nothing is connected to. libpq quotes the part it could not read, which may be a password
    /// (`postgresql://hub:s3cr%zz@db`, a password pasted without `password=`): every quoted part is
    /// left out of the answer, so it can be shown and logged.
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
        return message.map { redactingQuotes(String(cString: $0)).trimmingCharacters(in: [" ", "\n"]) } ?? "out of memory"
    }

    /// `text` with the inside of every double-quoted part replaced by `…`.
    static func redactingQuotes(_ text: String) -> String {
        var out = "", quoted = false
        for character in text {
            if character == "\"" {
                if quoted { out += "…" }
                quoted.toggle()
                out.append(character)
            } else if !quoted {
                out.append(character)
            }
        }
        return out
    }
}
