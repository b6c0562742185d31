import CLibPQ

extension PostgresConnection {
    /// Streams rows into a table with `COPY … FROM STDIN` (text format), the fast way to load many
    /// rows: `write` adds them to a `CopyWriter`, which sends them in chunks as they accumulate.
    ///
    ///     try connection.copyIn("copy t (id, name) from stdin") { rows in
    ///         try rows.row(["1", "Ani"])
    ///     }
    ///
    /// All or nothing: a row the server refuses, or an error `write` throws, ends the copy with no
    /// row stored (inside a transaction, the transaction is then failed as after any other error), and
    /// the connection stays usable.
    /// - Parameters:
    ///   - statement: a `COPY table [(columns)] FROM STDIN` statement in text format.
    ///   - write: adds the rows.
    /// - Returns: the number of rows stored.
    /// - Throws: `PostgresError` (the server's refusal, e.g. an invalid value or a constraint), or what
    ///   `write` throws.
    @discardableResult
    public func copyIn(_ statement: String, _ write: (inout CopyWriter) throws -> Void) throws -> Int {
        roundTrips += 1
        guard let started = PQexec(handle, statement) else { throw connectionError() }
        guard PQresultStatus(started) == PGRES_COPY_IN else {
            _ = try consume(started)
            preconditionFailure("copyIn needs a COPY … FROM STDIN statement: \(statement)")
        }
        PQclear(started)
        var writer = CopyWriter(connection: self)
        do {
            try write(&writer)
            try writer.flush()
        } catch {
            // Ends the server's side of the copy with an error, so nothing is stored; the result
            // reporting that is the expected answer, not the caller's error.
            PQputCopyEnd(handle, "copy abandoned by the client")
            _ = try? finishCopy()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError() }
        return try finishCopy()
    }

    /// Reads every result the copy left (its own, then none), so the connection is ready again.
    private func finishCopy() throws -> Int {
        var stored: Int?
        var failure: (any Error)?
        while let result = PQgetResult(handle) {
            do {
                let rows = try consume(result)
                stored = stored ?? rows.affectedRows
            } catch {
                failure = failure ?? error
            }
        }
        if let failure { throw failure }
        return stored ?? 0
    }

    /// Sends one chunk of copy data.
    fileprivate func putCopyData(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { PQputCopyData(handle, $0, Int32(buffer.count)) }
        }
        guard sent == 1 else { throw connectionError() }
    }
}

/// The rows of one `COPY … FROM STDIN`, in PostgreSQL's text format (tab-separated, `\N` for
/// NULL, backslash escapes), buffered and sent in chunks of about 256 KiB.
public struct CopyWriter {
    private unowned let connection: PostgresConnection
    private var buffer: [UInt8] = []
    private static let chunk = 256 * 1024

    fileprivate init(connection: PostgresConnection) {
        self.connection = connection
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Adds one row: a field per column of the statement, in its order; nil is NULL. Each field is
    /// the column's text form (what a cast from text accepts, e.g. `2026-01-31 08:00:00+07`, `\x89ab`
    /// for bytea), escaped here.
    /// - Throws: `PostgresError.connectionLost` when a full chunk cannot be sent.
    public mutating func row(_ fields: [String?]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(0x09) }
            guard let field else {
                buffer.append(0x5C)
                buffer.append(0x4E)  // \N
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
                case 0x09: buffer.append(0x5C); buffer.append(0x74)
                case 0x0A: buffer.append(0x5C); buffer.append(0x6E)
                case 0x0D: buffer.append(0x5C); buffer.append(0x72)
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(0x0A)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Sends what is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try connection.putCopyData(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
