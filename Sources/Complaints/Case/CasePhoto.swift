/// A case's photo as staff see it (all of them, confidential or not: access is checked by the caller).
public struct CasePhoto: Sendable {
    public let id: Int64
    public let purpose: PhotoPurpose
    public let position: Int
    public let mediaType: String

    public init(id: Int64, purpose: PhotoPurpose, position: Int, mediaType: String) {
        self.id = id
        self.purpose = purpose
        self.position = position
        self.mediaType = mediaType
    }
}
