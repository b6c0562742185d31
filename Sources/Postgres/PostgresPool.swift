import Foundation
import Synchronization

/// A bounded pool of connections, safe to use from any thread. Each connection is lent to one
/// caller at a time; broken connections are dropped and replaced, so the pool recovers by itself
/// after the server restarts.
///
/// Lending and returning take no lock: each connection sits in a slot claimed by
/// compare-and-exchange, each thread looking first at a slot of its own. Only when every
/// connection is lent does a caller sleep on a condition, and a returned connection then goes
/// straight to a sleeper rather than to whoever comes next.
public final class PostgresPool: @unchecked Sendable {
    public let conninfo: String
    public let maximumConnections: Int
    let applicationName: String
    private let waitLimit: TimeInterval
    /// Run on every new connection; `ReadPool`'s probe runs it on its own connections too.
    let sessionSetup: String?
    private let statementCacheCapacity: Int
    private let slots: [PoolSlot]
    /// Callers asleep in `waitForSlot`; written under `condition`, read without it.
    private let sleepers = Atomic<Int>(0)
    private let shutDown = Atomic<Bool>(false)
    /// The exhausted pool's lock: sleepers wait on it, and `handedOver` (guarded by it) holds the
    /// returned connections lent to them directly.
    private let condition = NSCondition()
    private var handedOver: [PoolSlot] = []

    /// - Parameters:
    ///   - conninfo: a libpq connection string or URL.
    ///   - maximumConnections: the most connections open at once.
    ///   - waitLimit: seconds a caller waits for a free connection before `PostgresError.poolTimeout`.
    ///   - sessionSetup: SQL run once on every new connection (a `SET ROLE`, say) before it is lent.
    ///   - statementCacheCapacity: prepared statements each connection keeps (0: none, for a
    ///     pooler in transaction mode that cannot keep them).
    public init(conninfo: String, maximumConnections: Int = 10, applicationName: String = "hub",
                waitLimit: TimeInterval = 10, sessionSetup: String? = nil,
                statementCacheCapacity: Int = PostgresConnection.defaultStatementCacheCapacity) {
        self.conninfo = conninfo
        self.maximumConnections = max(1, maximumConnections)
        self.applicationName = applicationName
        self.waitLimit = waitLimit
        self.sessionSetup = sessionSetup
        self.statementCacheCapacity = statementCacheCapacity
        slots = (0..<self.maximumConnections).map { _ in PoolSlot() }
    }

    /// Lends a connection for the duration of `body`.
    /// - Throws: `PostgresError.connectionFailed`, `.poolTimeout`, or whatever `body` throws.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let slot = try checkOut()
        do {
            let value = try body(slot.connection!)
            checkIn(slot)
            return value
        } catch let error as PostgresError where error.isConnectionProblem {
            // Lost, shut down by the server, or on a server that became read-only (a failover):
            // the next caller gets a fresh connection, not this one.
            discard(slot)
            throw error
        } catch {
            checkIn(slot)
            throw error
        }
    }

    /// Shorthand for a transaction on a pooled connection.
    public func transaction<T>(isolation: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { try $0.transaction(isolation: isolation, body) }
    }

    /// Shorthand for one statement on a pooled connection.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws -> PostgresRows {
        try withConnection { try $0.query(sql, parameters) }
    }

    /// Closes every idle connection; connections in use close when returned after this.
    public func shutdown() {
        shutDown.store(true, ordering: .sequentiallyConsistent)
        for slot in slots where slot.claim(from: .idle) {
            slot.connection = nil
            slot.release(as: .empty)
        }
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    private func checkOut() throws -> PoolSlot {
        if let (slot, wasIdle) = claimSlot() { return try ready(slot, wasIdle: wasIdle) }
        return try waitForSlot()
    }

    /// Claims an idle slot, else an empty one to open a connection in; nil when every one is lent.
    private func claimSlot() -> (PoolSlot, wasIdle: Bool)? {
        let start = preferredSlot()
        if let slot = claimSlot(in: .idle, from: start) { return (slot, true) }
        if let slot = claimSlot(in: .empty, from: start) { return (slot, false) }
        return nil
    }

    private func claimSlot(in state: PoolSlot.State, from start: Int) -> PoolSlot? {
        var index = start
        for _ in 0..<slots.count {
            let slot = slots[index]
            // A plain read first: a slot in another state is passed by without writing to it.
            if slot.current == state, slot.claim(from: state) { return slot }
            index = index + 1 == slots.count ? 0 : index + 1
        }
        return nil
    }

    /// Where this thread looks first, so that threads spread over the slots instead of all
    /// contending for the first.
    private func preferredSlot() -> Int {
        let thread = UInt64(pthread_self())
        return Int(((thread >> 12) &* 0x9E37_79B9_7F4A_7C15) >> 33) % slots.count
    }

    /// Makes a claimed slot's connection ready to lend: an idle one that the server closed while
    /// it waited is replaced, an empty slot gets a new connection.
    private func ready(_ slot: PoolSlot, wasIdle: Bool) throws -> PoolSlot {
        if wasIdle, let connection = slot.connection, connection.isAliveAfterIdle() { return slot }
        slot.connection = nil
        do {
            let connection = try PostgresConnection(conninfo: conninfo, applicationName: applicationName,
                                                    statementCacheCapacity: statementCacheCapacity)
            if let sessionSetup { try connection.execute(sessionSetup) }
            slot.connection = connection
            return slot
        } catch {
            discard(slot)
            throw error
        }
    }

    /// Sleeps until a connection is handed over or a slot frees, at most `waitLimit` seconds.
    private func waitForSlot() throws -> PoolSlot {
        let deadline = Date().addingTimeInterval(waitLimit)
        condition.lock()
        sleepers.add(1, ordering: .sequentiallyConsistent)
        var timedOut = false
        while true {
            // A returning caller checks `sleepers` after freeing its slot, and it was counted
            // before this scan: either the scan sees the slot free or the caller signals.
            let handed = handedOver.isEmpty ? nil : handedOver.removeFirst()
            let claimed = handed == nil ? claimSlot() : nil
            if handed != nil || claimed != nil || timedOut {
                sleepers.subtract(1, ordering: .sequentiallyConsistent)
                condition.unlock()
                if let handed { return handed }
                if let (slot, wasIdle) = claimed { return try ready(slot, wasIdle: wasIdle) }
                throw PostgresError.poolTimeout
            }
            timedOut = !condition.wait(until: deadline)
        }
    }

    private func checkIn(_ slot: PoolSlot) {
        let connection = slot.connection!
        // A connection returned mid-transaction (a caller bug or a broken link) is not reused.
        if !connection.isAlive || connection.inTransaction || shutDown.load(ordering: .sequentiallyConsistent) {
            discard(slot)
            return
        }
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            condition.lock()
            // More sleepers than connections already handed over: this one goes to a sleeper.
            if sleepers.load(ordering: .sequentiallyConsistent) > handedOver.count {
                handedOver.append(slot)
                condition.signal()
                condition.unlock()
                return
            }
            condition.unlock()
        }
        slot.release(as: .idle)
        wakeSleeper()
    }

    /// Closes a slot's connection; the slot is free for a new one.
    private func discard(_ slot: PoolSlot) {
        slot.connection = nil
        slot.release(as: .empty)
        wakeSleeper()
    }

    private func wakeSleeper() {
        guard sleepers.load(ordering: .sequentiallyConsistent) > 0 else { return }
        condition.lock()
        condition.signal()
        condition.unlock()
    }
}
