/// The request that fans out a case belongs to, as staff see it on the parent's page and on each
/// part's: what was asked for, the parent's code (the one the reporter holds) and every agency's part.
public struct CaseRequest: Sendable, Equatable {
    /// One agency's part: its own case.
    public struct Part: Sendable, Equatable {
        public let trackingCode: String
        public let agency: String
        public let agencyNameID: String
        public let agencyNameEN: String
        public let status: ComplaintStatus

        public init(trackingCode: String, agency: String, agencyNameID: String, agencyNameEN: String, status: ComplaintStatus) {
            self.trackingCode = trackingCode
            self.agency = agency
            self.agencyNameID = agencyNameID
            self.agencyNameEN = agencyNameEN
            self.status = status
        }

        public func agencyName(_ language: Language) -> String { language == .en ? agencyNameEN : agencyNameID }
    }

    /// The parent's tracking code.
    public let trackingCode: String
    public let typeNameID: String
    public let typeNameEN: String
    /// The parts in the request type's order.
    public let parts: [Part]

    public init(trackingCode: String, typeNameID: String, typeNameEN: String, parts: [Part]) {
        self.trackingCode = trackingCode
        self.typeNameID = typeNameID
        self.typeNameEN = typeNameEN
        self.parts = parts
    }

    public func typeName(_ language: Language) -> String { language == .en ? typeNameEN : typeNameID }
}

extension Case {
    /// The case that holds what the reporter gave for this one: the request, for a part (its parent
    /// keeps the reporter's contact and photos; the part has none of its own), else the case itself.
    public var reporterCaseID: Int64 { parentID ?? id }
}
