import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

struct PostgresPoolTests {
    /// Runs `body(thread, round)` on `threads` threads at once, `rounds` times each.
    /// - Returns: how many runs threw.
    func concurrently(threads: Int, rounds: Int, _ body: @Sendable (Int, Int) throws -> Void) -> Int {
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for round in 0..<rounds {
                do { try body(thread, round) } catch { failures.add(1, ordering: .relaxed) }
            }
        }
        return failures.load(ordering: .relaxed)
    }

    @Test func manyThreadsShareABoundedPool() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 4, applicationName: "pool-test")
        try pool.query("create table hits (thread int, n int)")
        let maxSeen = Atomic<Int>(0)
        let failures = concurrently(threads: 16, rounds: 25) { thread, n in
            try pool.transaction { connection in
                try connection.query("insert into hits values ($1, $2)", [thread, n])
                let open = try connection.query("""
                    select count(*)::int as n from pg_stat_activity where application_name = 'pool-test'
                    """)[0].decode("n", as: Int.self)
                var current = maxSeen.load(ordering: .relaxed)
                while open > current {
                    let (exchanged, original) = maxSeen.compareExchange(expected: current, desired: open, ordering: .relaxed)
                    if exchanged { break }
                    current = original
                }
            }
        }
        #expect(failures == 0)
        #expect(maxSeen.load(ordering: .relaxed) <= 4)
        #expect(try pool.query("select count(*)::int as n from hits")[0].decode("n", as: Int.self) == 400)
    }

    @Test func poolReplacesAConnectionTheServerKilledBeforeLendingIt() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 1)
        let pid = try pool.withConnection { $0.backendPID }
        let admin = try PostgresConnection(conninfo: url)
        try admin.query("select pg_terminate_backend($1, 5000)", [Int(pid)])
        // The server said so on the idle connection's socket: the pool reads it and lends a new one.
        let newPID = try pool.withConnection { $0.backendPID }
        #expect(newPID != pid)
        #expect(try pool.query("select 41 + 1 as n")[0].decode("n", as: Int.self) == 42)
    }

    @Test func aConnectionThatBrokeInUseIsDroppedNotReused() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 1)
        let admin = try PostgresConnection(conninfo: url)
        var pid: Int32 = 0
        #expect {
            try pool.withConnection { connection in
                pid = connection.backendPID
                try admin.query("select pg_terminate_backend($1, 5000)", [Int(pid)])
                try connection.query("select 1")
            }
        } throws: { error in
            (error as? PostgresError)?.isConnectionProblem == true
        }
        #expect(try pool.withConnection { $0.backendPID } != pid)
    }

    @Test func aReadOnlyServerIsAConnectionProblemAndItsConnectionIsDropped() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 1)
        var pid: Int32 = 0
        // What a client meets on a primary that became a standby in a failover: 25006.
        #expect {
            try pool.withConnection { connection in
                pid = connection.backendPID
                try connection.execute("set default_transaction_read_only = on")
                try connection.query("create table written (n int)")
            }
        } throws: { error in
            guard let error = error as? PostgresError else { return false }
            return error.kind == .readOnlyTransaction && error.isConnectionProblem
        }
        let (newPID, readOnly) = try pool.withConnection { connection in
            (connection.backendPID, try connection.query("show default_transaction_read_only")[0]["default_transaction_read_only"])
        }
        #expect(newPID != pid)
        #expect(readOnly == "off")
    }

    @Test func poolRecoversAfterTheServerRestarts() throws {
        let cluster = try TestCluster()
        let url = try cluster.emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 2)
        try pool.query("create table t (n int)")
        try pool.query("insert into t values (1)")
        try cluster.stop(mode: "fast")
        #expect {
            try pool.query("select 1")
        } throws: { error in
            (error as? PostgresError)?.isConnectionProblem == true
        }
        try cluster.start()
        var recovered = false
        for _ in 0..<3 where !recovered {
            recovered = (try? pool.query("select count(*)::int as n from t")[0].decode("n", as: Int.self)) == 1
        }
        #expect(recovered)
        try cluster.stop(mode: "fast")
    }

    @Test func idleConnectionsBrokenByARestartAreNeverLent() throws {
        let cluster = try TestCluster()
        let url = try cluster.emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 2)
        try pool.query("create table t (n int)")
        try cluster.stop(mode: "fast")
        try cluster.start()
        // The first request after the restart already gets a working connection.
        #expect(try pool.query("select count(*)::int as n from t")[0].decode("n", as: Int.self) == 0)
        try cluster.stop(mode: "fast")
    }

    @Test func waitingForABusyPoolTimesOut() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 1, waitLimit: 0.2)
        try pool.withConnection { _ in
            #expect {
                try pool.query("select 1")
            } throws: { error in
                if case .poolTimeout = error as? PostgresError { return true }
                return false
            }
        }
    }

    @Test func concurrentBorrowersNeverShareAConnection() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 3, applicationName: "share-test")
        let lent = Mutex<Set<ObjectIdentifier>>([])
        let seen = Mutex<Set<ObjectIdentifier>>([])
        let shared = Atomic<Int>(0)
        let failures = concurrently(threads: 8, rounds: 40) { _, _ in
            try pool.withConnection { connection in
                let id = ObjectIdentifier(connection)
                if !lent.withLock({ $0.insert(id).inserted }) { shared.add(1, ordering: .relaxed) }
                seen.withLock { _ = $0.insert(id) }
                try connection.query("select pg_sleep(0.001)")
                lent.withLock { _ = $0.remove(id) }
            }
        }
        #expect(shared.load(ordering: .relaxed) == 0)
        #expect(failures == 0)
        #expect(seen.withLock { $0.count } <= 3)
    }

    @Test func aReturnedConnectionGoesToTheCallerWaitingForIt() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 1, waitLimit: 30)
        let holding = DispatchSemaphore(value: 0)
        let waiterDone = DispatchSemaphore(value: 0)
        let waiterPID = Atomic<Int32>(0)
        let holderPID = try pool.withConnection { $0.backendPID }
        DispatchQueue.global().async {
            try? pool.withConnection { _ in
                holding.signal()
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        holding.wait()
        DispatchQueue.global().async {
            waiterPID.store((try? pool.withConnection { $0.backendPID }) ?? -1, ordering: .relaxed)
            waiterDone.signal()
        }
        #expect(waiterDone.wait(timeout: .now() + 30) == .success)
        #expect(waiterPID.load(ordering: .relaxed) == holderPID, "the one connection was handed on, not reopened")
    }

    @Test func aConnectionBrokenInUseFreesItsPlaceForAWaitingCaller() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 1, waitLimit: 30)
        let admin = try PostgresConnection(conninfo: url)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holderDone = DispatchSemaphore(value: 0)
        let holderPID = Atomic<Int32>(0)
        DispatchQueue.global().async {
            _ = try? pool.withConnection { connection in
                holderPID.store(connection.backendPID, ordering: .relaxed)
                holding.signal()
                release.wait()
                try connection.query("select 1")
            }
            holderDone.signal()
        }
        holding.wait()
        let waiter = DispatchQueue.global()
        let waiterDone = DispatchSemaphore(value: 0)
        let waiterAnswer = Atomic<Int>(0)
        waiter.async {
            waiterAnswer.store((try? pool.query("select 7 as n")[0].decode("n", as: Int.self)) ?? -1, ordering: .relaxed)
            waiterDone.signal()
        }
        try admin.query("select pg_terminate_backend($1, 5000)", [Int(holderPID.load(ordering: .relaxed))])
        release.signal()
        #expect(holderDone.wait(timeout: .now() + 30) == .success)
        #expect(waiterDone.wait(timeout: .now() + 30) == .success)
        #expect(waiterAnswer.load(ordering: .relaxed) == 7)
    }

    @Test func shutdownClosesIdleConnectionsAndThoseReturnedAfter() throws {
        let url = try TestCluster.shared().emptyDatabase()
        let pool = PostgresPool(conninfo: url, maximumConnections: 2, applicationName: "shutdown-test")
        let admin = try PostgresConnection(conninfo: url)
        func open() throws -> Int {
            try admin.query("select count(*)::int as n from pg_stat_activity where application_name = 'shutdown-test'")[0]
                .decode("n", as: Int.self)
        }
        try pool.withConnection { _ in
            try pool.query("select 1")
            #expect(try open() == 2)
            pool.shutdown()
        }
        var remaining = try open()
        let deadline = Date().addingTimeInterval(30)
        while remaining > 0, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            remaining = try open()
        }
        #expect(remaining == 0)
    }
}
