import Foundation
import Postgres

extension Date {
    /// ISO 8601 in UTC with microseconds (`2026-11-23T06:04:19.123456Z`), the format every JSON answer uses.
    public var iso8601: String { PostgresTimestamp.format(self) }

    /// Parses ISO 8601 / RFC 3339 timestamps with an offset or `Z`.
    public init?(iso8601 text: String) {
        guard let date = PostgresTimestamp.parse(text.replacingOccurrences(of: "T", with: " ")) else { return nil }
        self = date
    }
}
