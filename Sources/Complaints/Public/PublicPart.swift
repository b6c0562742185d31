import Foundation

/// One agency's part of a request that fans out, as anyone holding the parent's code sees it: the
/// agency, where its case stands and its deadline.
public struct PublicPart: Sendable, Equatable {
    public let agency: String
    public let agencyNameID: String
    public let agencyNameEN: String
    public let status: ComplaintStatus
    public let dueAt: Date?

    public init(agency: String, agencyNameID: String, agencyNameEN: String, status: ComplaintStatus, dueAt: Date?) {
        self.agency = agency
        self.agencyNameID = agencyNameID
        self.agencyNameEN = agencyNameEN
        self.status = status
        self.dueAt = dueAt
    }
}
