import Complaints
import HubStore
import Postgres
import TestSupport
import Testing

/// The account and token of a successful login, or nil.
func logIn(_ login: String, _ password: String, from address: String = "203.0.113.7",
           throttle: LoginThrottle = LoginThrottle(), on connection: PostgresConnection) throws -> (Account, String)? {
    let outcome = try connection.transaction {
        try AccountStore.logIn(login: login, password: password, address: address, throttle: throttle, on: $0)
    }
    if case .success(let account, let token, _) = outcome { return (account, token) }
    return nil
}

/// Seconds to wait when throttled, nil when not.
func throttledFor(_ login: String, _ password: String, from address: String, throttle: LoginThrottle,
                  on connection: PostgresConnection) throws -> Int? {
    let outcome = try connection.transaction {
        try AccountStore.logIn(login: login, password: password, address: address, throttle: throttle, on: $0)
    }
    if case .throttled(let wait) = outcome { return wait }
    return nil
}

struct AccountStoreTests {
    @Test func passwordsAreStoredAsYescryptAndChecked() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "Dewi.Sos", password: "kata-sandi-rahasia", role: .staff, module: .social,
                                categories: ["sosial"], on: connection)
        let hash = try connection.query("select password_hash from staff_accounts")[0].decode("password_hash", as: String.self)
        #expect(hash.hasPrefix("$y$") && !hash.contains("kata-sandi"))
        #expect(try logIn("dewi.sos", "salah-sandi", on: connection) == nil)
        let (account, token) = try #require(try logIn("dewi.sos", "kata-sandi-rahasia", on: connection))
        #expect(account.role == .staff && account.module == .social && account.categories == ["sosial"])
        #expect(try AccountStore.account(forToken: token, on: connection)?.id == account.id)
        let stored = try connection.query("select encode(token_hash, 'hex') as h from staff_sessions")[0]["h"]
        #expect(stored != token, "only the token's hash is stored")
        try AccountStore.revoke(token: token, on: connection)
        #expect(try AccountStore.account(forToken: token, on: connection) == nil)
    }

    @Test func duplicateLoginsAndWeakAccountsAreRefused() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "inspektur", password: "panjang-sekali", role: .inspector, module: nil, on: connection)
        #expect(throws: AccountStore.AccountError.self) {
            try AccountStore.create(login: "INSPEKTUR", password: "panjang-sekali", role: .inspector, module: nil, on: connection)
        }
        #expect(throws: AccountStore.AccountError.self) {
            try AccountStore.create(login: "pendek", password: "1234", role: .inspector, module: nil, on: connection)
        }
        #expect(throws: AccountStore.AccountError.self) {
            try AccountStore.create(login: "tanpa.modul", password: "panjang-sekali", role: .staff, module: nil, on: connection)
        }
        #expect(throws: AccountStore.AccountError.self) {
            try AccountStore.create(login: "bad login!", password: "panjang-sekali", role: .admin, module: nil, on: connection)
        }
    }

    @Test func repeatedFailuresLockTheAccountNameEvenWithTheRightPassword() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "budi.pu", password: "sandi-yang-benar", role: .staff, module: .publicWorks, on: connection)
        let throttle = LoginThrottle(failuresPerAccount: 3, failuresPerAddress: 100, window: 600)
        for index in 0..<3 {
            #expect(try logIn("budi.pu", "tebakan-\(index)", from: "198.51.100.\(index)", throttle: throttle, on: connection) == nil)
        }
        // From a fourth address, with the right password: still refused, and nothing is checked.
        let wait = try #require(try throttledFor("BUDI.PU", "sandi-yang-benar", from: "198.51.100.9", throttle: throttle, on: connection))
        #expect(wait > 590 && wait <= 600)
        #expect(try connection.query("select count(*)::int as n from staff_sessions")[0].decode("n", as: Int.self) == 0)
        // Other accounts are not affected.
        try AccountStore.create(login: "sari.pu", password: "sandi-sari-benar", role: .staff, module: .publicWorks, on: connection)
        #expect(try logIn("sari.pu", "sandi-sari-benar", from: "198.51.100.9", throttle: throttle, on: connection) != nil)
        // Once the failures age out, the right password works again; it clears the failures of its
        // own address only, so a guesser elsewhere gains nothing from the owner logging in.
        #expect(try logIn("budi.pu", "tebakan-lagi", throttle: throttle, on: connection) == nil)
        try connection.query("update login_failures set at = at - interval '11 minutes'")
        #expect(try logIn("budi.pu", "sandi-yang-benar", throttle: throttle, on: connection) != nil)
        let left = try connection.query("select address from login_failures where login = 'budi.pu' order by address")
            .map { try $0.decode("address", as: String.self) }
        #expect(left == ["198.51.100.0", "198.51.100.1", "198.51.100.2"])
    }

    @Test func guessingFromElsewhereDoesNotLockStaffOutOfTheirKnownAddress() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "wati.pu", password: "sandi-wati-benar", role: .staff, module: .publicWorks, on: connection)
        let throttle = LoginThrottle(failuresPerAccount: 3, failuresPerAddress: 100, window: 600)
        let office = "10.20.30.40"
        #expect(try logIn("wati.pu", "sandi-wati-benar", from: office, throttle: throttle, on: connection) != nil)
        for index in 0..<3 {
            #expect(try logIn("wati.pu", "tebakan-\(index)", from: "198.51.100.\(index)", throttle: throttle, on: connection) == nil)
        }
        // A new address is refused; the office, where she logged in before, is not.
        #expect(try throttledFor("wati.pu", "sandi-wati-benar", from: "198.51.100.50", throttle: throttle, on: connection) != nil)
        #expect(try logIn("wati.pu", "sandi-wati-benar", from: office, throttle: throttle, on: connection) != nil)
        #expect(try throttledFor("wati.pu", "tebakan-baru", from: "198.51.100.51", throttle: throttle, on: connection) != nil,
                "her login does not give the guesser new tries")
        // Guessing from the office itself still counts there.
        for index in 0..<3 {
            #expect(try logIn("wati.pu", "salah-\(index)", from: office, throttle: throttle, on: connection) == nil)
        }
        #expect(try throttledFor("wati.pu", "sandi-wati-benar", from: office, throttle: throttle, on: connection) != nil)
        // An address is known only for a while.
        try connection.query("update login_failures set at = at - interval '11 minutes'")
        try connection.query("update login_known_addresses set last_success = now() - interval '91 days'")
        for index in 0..<3 {
            #expect(try logIn("wati.pu", "tebakan-lagi-\(index)", from: "198.51.100.\(index)", throttle: throttle, on: connection) == nil)
        }
        #expect(try throttledFor("wati.pu", "sandi-wati-benar", from: office, throttle: throttle, on: connection) != nil)
        // Her next login forgets the addresses she has not used for that long.
        try connection.query("update login_failures set at = at - interval '11 minutes'")
        #expect(try logIn("wati.pu", "sandi-wati-benar", from: "10.20.30.41", throttle: throttle, on: connection) != nil)
        let known = try connection.query("select address from login_known_addresses").map { try $0.decode("address", as: String.self) }
        #expect(known == ["10.20.30.41"])
    }

    @Test func oneAddressGuessingManyAccountsIsThrottled() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "korban.sos", password: "sandi-korban-1", role: .staff, module: .social, on: connection)
        let throttle = LoginThrottle(failuresPerAccount: 100, failuresPerAddress: 4, window: 600)
        for name in ["a.sos", "b.sos", "c.sos", "d.sos"] {
            #expect(try logIn(name, "tebakan", from: "192.0.2.66", throttle: throttle, on: connection) == nil)
        }
        #expect(try throttledFor("korban.sos", "sandi-korban-1", from: "192.0.2.66", throttle: throttle, on: connection) != nil)
        #expect(try logIn("korban.sos", "sandi-korban-1", from: "192.0.2.67", throttle: throttle, on: connection) != nil,
                "another address is not affected")
    }
}
