/// Where a service's lag-tolerant reads go (`ReadPool`): public views, public lists and statistics,
/// Open311's lists. Part of `HubConfiguration`.
public struct DatabaseReads: Sendable, Equatable {
    /// `HUB_DATABASE_READ_URL`: a libpq connection string of a streaming replica (HAProxy's replica
    /// port, or a multi-host string with `target_session_attrs=prefer-standby`); nil when unset, and
    /// every read goes to `HUB_DATABASE_URL` as before. Give it to the gateway and intake alike: intake
    /// tells the citizen where their write reached only when it has one.
    public let url: String?
    /// `HUB_DATABASE_READ_MAX_LAG_MS`: how far behind the primary, in milliseconds, the replica may be
    /// and still be read (1000; at most 60000, below the `WrittenPosition` cookie's lifetime).
    public let maximumLagMilliseconds: Int

    init(_ reader: inout ConfigurationReader) {
        url = reader.databaseURL("HUB_DATABASE_READ_URL", required: false)
        maximumLagMilliseconds = reader.integer("HUB_DATABASE_READ_MAX_LAG_MS", default: 1000, in: 0...60_000)
    }

    /// `maximumLagMilliseconds` in seconds.
    public var maximumLag: Double { Double(maximumLagMilliseconds) / 1000 }
}
