import CLibPQ

/// Named prepared statements: PostgreSQL parses and plans a statement text once per session and
/// runs it by name afterwards. The cache lives and dies with the connection.
extension PostgresConnection {
    /// Runs `sql` as this session's prepared statement, preparing it first if needed. A statement
    /// the server no longer runs (gone after DISCARD ALL or a pooler's change of server: 26000;
    /// stale after a table's columns changed: 0A000) is prepared again and run once more, unless a
    /// transaction is open: the failure has aborted it, so the caller sees the error as it would
    /// any other, and the next use prepares afresh.
    func runPrepared(_ sql: String, _ parameters: PostgresParameters) throws -> PostgresRows {
        // A failed transaction refuses everything until ROLLBACK; preparing would only cost a trip.
        guard PQtransactionStatus(handle) != PQTRANS_INERROR, statements.capacity > 0 else {
            return try runUnnamed(sql, parameters)
        }
        deallocateRetiredStatements()
        var retried = false
        while true {
            let name = try preparedName(for: sql)
            do {
                roundTrips += 1
                return try consume(parameters.withPointers { values, lengths, formats in
                    PQexecPrepared(handle, name, parameters.count, values, lengths, formats, 0)
                })
            } catch let error as PostgresError {
                guard invalidateStatement(after: error, sql: sql), !retried,
                      PQtransactionStatus(handle) == PQTRANS_IDLE else { throw error }
                retried = true
                deallocateRetiredStatements()
            }
        }
    }

    /// The name `sql` is prepared under in this session, preparing it now if it is new.
    /// - Throws: the server's refusal to prepare it (a syntax error, an unknown table, …).
    func preparedName(for sql: String) throws -> String {
        if let name = statements.name(for: sql) { return name }
        guard let name = statements.add(sql) else { preconditionFailure("the statement cache is off") }
        deallocateRetiredStatements()
        do {
            roundTrips += 1
            _ = try consume(PQprepare(handle, name, sql, 0, nil))
        } catch {
            statements.forget(sql)
            throw error
        }
        return name
    }

    /// Forgets what `error` shows the server no longer has.
    /// - Returns: true when preparing the statement again may succeed.
    func invalidateStatement(after error: PostgresError, sql: String) -> Bool {
        guard case .server(let refusal) = error else { return false }
        switch refusal.sqlstate {
        case "26000":
            // The session lost its prepared statements (DISCARD ALL, DEALLOCATE ALL, a pooler's
            // other server), so none of the names can be trusted.
            statements.removeAll()
            return true
        case "0A000":
            // "cached plan must not change result type": the statement must be replaced.
            statements.retire(sql)
            return true
        default:
            return false
        }
    }

    /// Sends DEALLOCATE for the evicted and stale names when no transaction is open, where its
    /// failure (the name already gone) harms nothing; inside a transaction they wait.
    func deallocateRetiredStatements() {
        guard !statements.retired.isEmpty, PQtransactionStatus(handle) == PQTRANS_IDLE else { return }
        // One trip for all; should one name be gone already, the rest stay prepared until the
        // session ends, which costs the server a little memory and nothing else.
        let sql = statements.takeRetired().map { "DEALLOCATE \"\($0)\"" }.joined(separator: "; ")
        roundTrips += 1
        PQclear(PQexec(handle, sql))
    }

    /// Runs `sql` unnamed: parsed and planned for this one run.
    func runUnnamed(_ sql: String, _ parameters: PostgresParameters) throws -> PostgresRows {
        roundTrips += 1
        return try consume(parameters.withPointers { values, lengths, formats in
            PQexecParams(handle, sql, parameters.count, nil, values, lengths, formats, 0)
        })
    }
}
