import Foundation
import Synchronization

/// Where a service's lag-tolerant reads go (public views, lists, statistics): a streaming replica's
/// pool when one is configured, caught up closely enough and past the reader's own last write, else
/// the primary's. Writes, and reads that decide a write, use `primary` directly.
///
/// A probe (started by the first read) asks, every `probeInterval`, the primary for its WAL position
/// (`PrimaryTrail`) and the replica how far it has replayed: a thread and a connection of its own for
/// each, so that it never waits behind requests for a pooled connection, and a primary that is away
/// (a pooler holding the question until it gives up) never keeps it from the replica. Each read then
/// chooses with `ReadRoute` from what the probe learnt, at no cost of its own. A read that fails on
/// the replica for want of it (away, cut off, cancelled by a recovery conflict) is run again on the
/// primary, so a replica that is away never costs a public page more than that one retry: never a 503
/// while the primary is there. Each change of where reads go is logged once.
///
/// Read-your-writes: a writer asks `transaction` for the position its commit reached and hands it to
/// the client (ServiceKit's `WrittenPosition` cookie); a read after that position goes to the replica
/// only once it has replayed so far.
public final class ReadPool: Sendable {
    /// The primary's pool (`HUB_DATABASE_URL`): every read when there is no replica or it cannot serve.
    public let primary: PostgresPool
    /// The read server's pool (`HUB_DATABASE_READ_URL`); nil when every read goes to the primary.
    public let replica: PostgresPool?
    /// The lag tolerated and how long what the probe learnt counts.
    public let limits: ReadRoute.Limits
    private let probeInterval: Double
    private let log: @Sendable (_ message: String, _ isProblem: Bool) -> Void
    private let learnt = Mutex<Learnt>(Learnt())
    private let trail: Mutex<PrimaryTrail>
    private let probing = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)
    private let servedByReplica = Atomic<Int>(0)
    private let servedByPrimary = Atomic<Int>(0)

    private struct Learnt {
        var state = ReplicaState.unknown
        var at = 0.0
        /// Where reads without a written position went at the last change, as logged.
        var announced: ReadRoute?
    }

    /// - Parameters:
    ///   - replica: the read server's pool, or nil.
    ///   - maximumLag: seconds the replica may lag the primary and still be read.
    ///   - probeInterval: seconds between probes; what the probe learnt counts for ten of them (at
    ///     least a second), then reads go to the primary until it learns again.
    ///   - log: where the changes of route are told (a problem: the replica away or behind).
    public init(primary: PostgresPool, replica: PostgresPool?, maximumLag: Double, probeInterval: Double = 0.1,
                log: @escaping @Sendable (_ message: String, _ isProblem: Bool) -> Void = { _, _ in }) {
        self.primary = primary
        self.replica = replica
        self.probeInterval = probeInterval
        limits = ReadRoute.Limits(maximumLag: maximumLag, maximumAge: max(1, 10 * probeInterval))
        trail = Mutex(PrimaryTrail(window: maximumLag))
        self.log = log
    }

    /// True when reads may go to a replica, so writers should tell their clients where they wrote.
    public var tracksWrites: Bool { replica != nil }

    /// Where a read after `written` goes now.
    public func route(after written: WALPosition?) -> ReadRoute {
        guard replica != nil else { return .primary(.noReplica) }
        startProbe()
        let (state, at) = learnt.withLock { ($0.state, $0.at) }
        return ReadRoute.choose(state, age: Self.now() - at, written: written, limits: limits)
    }

    /// Lends a connection for a lag-tolerant read: the replica's or the primary's, by `route(after:)`.
    /// `body` may run twice (on the replica, then on the primary), so it only reads.
    /// - Parameter written: the reader's own last write, if it told one.
    /// - Throws: as `PostgresPool.withConnection` on the primary, or whatever `body` throws.
    public func withConnection<T>(after written: WALPosition? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        if let replica, route(after: written) == .replica {
            do {
                let value = try replica.withConnection(body)
                servedByReplica.add(1, ordering: .relaxed)
                return value
            } catch let error as PostgresError where error.isConnectionProblem || error.kind == .serializationFailure {
                // Away or cut off; or (40001 on a standby) cancelled because replay had to remove rows it read.
                if error.isConnectionProblem, !error.isPoolTimeout { learn(.away, because: String(describing: error)) }
            }
        }
        servedByPrimary.add(1, ordering: .relaxed)
        return try primary.withConnection(body)
    }

    /// Looks one thing up (a case by its code, a photo): like `withConnection(after:_:)`, and when the
    /// replica found nothing, asks the primary once more. A client that keeps no cookie (an API client
    /// following the `Location` of what it just created) then never gets 404 for its own new case
    /// while the replica catches up; a lookup of what does not exist costs one more read.
    public func lookup<T>(after written: WALPosition? = nil, _ body: (PostgresConnection) throws -> T?) throws -> T? {
        guard replica != nil, route(after: written) == .replica else { return try withConnection(after: written, body) }
        if let found = try withConnection(after: written, body) { return found }
        servedByPrimary.add(1, ordering: .relaxed)
        return try primary.withConnection(body)
    }

    /// A transaction on the primary, then `read`'s statements and, when reads may go to a replica,
    /// the WAL position the commit reached, all in the COMMIT's round trip
    /// (`PostgresConnection.transaction(_:thenReading:)`).
    /// - Returns: the body's value, `read`'s rows, and the position a replica must have replayed to
    ///   show this transaction (nil when no replica is configured).
    public func transaction<T>(_ body: (PostgresConnection) throws -> T,
                               thenReading read: (T, inout PostgresBatch) -> Void = { _, _ in })
        throws -> (value: T, rows: [PostgresRows], written: WALPosition?) {
        let tracks = tracksWrites
        return try primary.withConnection { connection in
            var (value, rows) = try connection.transaction(body, thenReading: { value, batch in
                read(value, &batch)
                if tracks { WALPosition.queueCurrent(into: &batch) }
            })
            // Read after the COMMIT succeeded: a position that cannot be read only costs the cookie, never the stored write.
            let written = tracks ? try? WALPosition.current(in: rows.removeLast()) : nil
            return (value, rows, written)
        }
    }

    /// What the probe last learnt of the replica (nil without one) and how many reads each server served.
    public var status: (replica: ReplicaState?, replicaReads: Int, primaryReads: Int) {
        (replica == nil ? nil : learnt.withLock { $0.state },
         servedByReplica.load(ordering: .relaxed), servedByPrimary.load(ordering: .relaxed))
    }

    /// Stops the probe and closes the replica's idle connections (the primary's pool is its owner's).
    public func shutdown() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        replica?.shutdown()
    }

    // MARK: the probe

    private func startProbe() {
        guard !probing.load(ordering: .relaxed),
              probing.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else { return }
        for (name, work) in [("read-primary-probe", probePrimary), ("read-replica-probe", probeReplica)] {
            let thread = Thread(block: work)
            thread.name = name
            thread.start()
        }
    }

    private func probePrimary() {
        var connection: PostgresConnection?
        while !stopped.load(ordering: .sequentiallyConsistent) {
            // The primary's position, and then when: a replica that has replayed it holds all of that moment.
            if let position = try? Self.ask(&connection, of: primary, { try WALPosition.current(in: $0.query(WALPosition.currentSQL)) }) {
                let now = Self.now()
                trail.withLock { $0.record(position, at: now) }
            }
            Thread.sleep(forTimeInterval: probeInterval)
        }
    }

    private func probeReplica() {
        guard let replica else { return }
        var connection: PostgresConnection?
        while !stopped.load(ordering: .sequentiallyConsistent) {
            do {
                let state = try Self.ask(&connection, of: replica) { try Self.replayState(on: $0) { replayed in trail.withLock { $0.lag(of: replayed) } } }
                // A server out of recovery holds everything, but with libpq's prefer-standby the pool's new
                // connections go to a standby once one is back (a failed-over primary rejoining): ask afresh
                // each time, so that the probe measures the server the reads reach. One read server is assumed
                // behind the address (HAProxy's replica port with several standbys would need a probe each).
                if state == .primary { connection = nil }
                learn(state)
            } catch {
                learn(.away, because: String(describing: error))
            }
            Thread.sleep(forTimeInterval: probeInterval)
        }
    }

    static let replaySQL = "select pg_is_in_recovery() as recovering, coalesce(pg_last_wal_replay_lsn(), '0/0')::text as replayed"

    /// Whether the read server is in recovery and how far it has replayed (`lag` tells how far behind
    /// that is). Both functions are callable by any role, the service's own included.
    static func replayState(on connection: PostgresConnection, lag: (WALPosition) -> Double?) throws -> ReplicaState {
        guard let row = try connection.query(replaySQL).first else { return .unknown }
        guard try row.decode("recovering", as: Bool.self) else { return .primary }
        let text = try row.decode("replayed", as: String.self)
        let replayed = WALPosition(text) ?? WALPosition(0)
        return .replaying(replayed, lag: lag(replayed))
    }

    /// Runs `question` on the probe's own connection to `pool`'s server, opening it when needed
    /// and dropping it when it fails (so the next probe connects again, perhaps to another server).
    private static func ask<T>(_ connection: inout PostgresConnection?, of pool: PostgresPool,
                               _ question: (PostgresConnection) throws -> T) throws -> T {
        do {
            if connection == nil {
                let opened = try PostgresConnection(conninfo: pool.conninfo, applicationName: pool.applicationName, connectTimeout: 2)
                if let setup = pool.sessionSetup { try opened.execute(setup) }
                connection = opened
            }
            return try question(connection!)
        } catch {
            connection = nil
            throw error
        }
    }

    /// Keeps what was learnt, and tells when it changes where reads without a written position go.
    private func learn(_ state: ReplicaState, because cause: String? = nil) {
        let routine = ReadRoute.choose(state, age: 0, written: nil, limits: limits)
        let changed = learnt.withLock { learnt -> Bool in
            learnt.state = state
            learnt.at = Self.now()
            // Not knowing yet (just started, or the primary just changed) is no news.
            guard learnt.announced != routine, routine != .primary(.unknown) else { return false }
            learnt.announced = routine
            return true
        }
        guard changed else { return }
        switch (routine, state) {
        case (.replica, _):
            log("lag-tolerant reads go to the read replica", false)
        case (.primary(.lagging), .replaying(_, let lag)):
            let behind = lag.map { $0.isFinite ? "\(Int($0 * 1000)) ms" : "\(Int(limits.maximumLag * 1000)) ms or more" } ?? "?"
            log("the read replica is \(behind) behind the primary (at most \(Int(limits.maximumLag * 1000)) ms allowed): "
                + "lag-tolerant reads go to the primary until it catches up", true)
        default:
            let why = (cause ?? "no answer").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            log("the read replica is away (\(why)): lag-tolerant reads go to the primary until it answers", true)
        }
    }

    private static func now() -> Double { ProcessInfo.processInfo.systemUptime }
}

extension PostgresError {
    /// No pooled connection became free in time: the pool is busy, its server may well be there.
    public var isPoolTimeout: Bool {
        if case .poolTimeout = self { return true }
        return false
    }
}
