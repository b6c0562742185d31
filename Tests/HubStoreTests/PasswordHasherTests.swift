import Complaints
import Foundation
import HubStore
import Postgres
import TestSupport
import Testing

/// Passwords are hashed and checked in the service with libxcrypt; PostgreSQL sees only hashes.
struct PasswordHasherTests {
    @Test func newHashesAreYescryptWithTheirOwnSaltAndCheckOnlyTheirPassword() throws {
        let hasher = PasswordHasher.system
        let first = try hasher.hash("kata-sandi-rahasia"), second = try hasher.hash("kata-sandi-rahasia")
        #expect(first.hasPrefix("$y$") && second.hasPrefix("$y$") && first != second)
        #expect(hasher.verify("kata-sandi-rahasia", first) && hasher.verify("kata-sandi-rahasia", second))
        #expect(!hasher.verify("kata-sandi-rahasiA", first))
        #expect(!hasher.verify("kata-sandi-rahasia\u{0}x", first), "nothing after a NUL byte is ignored")
        #expect(!hasher.verify("kata-sandi-rahasia", "bukan hash"))
        #expect(!hasher.verify("kata-sandi-rahasia", ""))
        #expect(hasher.isCurrent(first) && !hasher.isCurrent("$2a$10$abcdefghijklmnopqrstuv"))
        #expect(hasher.dummyHash().hasPrefix("$y$") && hasher.dummyHash() == hasher.dummyHash())
    }

    @Test func bcryptHashesMadeByPgcryptoAreStillAccepted() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        let hash = try connection.query("select crypt('sandi-lama-sekali', gen_salt('bf', 4)) as h")[0].decode("h", as: String.self)
        #expect(hash.hasPrefix("$2a$"))
        #expect(PasswordHasher.system.verify("sandi-lama-sekali", hash))
        #expect(!PasswordHasher.system.verify("sandi-lama-sekalI", hash))
        #expect(PasswordHasher.system.verify("sandi-b", "$2b$04$" + hash.dropFirst(7)) == false)
    }
}

/// A hasher that records the hashes each check was made against.
final class RecordingHasher: @unchecked Sendable {
    private let lock = NSLock()
    private var checked: [String] = []

    var hasher: PasswordHasher {
        let system = PasswordHasher.system
        return PasswordHasher(hash: system.hash, verify: { password, hash in
            self.lock.withLock { self.checked.append(hash) }
            return system.verify(password, hash)
        }, isCurrent: system.isCurrent, dummyHash: system.dummyHash)
    }

    var hashesChecked: [String] { lock.withLock { checked } }
}

/// The login path: every attempt runs one password check, whether or not the account exists, and
/// an old bcrypt hash is replaced at the next successful login.
struct LoginPasswordCheckTests {
    func logIn(_ login: String, _ password: String, hasher: PasswordHasher, on connection: PostgresConnection) throws
        -> AccountStore.LoginOutcome {
        try connection.transaction {
            try AccountStore.logIn(login: login, password: password, address: "203.0.113.9", hasher: hasher, on: $0)
        }
    }

    @Test func anUnknownLoginIsCheckedAgainstTheDummyHashLikeAWrongPassword() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "ada.sos", password: "sandi-ada-benar", role: .staff, module: .social, on: connection)
        let stored = try connection.query("select password_hash from staff_accounts")[0].decode("password_hash", as: String.self)
        let recording = RecordingHasher()
        guard case .invalid = try logIn("tidak.ada", "sandi-apa-saja", hasher: recording.hasher, on: connection) else {
            Issue.record("an unknown login is refused")
            return
        }
        #expect(recording.hashesChecked == [PasswordHasher.system.dummyHash()], "the unknown login ran one check, on the dummy")
        guard case .invalid = try logIn("ada.sos", "sandi-salah", hasher: recording.hasher, on: connection) else {
            Issue.record("a wrong password is refused")
            return
        }
        #expect(recording.hashesChecked == [PasswordHasher.system.dummyHash(), stored])
    }

    @Test func aBcryptHashIsReplacedByYescryptAtTheNextSuccessfulLogin() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        // As pgcrypto made them before passwords were hashed in the service.
        try connection.query("""
            insert into staff_accounts (login, password_hash, role, module_code)
            values ('lama.pu', crypt('sandi-lama-benar', gen_salt('bf', 4)), 'staff', 'public-works')
            """)
        func hash() throws -> String {
            try connection.query("select password_hash from staff_accounts where login = 'lama.pu'")[0].decode("password_hash")
        }
        let old = try hash()
        #expect(old.hasPrefix("$2a$"))
        guard case .invalid = try logIn("lama.pu", "sandi-lama-salah", hasher: .system, on: connection) else {
            Issue.record("a wrong password is refused")
            return
        }
        #expect(try hash() == old, "a failed login changes nothing")
        guard case .success = try logIn("lama.pu", "sandi-lama-benar", hasher: .system, on: connection) else {
            Issue.record("the bcrypt password still logs in")
            return
        }
        let new = try hash()
        #expect(new.hasPrefix("$y$") && PasswordHasher.system.verify("sandi-lama-benar", new))
        guard case .success = try logIn("lama.pu", "sandi-lama-benar", hasher: .system, on: connection) else {
            Issue.record("the rehashed password logs in")
            return
        }
        #expect(try hash() == new, "a current hash is left alone")
    }
}
