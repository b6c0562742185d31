/// One part of a request type that fans out (`request_type_parts`): the agency that does it, and the
/// route of the category its case takes (the module that works it, under that category's deadlines).
public struct RequestPart: Sendable, Equatable {
    public let requestType: String
    public let agency: String
    /// The part's category and the module its route names; `route.agency` is the category's default,
    /// not necessarily the part's agency.
    public let route: CategoryRoute
    public let nameID: String
    public let nameEN: String

    public init(requestType: String, agency: String, route: CategoryRoute, nameID: String, nameEN: String) {
        self.requestType = requestType
        self.agency = agency
        self.route = route
        self.nameID = nameID
        self.nameEN = nameEN
    }
}
