import Foundation
import Postgres

extension Date {
    /// ISO 8601 in UTC with microseconds (`2026-11-23T06:04:19.123456Z`), the format every JSON answer uses.
    public var iso8601: String { PostgresTimestamp.format(self) }

    /// Parses ISO 8601 / RFC 3339 timestamps with an offset or `Z`.
    /// - Returns: nil for anything else: no zone (which would be read as UTC), text after the zone, a
    ///   field out of range, an offset without its colon (`+0530`, which would be read as `+05`).
    public init?(iso8601 text: String) {
        guard text.range(of: Self.rfc3339, options: .regularExpression) != nil,
              let date = PostgresTimestamp.parse(text) else { return nil }
        self = date
    }

    /// A date, `T`, a time with an optional fraction, and a zone (RFC 3339 allows `t` and `z`);
    /// offsets as PostgreSQL writes them (`+07`) are read too.
    private static let rfc3339 = #"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3])(:[0-5]\d)?)$"#
}
