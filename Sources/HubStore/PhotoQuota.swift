import Complaints
import Postgres

/// Bytes of photos one client address may store per day (`HUB_PHOTO_QUOTA_BYTES_PER_DAY`), counted in
/// PostgreSQL so every replica of every service shares the count.
public struct PhotoQuota: Sendable {
    /// The default allowance: about thirty photos of the largest size a day.
    public static let defaultBytesPerDay = 100 * 1024 * 1024

    public let bytesPerDay: Int

    public init(bytesPerDay: Int = PhotoQuota.defaultBytesPerDay) {
        self.bytesPerDay = bytesPerDay
    }

    /// Charges the photos' bytes to `address` for today. Call in the transaction that stores them, so
    /// the charge stands only if they are stored; it travels with the transaction's COMMIT, which
    /// fails when the address would pass its allowance today (see `refusal(for:)`).
    /// - Throws: `PhotoQuotaExceeded` (nothing charged) when the photos alone pass the allowance;
    ///   `PostgresError` outside a transaction.
    public func charge(_ photos: [Photo], to address: String, on connection: PostgresConnection) throws {
        let bytes = photos.reduce(0) { $0 + $1.bytes.count }
        guard bytes > 0 else { return }
        guard bytes <= bytesPerDay else { throw PhotoQuotaExceeded(bytesPerDay: bytesPerDay) }
        try connection.write(SQL.charge, [address, bytes, bytesPerDay])
    }

    /// The refusal a failed transaction stands for when its charge passed the allowance; nil for
    /// any other failure.
    public func refusal(for error: Error) -> PhotoQuotaExceeded? {
        guard let error = error as? PostgresError, error.kind == .checkViolation,
              error.constraintName == "photo_quota_usage_within_allowance" else { return nil }
        return PhotoQuotaExceeded(bytesPerDay: bytesPerDay)
    }

    /// Forgets the counts of days before yesterday.
    public static func forgetPastDays(on connection: PostgresConnection) throws {
        try connection.query(SQL.forget)
    }

    enum SQL {
        /// Breaks photo_quota_usage_within_allowance when the charge does not fit; a concurrent
        /// charge waits for the row's lock and sees the other's bytes.
        static let charge = """
            insert into photo_quota_usage as u (client_address, day, bytes, allowance)
            values ($1, current_date, $2::bigint, $3::bigint)
            on conflict (client_address, day) do update set bytes = u.bytes + excluded.bytes, allowance = excluded.allowance
            """
        static let forget = "delete from photo_quota_usage where day < current_date - 1"
    }
}
