import Complaints
import HTTP
import ServiceKit

/// Where each module listens, from `HUB_<MODULE>_URL` or 127.0.0.1 and the module's port.
struct Upstreams: Sendable {
    private let byModule: [ModuleName: Upstream]

    init(configuration: HubConfiguration) {
        var map: [ModuleName: Upstream] = [:]
        for module in ModuleName.allCases { map[module] = configuration.upstream(for: module) }
        byModule = map
    }

    subscript(module: ModuleName) -> Upstream { byModule[module]! }
}
