import Foundation
import Glibc
import HTTP
import HubStore
import Postgres

/// The six real executables started against one test database, each on a free port.
public final class RunningHub: @unchecked Sendable {
    public static let serviceNames = ["intake", "public-works", "social", "tourism", "kir", "gateway"]

    /// The schema owner's URL (hubctl uses it); each service logs in as its own role instead.
    public let databaseURL: String
    /// Whether the services log in as their own roles (false only on a database migration 014 has
    /// not reached, where those roles do not exist yet).
    public let servicesUseOwnRoles: Bool
    public let ports: [String: Int]
    /// Variables added to (or overriding) every service's environment.
    public let extraEnvironment: [String: String]
    public let logDirectory: String
    private var processes: [String: Process] = [:]
    public let client = HTTPClient(connectTimeout: 2, responseTimeout: 30)

    /// Where the built executables are: `HUB_BIN_DIR` (set by `make test`) or `.build/debug`.
    public static var binDirectory: String {
        if let dir = ProcessInfo.processInfo.environment["HUB_BIN_DIR"], !dir.isEmpty { return dir }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }

    /// The environment every service of this hub gets.
    public var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_DATABASE_URL"] = databaseURL
        environment["HUB_MIGRATE_DATABASE_URL"] = nil
        environment["HUB_STARTUP_WAIT"] = "5"
        // A test process killed from outside (a timeout) takes its services with it.
        environment["HUB_EXIT_WITH_PARENT"] = "1"
        // Tests submit from one address far faster than a citizen; rate-limit tests lower these again.
        environment["HUB_SUBMIT_RATE_PER_MINUTE"] = "100000"
        environment["HUB_SUBMIT_BURST"] = "100000"
        environment["HUB_TRACK_RATE_PER_MINUTE"] = "100000"
        environment["HUB_TRACK_BURST"] = "100000"
        // Tests speak plain HTTP, where a client (unlike Chromium on localhost) keeps no Secure cookie;
        // tests of the default (Secure, `__Host-`) pass HUB_COOKIE_SECURE="" to get it back.
        environment["HUB_COOKIE_SECURE"] = "0"
        for (service, port) in ports {
            environment["HUB_\(service.uppercased().replacingOccurrences(of: "-", with: "_"))_PORT"] = String(port)
        }
        for name in ["INTAKE", "PUBLIC_WORKS", "SOCIAL", "TOURISM", "KIR"] { environment["HUB_\(name)_URL"] = nil }
        for (name, value) in extraEnvironment { environment[name] = value }
        return environment
    }

    /// The environment one service gets: `environment` with the database URL of its own role.
    public func environment(for service: String) -> [String: String] {
        var environment = self.environment
        if servicesUseOwnRoles, extraEnvironment["HUB_DATABASE_URL"] == nil, let role = ServiceRole(service: service) {
            environment["HUB_DATABASE_URL"] = TestCluster.url(databaseURL, role: role.rawValue)
        }
        return environment
    }

    /// Starts every service and waits until each answers `/readyz` with 200.
    public init(databaseURL: String, services: [String] = RunningHub.serviceNames, environment extra: [String: String] = [:]) throws {
        self.databaseURL = databaseURL
        // Roles belong to the cluster: letting them log in is cheap and idempotent (the test clusters trust loopback).
        servicesUseOwnRoles = (try? ServiceRole.enableLogins(on: PostgresConnection(conninfo: databaseURL))) != nil
        self.extraEnvironment = extra
        var ports: [String: Int] = [:]
        for service in RunningHub.serviceNames { ports[service] = try FreePort.find() }
        self.ports = ports
        var template = Array("/tmp/hub-test-logs-XXXXXX".utf8CString)
        logDirectory = String(cString: mkdtemp(&template)!)
        for service in services { try start(service) }
        for service in services { try waitUntilReady(service) }
    }

    deinit {
        stopAll()
        try? FileManager.default.removeItem(atPath: logDirectory)
    }

    /// Starts one service (again).
    public func start(_ service: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningHub.binDirectory + "/" + service)
        process.environment = environment(for: service)
        FileManager.default.createFile(atPath: "\(logDirectory)/\(service).log", contents: nil)
        let log = FileHandle(forWritingAtPath: "\(logDirectory)/\(service).log")
        log?.seekToEndOfFile()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        processes[service] = process
    }

    /// Polls `/readyz` until 200, or fails with the service's log.
    public func waitUntilReady(_ service: String, timeout: Double = RunningHub.settleSeconds) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let process = processes[service], !process.isRunning {
                throw TestSupportError("\(service) exited with \(process.terminationStatus): \(log(service))")
            }
            if let response = try? get("/readyz", service: service), response.status == 200 { return }
            usleep(100_000)
        }
        throw TestSupportError("\(service) not ready in \(timeout) s: \(log(service))")
    }

    /// The process id of a running service, for what only /proc tells (its memory).
    public func processIdentifier(_ service: String) -> pid_t? {
        processes[service].flatMap { $0.isRunning ? $0.processIdentifier : nil }
    }

    /// Sends SIGTERM and waits for the exit status.
    @discardableResult
    public func stop(_ service: String) -> Int32? {
        guard let process = processes.removeValue(forKey: service) else { return nil }
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills with SIGKILL (a crash).
    public func kill9(_ service: String) {
        guard let process = processes.removeValue(forKey: service) else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func stopAll() {
        for service in Array(processes.keys) { stop(service) }
    }

    public func log(_ service: String) -> String {
        (try? String(contentsOfFile: "\(logDirectory)/\(service).log", encoding: .utf8)) ?? ""
    }

    /// A service's log once it contains `text`, or as it is after `timeout` seconds: access lines are
    /// written in batches, up to a tenth of a second after the request (longer on a loaded machine).
    public func log(_ service: String, once text: String, timeout: Double = 15) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = log(service)
            if current.contains(text) || Date() > deadline { return current }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    // MARK: HTTP helpers

    public func request(_ method: String, _ target: String, service: String = "gateway", headers: [(String, String)] = [],
                        body: [UInt8] = []) throws -> HTTPResponse {
        var request = HTTPRequest(method: method, target: target, pathSegments: [], rawQuery: nil,
                                  headers: HTTPHeaders(headers), body: body)
        if request.headers["Host"] == nil { request.headers.add("Host", "127.0.0.1") }
        return try client.send(request, to: Upstream(host: "127.0.0.1", port: ports[service]!))
    }

    public func get(_ target: String, service: String = "gateway", token: String? = nil) throws -> HTTPResponse {
        try request("GET", target, service: service, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }

    /// POSTs a JSON object (or raw text when `raw` is given).
    public func post(_ target: String, json: [String: Any]? = nil, raw: String? = nil, token: String? = nil,
                     contentType: String = "application/json", service: String = "gateway") throws -> HTTPResponse {
        var headers = [("Content-Type", contentType)]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let body: [UInt8]
        if let json {
            body = [UInt8](try JSONSerialization.data(withJSONObject: json))
        } else {
            body = Array((raw ?? "").utf8)
        }
        return try request("POST", target, service: service, headers: headers, body: body)
    }

    /// PATCHes a JSON object.
    public func patch(_ target: String, json: [String: Any], token: String? = nil) throws -> HTTPResponse {
        var headers = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return try request("PATCH", target, headers: headers, body: [UInt8](try JSONSerialization.data(withJSONObject: json)))
    }

    /// Logs in and returns the session token.
    public func logIn(_ login: String, _ password: String) throws -> String {
        let response = try post("/api/v1/staff/login", json: ["login": login, "password": password])
        guard response.status == 200, let token = response.jsonObject["token"] as? String else {
            throw TestSupportError("login \(login) failed: \(response.status) \(response.text)")
        }
        return token
    }

    /// Runs `hubctl` with this hub's environment.
    @discardableResult
    public func hubctl(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String) {
        try RunningHub.hubctl(arguments, environment: environment, input: input)
    }

    /// Runs `hubctl` against a database, without any service running.
    @discardableResult
    public static func hubctl(_ arguments: [String], databaseURL: String, input: String? = nil) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_DATABASE_URL"] = databaseURL
        environment["HUB_MIGRATE_DATABASE_URL"] = nil
        return try hubctl(arguments, environment: environment, input: input)
    }

    /// Runs `hubctl` with exactly this environment.
    public static func hubctl(_ arguments: [String], environment: [String: String], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningHub.binDirectory + "/hubctl")
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let stdin = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        stdin.fileHandleForWriting.closeFile()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

extension HTTPResponse {
    /// The body parsed as a JSON object (empty when it is not one).
    public var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}
