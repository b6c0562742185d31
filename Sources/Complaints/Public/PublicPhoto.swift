/// A photo on the public view; its bytes are served under `/api/v1/complaints/{code}/`.
public struct PublicPhoto: Sendable {
    public let position: Int
    public let purpose: PhotoPurpose
    public let mediaType: String

    public init(position: Int, purpose: PhotoPurpose, mediaType: String) {
        self.position = position
        self.purpose = purpose
        self.mediaType = mediaType
    }

    /// Where the gateway serves this photo.
    public func path(code: String) -> String {
        "/api/v1/complaints/\(code)/\(purpose.publicFolder)/\(position)"
    }
}
