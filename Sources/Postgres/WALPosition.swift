/// A position in PostgreSQL's write-ahead log (an LSN), written as PostgreSQL writes `pg_lsn`: two
/// hexadecimal halves of a 64-bit number, `16/B374D848`. Positions only grow on one primary (and go on
/// growing on a promoted replica's new timeline), so comparing two says which server has replayed
/// further.
public struct WALPosition: Comparable, Hashable, Sendable, LosslessStringConvertible {
    /// The 64-bit position.
    public let value: UInt64

    /// The position `value` (`0` is the log's start).
    public init(_ value: UInt64) { self.value = value }

    /// Reads `X/Y`, each half one to eight hexadecimal digits; nil for anything else.
    public init?(_ text: String) {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, halves.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(\.isHexDigit) }),
              let high = UInt64(halves[0], radix: 16), let low = UInt64(halves[1], radix: 16) else { return nil }
        value = high << 32 | low
    }

    /// PostgreSQL's text form, `16/B374D848`.
    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: WALPosition, rhs: WALPosition) -> Bool { lhs.value < rhs.value }
}

extension WALPosition {
    /// The primary's WAL written so far. Once a durable COMMIT has returned, its commit record lies
    /// at or before this position (it was flushed, so written), so a replica that has replayed this far
    /// shows that transaction. Any role may call it; a server in recovery refuses it.
    static let currentSQL = "select pg_current_wal_lsn()::text as position"

    /// Queues the read of the server's current position (`currentSQL`), e.g. in a COMMIT's round trip.
    public static func queueCurrent(into batch: inout PostgresBatch) {
        batch.query(currentSQL)
    }

    /// The position in the rows of `queueCurrent`'s statement.
    /// - Throws: `PostgresError.decoding` when the server answered something else.
    public static func current(in rows: PostgresRows) throws -> WALPosition {
        let text = try rows.first?.decode("position", as: String.self) ?? ""
        guard let position = WALPosition(text) else { throw PostgresError.decoding(column: "position", expected: "pg_lsn", value: text) }
        return position
    }
}
