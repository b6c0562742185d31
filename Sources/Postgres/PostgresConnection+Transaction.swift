extension PostgresConnection {
    /// Runs `body` inside BEGIN … COMMIT; any error thrown rolls the whole transaction back.
    ///
    /// Nothing is sent before it must be: the BEGIN travels with the first statement that needs an
    /// answer, `write`s travel with the next such statement or with the COMMIT, and `afterCommit`
    /// statements follow the COMMIT, all in one round trip. A transaction of writes alone costs one
    /// round trip; one that sends nothing costs none.
    /// - Parameter isolation: e.g. `"SERIALIZABLE"`; the server default (READ COMMITTED) when nil.
    /// - Throws: whatever `body` throws, or the failure of a write or of the COMMIT (e.g. a
    ///   constraint a write breaks, or a serialization failure).
    public func transaction<T>(isolation: String? = nil, _ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction(isolation: isolation, body, thenReading: { _, _ in }).value
    }

    /// `transaction`, and then the statements `read` queues, in the round trip of the COMMIT: they
    /// run after it has committed (in one snapshot if the batch begins one of its own), and their rows
    /// come back with the body's value. Nothing of `read` runs when the transaction fails.
    /// - Throws: as `transaction`, or a failure of `read`'s statements after the commit (the
    ///   transaction's work stands).
    public func transaction<T>(isolation: String? = nil, _ body: (PostgresConnection) throws -> T,
                               thenReading read: (T, inout PostgresBatch) -> Void) throws -> (value: T, rows: [PostgresRows]) {
        precondition(open == nil, "transactions do not nest: use savepoint")
        open = OpenTransaction(isolation: isolation)
        let value: T
        var reads = PostgresBatch()
        let committed: [PostgresRows]
        do {
            value = try body(self)
            read(value, &reads)
            committed = try commit(then: reads)
        } catch {
            open = nil
            if isAlive, inServerTransaction { try? execute("ROLLBACK") }
            throw error
        }
        return (value, committed)
    }

    /// Sends a statement whose answer nobody reads. In a transaction it waits, in order, for the next
    /// statement that needs an answer or for the COMMIT, and travels with it; its failure fails
    /// that statement or the COMMIT (and so the transaction). Outside one it runs at once.
    /// - Throws: `PostgresError`, outside a transaction.
    public func write(_ sql: String, _ parameters: [any PostgresEncodable] = []) throws {
        guard open != nil else {
            try query(sql, parameters)
            return
        }
        open?.writes.append(PostgresBatch.Statement(sql: sql, parameters: PostgresParameters(parameters)))
    }

    /// Runs a statement after the enclosing `transaction` commits, in the COMMIT's round trip, once
    /// per `key` (nothing on rollback); outside a transaction it runs at once. Used for wake-up hints
    /// such as NOTIFY, which inside the transaction would serialise every committing sender. Its
    /// failure is not the transaction's: the work has committed.
    public func afterCommit(key: String, _ sql: String, _ parameters: [any PostgresEncodable] = []) throws {
        guard open != nil else {
            try query(sql, parameters)
            return
        }
        if open?.afterCommit.contains(where: { $0.key == key }) == false {
            open?.afterCommit.append((key, PostgresBatch.Statement(sql: sql, parameters: PostgresParameters(parameters))))
        }
    }

    /// Takes what the open transaction has not sent yet (its BEGIN, its writes), to send it now;
    /// nothing outside a transaction.
    func takeUnsent() -> [PostgresBatch.Statement] {
        guard var carrying = open, carrying.hasUnsent else { return [] }
        let unsent = carrying.takeUnsent()
        open = carrying
        return unsent
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

    /// Sends what the open transaction has not sent yet, then COMMIT, then its after-commit statements
    /// and `reads`, in one round trip; a transaction that sent nothing commits nothing.
    /// - Returns: the rows of `reads`.
    private func commit(then reads: PostgresBatch) throws -> [PostgresRows] {
        guard var transaction = open else { return [] }
        open = nil
        let needsCommit = transaction.begin == nil || !transaction.writes.isEmpty
        var batch = PostgresBatch()
        var commitIndex = -1
        if needsCommit {
            batch.append(transaction.takeUnsent())
            commitIndex = batch.count
            batch.query("COMMIT")
        }
        // The reads come straight after the COMMIT: one that begins its own snapshot must be the
        // first statement of its transaction, which a wake-up hint before it would have started.
        let firstRead = batch.count
        batch.append(reads.statements)
        let firstAfter = batch.count
        let after = transaction.afterCommit.map(\.statement)
        batch.append(after)
        do {
            return Array(try pipeline(batch)[firstRead..<firstAfter])
        } catch PostgresError.inPipeline(let index, let error) {
            if index <= commitIndex { throw error }
            if index < firstAfter {
                // The work has committed; its wake-up hints still go, though the read failed.
                var hints = PostgresBatch()
                hints.append(after)
                _ = try? pipeline(hints)
                throw PostgresError.inPipeline(statement: index - firstRead, error)
            }
            // A failed wake-up hint is not the caller's error: the work has committed and was read.
            return try pipeline(reads)
        }
    }
}
