/// Where a category's cases go: the module that works them and the agency (OPD) that answers for them.
public struct CategoryRoute: Sendable, Equatable {
    public let category: String
    public let module: ModuleName
    public let agency: String
    /// A report of misconduct (its subcategory is marked so): it goes to the inspectorate's queue,
    /// never to the agency it accuses.
    public let inspectorate: Bool

    public init(category: String, module: ModuleName, agency: String, inspectorate: Bool = false) {
        self.category = category
        self.module = module
        self.agency = agency
        self.inspectorate = inspectorate
    }

    /// The route of a misconduct report: the inspectorate's agency, worked at the desk that serves the
    /// inspectors (intake's, as for every account that sees every module: `Account.queueModule`).
    public static func inspectorate(category: String, agency: String) -> CategoryRoute {
        CategoryRoute(category: category, module: .intake, agency: agency, inspectorate: true)
    }
}
