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
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            if isAlive, inTransaction { try? execute("ROLLBACK") }
            throw error
        }
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
