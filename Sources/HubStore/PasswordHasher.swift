import CCrypt
import Glibc

/// Password hashes, made and checked in the service with libxcrypt's `crypt_r`: PostgreSQL only ever
/// sees a hash, never a password (statement logging once recorded them when pgcrypto hashed there).
/// New hashes are yescrypt (`$y$`, libxcrypt's default cost, salt from the system's random source);
/// bcrypt hashes (`$2a$`, `$2b$`, made by pgcrypto before) are still accepted and replaced by a
/// yescrypt one at the account's next successful login.
///
/// A value of closures, so that a test can watch which hashes a login checks.
public struct PasswordHasher: Sendable {
    /// A new hash of a password, with a fresh salt.
    public var hash: @Sendable (_ password: String) throws -> String
    /// Whether a password matches a stored hash (false for a hash crypt cannot read).
    public var verify: @Sendable (_ password: String, _ hash: String) -> Bool
    /// Whether a stored hash is of the scheme new hashes are made in; others are rehashed at login.
    public var isCurrent: @Sendable (_ hash: String) -> Bool
    /// A hash of a password nobody knows, in the current scheme: checked when no account has the login
    /// asked for, so that an unknown login costs what a wrong password costs.
    public var dummyHash: @Sendable () -> String

    public init(hash: @escaping @Sendable (String) throws -> String, verify: @escaping @Sendable (String, String) -> Bool,
                isCurrent: @escaping @Sendable (String) -> Bool, dummyHash: @escaping @Sendable () -> String) {
        self.hash = hash
        self.verify = verify
        self.isCurrent = isCurrent
        self.dummyHash = dummyHash
    }

    /// libxcrypt's yescrypt for new hashes; any scheme libxcrypt knows for checking.
    public static let system = PasswordHasher(
        hash: { try Crypt.hash($0, prefix: Crypt.yescrypt) },
        verify: { password, hash in Crypt.verify(password, hash) },
        isCurrent: { $0.hasPrefix(Crypt.yescrypt) },
        dummyHash: { Crypt.dummy }
    )

    /// Why a password could not be hashed.
    public enum HashError: Error, CustomStringConvertible {
        case saltFailed
        case hashFailed

        public var description: String {
            switch self {
            case .saltFailed: return "crypt_gensalt_rn could not make a salt"
            case .hashFailed: return "crypt_r could not hash the password"
            }
        }
    }
}

/// The calls into libxcrypt.
enum Crypt {
    static let yescrypt = "$y$"

    /// Made once per process, from random bytes nobody keeps.
    static let dummy: String = {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<4).map { _ in String(generator.next() as UInt64, radix: 36) }.joined()
        return (try? hash(secret, prefix: yescrypt)) ?? "$y$"
    }()

    static func hash(_ password: String, prefix: String) throws -> String {
        // 32 bytes from getrandom(2) (SystemRandomNumberGenerator's source on Linux) for the salt.
        var generator = SystemRandomNumberGenerator()
        let random = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let made = random.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                crypt_gensalt_rn(prefix, 0, chars.baseAddress, Int32(chars.count), &setting, Int32(setting.count))
            }
        }
        guard made != nil else { throw PasswordHasher.HashError.saltFailed }
        guard let hash = run(password, setting: setting) else { throw PasswordHasher.HashError.hashFailed }
        return hash
    }

    static func verify(_ password: String, _ stored: String) -> Bool {
        guard let computed = run(password, setting: Array(stored.utf8CString)) else { return false }
        let expected = Array(stored.utf8), given = Array(computed.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// crypt_r of a password with a setting (a salt, or a whole stored hash); nil when it fails or
    /// the password holds a NUL byte (C would read only what comes before it).
    private static func run(_ password: String, setting: [CChar]) -> String? {
        guard !password.utf8.contains(0) else { return nil }
        var output = [CChar](repeating: 0, count: Int(CRYPT_OUTPUT_SIZE))
        let status = hub_crypt_r(password, setting, &output, output.count)
        guard status == 0 else { return nil }
        return String(cString: output)
    }
}
