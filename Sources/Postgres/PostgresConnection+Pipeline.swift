import CLibPQ

/// libpq's pipeline mode: several statements sent at once, their results read in order after one
/// synchronisation point, so a batch costs one round trip however many statements it holds.
extension PostgresConnection {
    /// Runs the statements `build` queues in one round trip and returns each one's rows, in order.
    ///
    /// Outside a transaction the batch is one implicit transaction: all of it happens or none
    /// (unless it holds its own BEGIN or COMMIT).
    /// Inside one (`transaction { … }`), a failure aborts the transaction as any failing statement
    /// would. Either way the first failing statement stops the rest, which do not run, and the
    /// error says which it was: `PostgresError.inPipeline(statement:_:)`, whose `kind` and
    /// `isConnectionProblem` are those of the failure. A batch that opened a transaction of its own
    /// (`BEGIN` first) and failed is rolled back, so the connection is usable afterwards.
    /// - Parameter build: queues the statements (`batch.query(sql, parameters)`), sends nothing.
    /// - Throws: `PostgresError.inPipeline` for a failing statement, or whatever `build` throws.
    public func pipeline(_ build: (inout PostgresBatch) throws -> Void) throws -> [PostgresRows] {
        var batch = PostgresBatch()
        try build(&batch)
        return try pipeline(batch)
    }

    /// Runs a batch made beforehand in one round trip (see `pipeline(_:)`). In a transaction, what it
    /// has not sent yet (its BEGIN, its writes) goes first in the same round trip; a failure of one of
    /// those is thrown as that statement's own error.
    func pipeline(_ batch: PostgresBatch) throws -> [PostgresRows] {
        guard !batch.statements.isEmpty else { return [] }
        let unsent = takeUnsent()
        guard !unsent.isEmpty else { return try pipelineOnce(batch) }
        var whole = PostgresBatch()
        whole.append(unsent)
        whole.append(batch.statements)
        do {
            return Array(try pipelineOnce(whole).dropFirst(unsent.count))
        } catch PostgresError.inPipeline(let index, let error) {
            if index < unsent.count { throw error }
            throw PostgresError.inPipeline(statement: index - unsent.count, error)
        }
    }

    private func pipelineOnce(_ batch: PostgresBatch) throws -> [PostgresRows] {
        let startedIdle = PQtransactionStatus(handle) == PQTRANS_IDLE
        deallocateRetiredStatements()
        var retried = false
        while true {
            do {
                return try send(batch.statements)
            } catch PostgresError.inPipeline(let index, let error) {
                // Outside a transaction, and with no BEGIN or COMMIT of its own, nothing of the batch
                // happened: a stale statement is prepared again and the whole batch sent once more,
                // as `query` does for one statement.
                // A stale statement is forgotten either way, so that the next use prepares it afresh.
                let stale = invalidateStatement(after: error, sql: batch.statements[index].sql)
                if stale, startedIdle, !batch.controlsTransactions, PQtransactionStatus(handle) == PQTRANS_IDLE, !retried {
                    retried = true
                    deallocateRetiredStatements()
                    continue
                }
                if startedIdle, isAlive, inServerTransaction { try? execute("ROLLBACK") }
                throw PostgresError.inPipeline(statement: index, error)
            }
        }
    }

    /// One command sent in the pipeline: a statement's preparation or its execution.
    private struct Command {
        let statement: Int
        let prepares: Bool
    }

    private func send(_ statements: [PostgresBatch.Statement]) throws -> [PostgresRows] {
        let useNames = self.statements.capacity > 0 && PQtransactionStatus(handle) != PQTRANS_INERROR
        guard PQenterPipelineMode(handle) == 1 else { throw PostgresError.inPipeline(statement: 0, connectionError()) }
        var commands: [Command] = []
        commands.reserveCapacity(statements.count * 2)
        var sendFailed = false
        for (index, statement) in statements.enumerated() {
            var name: String? = nil
            if useNames {
                name = self.statements.name(for: statement.sql)
                if name == nil, let fresh = self.statements.add(statement.sql) {
                    commands.append(Command(statement: index, prepares: true))
                    if PQsendPrepare(handle, fresh, statement.sql, 0, nil) != 1 { sendFailed = true; break }
                    name = fresh
                }
            }
            commands.append(Command(statement: index, prepares: false))
            let sent = statement.parameters.withPointers { values, lengths, formats in
                if let name {
                    return PQsendQueryPrepared(handle, name, statement.parameters.count, values, lengths, formats, 0)
                }
                return PQsendQueryParams(handle, statement.sql, statement.parameters.count, nil, values, lengths, formats, 0)
            }
            if sent != 1 { sendFailed = true; break }
        }
        roundTrips += 1
        if sendFailed || PQpipelineSync(handle) != 1 {
            // Only a broken connection refuses to queue; nothing more can be read from it.
            let index = commands.last?.statement ?? 0
            for command in commands where command.prepares { self.statements.forget(statements[command.statement].sql) }
            throw PostgresError.inPipeline(statement: index, connectionError())
        }
        return try receive(commands, of: statements)
    }

    private func receive(_ commands: [Command], of statements: [PostgresBatch.Statement]) throws -> [PostgresRows] {
        var rows: [PostgresRows] = []
        rows.reserveCapacity(statements.count)
        var failure: (statement: Int, error: PostgresError)?
        for command in commands {
            guard let result = PQgetResult(handle) else {
                throw PostgresError.inPipeline(statement: command.statement, connectionError())
            }
            let aborted = PQresultStatus(result) == PGRES_PIPELINE_ABORTED
            if aborted { PQclear(result) }
            do {
                let answer = aborted ? nil : try consume(result)
                if command.prepares {
                    if aborted { self.statements.forget(statements[command.statement].sql) }
                } else if let answer {
                    rows.append(answer)
                }
            } catch let error as PostgresError {
                if command.prepares { self.statements.forget(statements[command.statement].sql) }
                if failure == nil { failure = (command.statement, error) }
            }
            // Each command's results end with a NULL.
            while let extra = PQgetResult(handle) { PQclear(extra) }
            if !isAlive { throw PostgresError.inPipeline(statement: command.statement, connectionError()) }
        }
        guard let sync = PQgetResult(handle) else {
            throw PostgresError.inPipeline(statement: commands.last?.statement ?? 0, connectionError())
        }
        PQclear(sync)
        PQexitPipelineMode(handle)
        if let failure { throw PostgresError.inPipeline(statement: failure.statement, failure.error) }
        return rows
    }
}
