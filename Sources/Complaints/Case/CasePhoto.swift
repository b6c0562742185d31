/// A case's photo as staff see it (all of them, confidential or not: access is checked by the caller).
public struct CasePhoto: Sendable {
    public let id: Int64
    /// `report` (the citizen's) or `resolution` (after-photos).
    public let purpose: String
    public let position: Int
    public let mediaType: String

    public init(id: Int64, purpose: String, position: Int, mediaType: String) {
        self.id = id
        self.purpose = purpose
        self.position = position
        self.mediaType = mediaType
    }
}
