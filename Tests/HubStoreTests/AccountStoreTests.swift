import Complaints
import HubStore
import Postgres
import TestSupport
import Testing

struct AccountStoreTests {
    @Test func passwordsAreStoredAsBcryptAndChecked() throws {
        let connection = try PostgresConnection(conninfo: try TestCluster.shared().migratedDatabase())
        try AccountStore.create(login: "Dewi.Sos", password: "kata-sandi-rahasia", role: .staff, module: .social,
                                categories: ["sosial"], on: connection)
        let hash = try connection.query("select password_hash from staff_accounts")[0].decode("password_hash", as: String.self)
        #expect(hash.hasPrefix("$2a$") && !hash.contains("kata-sandi"))
        #expect(try AccountStore.logIn(login: "dewi.sos", password: "salah-sandi", on: connection) == nil)
        let (account, token, _) = try #require(try AccountStore.logIn(login: "dewi.sos", password: "kata-sandi-rahasia", on: connection))
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
}
