/// An agency (OPD) as forwarding sees it: its code, its public names, and the module that works its
/// cases according to the routing table (nil when no route names it: it receives no cases).
public struct Agency: Sendable, Equatable {
    public let code: String
    public let nameID: String
    public let nameEN: String
    public let module: ModuleName?

    public init(code: String, nameID: String, nameEN: String, module: ModuleName?) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
        self.module = module
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }
}

/// Where a forwarded case came from: the agency and module it goes back to when it is returned.
public struct ForwardOrigin: Sendable, Equatable {
    public let agency: String
    public let module: ModuleName

    public init(agency: String, module: ModuleName) {
        self.agency = agency
        self.module = module
    }
}
