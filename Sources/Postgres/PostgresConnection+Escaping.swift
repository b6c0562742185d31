import CLibPQ

extension PostgresConnection {
    /// A string quoted as an SQL literal for this connection's encoding, for the few statements
    /// that take no parameters (`ALTER ROLE … PASSWORD`).
    /// - Throws: `PostgresError.connectionLost` when libpq cannot quote it (bad encoding).
    public func escapedLiteral(_ text: String) throws -> String {
        guard let quoted = PQescapeLiteral(handle, text, text.utf8.count) else { throw connectionError() }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// A name quoted as an SQL identifier (a role, say).
    /// - Throws: `PostgresError.connectionLost` when libpq cannot quote it.
    public func escapedIdentifier(_ name: String) throws -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else { throw connectionError() }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// A role's password as the server stores it (SCRAM-SHA-256), hashed here so the password
    /// itself never travels to the server or lands in its statement log.
    /// - Throws: `PostgresError.connectionLost` when libpq refuses (out of memory, say).
    public func encryptedPassword(_ password: String, role: String) throws -> String {
        guard let verifier = PQencryptPasswordConn(handle, password, role, "scram-sha-256") else { throw connectionError() }
        defer { PQfreemem(verifier) }
        return String(cString: verifier)
    }
}
