@testable import ServiceKit

extension HubConfiguration {
    /// The configuration of these variables, with a database URL unless they give one.
    static func reading(_ values: [String: String]) throws(ConfigurationError) -> HubConfiguration {
        var values = values
        if values["HUB_DATABASE_URL"] == nil { values["HUB_DATABASE_URL"] = "postgresql://hub@127.0.0.1:5432/hub" }
        return try HubConfiguration(environment: values)
    }
}

extension PublicEdge {
    /// The public edge of a service given these variables.
    init(environment values: [String: String]) throws(ConfigurationError) { self = try HubConfiguration.reading(values).edge }
}
