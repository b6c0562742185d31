import Complaints

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
    /// `HUB_<NAME>_PORT`, where the service listens.
    public var portVariable: String { "HUB_\(variableStem)_PORT" }
    /// `HUB_<NAME>_URL`, where the gateway reaches a module.
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
