/// An agency (OPD) as forwarding sees it: its code, its public names, the module that works its
/// cases according to the routing table (nil when no route names it: it receives no cases) and the
/// categories whose routes name it (its default routes' first, the one the module is of first of all).
public struct Agency: Sendable, Equatable {
    public let code: String
    public let nameID: String
    public let nameEN: String
    public let module: ModuleName?
    /// Staff see a module's cases by category: a case forwarded here takes one of these.
    public let categories: [String]

    public init(code: String, nameID: String, nameEN: String, module: ModuleName?, categories: [String] = []) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
        self.module = module
        self.categories = categories
    }

    public func name(_ language: Language) -> String { language == .en ? nameEN : nameID }
}

/// Where a forwarded case came from: the agency, module and category it goes back to when it is returned.
public struct ForwardOrigin: Sendable, Equatable {
    public let agency: String
    public let module: ModuleName
    /// The category and subcategory it had; nil for a forward recorded before they were kept (its category stays).
    public let category: String?
    public let subcategory: String?

    public init(agency: String, module: ModuleName, category: String? = nil, subcategory: String? = nil) {
        self.agency = agency
        self.module = module
        self.category = category
        self.subcategory = subcategory
    }
}
