extension PostgresConnection {
    /// Runs `body` inside BEGIN … COMMIT; any error thrown rolls the whole transaction back.
    /// - Parameter isolation: e.g. `"SERIALIZABLE"`; the server default (READ COMMITTED) when nil.
    /// - Throws: whatever `body` throws, or the COMMIT's failure (e.g. a serialization failure).
    public func transaction<T>(isolation: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        if let isolation {
            try execute("BEGIN ISOLATION LEVEL \(isolation)")
        } else {
            try execute("BEGIN")
        }
        commitHooks.removeAll()
        let value: T
        do {
            value = try body(self)
            try execute("COMMIT")
        } catch {
            commitHooks.removeAll()
            if isAlive, inTransaction { try? execute("ROLLBACK") }
            throw error
        }
        // The transaction is durable now; a failing hook cannot undo it, so its error is not the caller's.
        let hooks = commitHooks
        commitHooks.removeAll()
        for hook in hooks { try? hook.run(self) }
        return value
    }

    /// Runs `work` after the enclosing `transaction` commits, once per `key` (nothing on rollback);
    /// outside a transaction it runs at once. Used for wake-up hints such as NOTIFY, which inside the
    /// transaction would serialise every committing sender.
    public func afterCommit(key: String, _ work: @escaping (PostgresConnection) throws -> Void) throws {
        guard inTransaction else {
            try work(self)
            return
        }
        if !commitHooks.contains(where: { $0.key == key }) { commitHooks.append((key, work)) }
    }

    /// Runs `body` inside a savepoint, rolling back only its own work on error.
    /// - Throws: whatever `body` throws, after the savepoint is rolled back.
    public func savepoint<T>(_ name: String = "hub_step", _ body: (PostgresConnection) throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)")
        do {
            let value = try body(self)
            try execute("RELEASE SAVEPOINT \(name)")
            return value
        } catch {
            if isAlive { try? execute("ROLLBACK TO SAVEPOINT \(name)") }
            throw error
        }
    }
}
