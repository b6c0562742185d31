import Complaints
import Foundation
import HTTP

/// The configuration of every executable, read from the environment only (DESIGN.md's contracts).
public struct ServiceEnvironment: Sendable {
    public let values: [String: String]

    public init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    /// `HUB_DATABASE_URL`, a libpq connection string.
    /// - Throws: `ConfigurationError` when it is not set.
    public func databaseURL() throws -> String {
        guard let url = values["HUB_DATABASE_URL"], !url.isEmpty else {
            throw ConfigurationError("HUB_DATABASE_URL is not set (a libpq connection string, e.g. postgresql://hub@127.0.0.1:5432/hub)")
        }
        return url
    }

    /// `HUB_LISTEN_HOST`, 127.0.0.1 unless set.
    public var listenHost: String { values["HUB_LISTEN_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1" }

    /// The port a service listens on, from its own variable.
    /// - Throws: `ConfigurationError` for a value that is not a port.
    public func port(for service: ServiceName) throws -> Int {
        try integer(service.portVariable, default: service.defaultPort, range: 0...65535)
    }

    /// Where the gateway reaches a module: `HUB_<MODULE>_URL`, else 127.0.0.1 and the module's port.
    public func upstream(for module: ModuleName) throws -> Upstream {
        let service = ServiceName(module: module)
        if let url = values[service.urlVariable], !url.isEmpty { return try Upstream(url: url) }
        return Upstream(host: "127.0.0.1", port: try port(for: service))
    }

    /// `HUB_TRUSTED_PROXIES`: the proxies whose X-Forwarded-For names the client. The gateway trusts
    /// only those listed (none by default); a module, never a public listener, trusts them and also
    /// loopback, from where the gateway on the same machine reaches it (a gateway elsewhere is listed:
    /// docker-compose.yml names its network). Not every private network: any host there could then
    /// speak for any client.
    /// - Throws: `ConfigurationError` naming the entry that is not an address or CIDR range.
    public func trustedProxies(for service: ServiceName) throws -> TrustedProxies {
        let listed: TrustedProxies
        do {
            listed = try TrustedProxies(parsing: values["HUB_TRUSTED_PROXIES"] ?? "")
        } catch {
            throw ConfigurationError("HUB_TRUSTED_PROXIES: \(error)")
        }
        return service == .gateway ? listed : listed.adding(.loopback)
    }

    /// Reads an integer variable.
    /// - Throws: `ConfigurationError` when set to something else or out of range.
    public func integer(_ name: String, default fallback: Int, range: ClosedRange<Int> = 0...Int.max) throws -> Int {
        guard let text = values[name], !text.isEmpty else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \(text)")
        }
        return value
    }
}

/// The executables and their contract names.
public enum ServiceName: String, CaseIterable, Sendable {
    case gateway, intake
    case publicWorks = "public-works"
    case social, tourism, kir

    public init(module: ModuleName) {
        switch module {
        case .intake: self = .intake
        case .publicWorks: self = .publicWorks
        case .social: self = .social
        case .tourism: self = .tourism
        case .kir: self = .kir
        }
    }

    var variableStem: String { rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }
    public var portVariable: String { "HUB_\(variableStem)_PORT" }
    public var urlVariable: String { "HUB_\(variableStem)_URL" }

    public var defaultPort: Int {
        switch self {
        case .gateway: return 8080
        case .intake: return 8081
        case .publicWorks: return 8082
        case .social: return 8083
        case .tourism: return 8084
        case .kir: return 8085
        }
    }
}

/// A configuration value is missing or malformed; the service exits with this message.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
