import Foundation
import Glibc
import HubStore
import Postgres

/// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, a free port, removed
/// when the test process exits. As root it runs as the `postgres` user (initdb refuses root).
public final class TestCluster: @unchecked Sendable {
    public let directory: String
    public let port: Int
    private let lock = NSLock()
    private var databaseCount = 0
    private var templateReady = false

    /// One cluster shared by every test in the process; each test takes its own database.
    public static func shared() throws -> TestCluster {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        if let cluster = sharedCluster { return cluster }
        let cluster = try TestCluster()
        sharedCluster = cluster
        return cluster
    }

    nonisolated(unsafe) private static var sharedCluster: TestCluster?
    nonisolated(unsafe) private static var started: [TestCluster] = []
    private static let sharedLock = NSLock()
    private static let startedLock = NSLock()

    /// Starts a cluster of its own (for tests that restart or stop the server).
    public init() throws {
        var template = Array("/tmp/hub-test-pg-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestSupportError("mkdtemp failed") }
        directory = String(cString: made)
        port = try FreePort.find()
        if getuid() == 0, let owner = getpwnam("postgres") {
            chown(directory, owner.pointee.pw_uid, owner.pointee.pw_gid)
        }
        try PostgresTools.run("initdb", ["-D", directory + "/data", "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"])
        // Small, fast, and durable enough for tests; fsync off keeps parallel tests quick.
        try "fsync = off\nmax_connections = 300\nshared_buffers = 32MB\n".appendLine(to: directory + "/data/postgresql.conf")
        try start()
        TestCluster.startedLock.lock()
        if TestCluster.started.isEmpty { atexit { TestCluster.removeAll() } }
        TestCluster.started.append(self)
        TestCluster.startedLock.unlock()
    }

    /// The connection string of a database in this cluster.
    public func url(database: String) -> String {
        "postgresql://postgres@127.0.0.1:\(port)/\(database)"
    }

    /// `url` with its user replaced by `role` (a service's own login).
    public static func url(_ url: String, role: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        return url.replacingCharacters(in: scheme.upperBound..<at, with: role)
    }

    /// A new, empty database.
    public func emptyDatabase() throws -> String {
        let name = nextName()
        let admin = try PostgresConnection(conninfo: url(database: "postgres"))
        try admin.execute("create database \(name)")
        return url(database: name)
    }

    /// A new database at the current schema, copied from a template migrated once per cluster.
    public func migratedDatabase() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let admin = try PostgresConnection(conninfo: url(database: "postgres"))
        if !templateReady {
            try admin.execute("create database hub_template")
            let template = try PostgresConnection(conninfo: url(database: "hub_template"))
            try Migrator.migrate(template)
            try ServiceRole.enableLogins(on: template)
            templateReady = true
        }
        databaseCount += 1
        let name = "hub_test_\(databaseCount)"
        try admin.execute("create database \(name) template hub_template")
        return url(database: name)
    }

    public func start() throws {
        try PostgresTools.run("pg_ctl", ["-D", directory + "/data", "-l", directory + "/server.log", "-w", "-t", "60",
                                         "-o", "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1", "start"])
    }

    /// Stops the server (`fast` disconnects clients; `immediate` is a crash).
    public func stop(mode: String = "fast") throws {
        try PostgresTools.run("pg_ctl", ["-D", directory + "/data", "-m", mode, "-w", "stop"])
    }

    private func nextName() -> String {
        lock.lock()
        defer { lock.unlock() }
        databaseCount += 1
        return "hub_test_\(databaseCount)"
    }

    private static func removeAll() {
        for cluster in started {
            _ = try? PostgresTools.run("pg_ctl", ["-D", cluster.directory + "/data", "-m", "immediate", "-w", "stop"])
            try? FileManager.default.removeItem(atPath: cluster.directory)
        }
    }
}

/// Runs PostgreSQL's server programs, as the `postgres` user when the tests run as root.
enum PostgresTools {
    static let binDirectory: String = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let newest = versions.compactMap(Int.init).max().map(String.init) ?? "15"
        return "/usr/lib/postgresql/\(newest)/bin"
    }()

    /// Runs a program to completion and returns its output.
    /// - Throws: `TestSupportError` with the output when it exits non-zero.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let path = binDirectory + "/" + program
        let (status, output) = getuid() == 0
            ? try Spawn.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
            : try Spawn.run(path, arguments)
        guard status == 0 else {
            throw TestSupportError("\(program) \(arguments.joined(separator: " ")) failed: \(output)")
        }
        return output
    }
}

/// posix_spawn and waitpid, without Foundation's Process: `pg_ctl start` leaves a daemon behind
/// that inherits the descriptors Process watches, so Process never notices pg_ctl has exited.
enum Spawn {
    static func run(_ path: String, _ arguments: [String]) throws -> (Int32, String) {
        let outputPath = NSTemporaryDirectory() + "hub-spawn-\(UUID().uuidString).log"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard result == 0 else { throw TestSupportError("cannot start \(path): \(result)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}

/// A test set-up step failed.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension String {
    func appendLine(to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw TestSupportError("cannot open \(path)") }
        handle.seekToEndOfFile()
        handle.write(Data(utf8))
        handle.closeFile()
    }
}
