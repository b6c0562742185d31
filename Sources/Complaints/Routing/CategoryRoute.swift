/// Where a category's cases go: the module that works them and the agency (OPD) that answers for them.
public struct CategoryRoute: Sendable, Equatable {
    public let category: String
    public let module: ModuleName
    public let agency: String

    public init(category: String, module: ModuleName, agency: String) {
        self.category = category
        self.module = module
        self.agency = agency
    }
}
