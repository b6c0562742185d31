/// A photo on the public view; its bytes are served under `/api/v1/complaints/{code}/`.
public struct PublicPhoto: Sendable {
    public let position: Int
    /// `report` (the citizen's) or `resolution` (the agency's after-photo).
    public let purpose: String
    public let mediaType: String

    public init(position: Int, purpose: String, mediaType: String) {
        self.position = position
        self.purpose = purpose
        self.mediaType = mediaType
    }

    /// Where the gateway serves this photo.
    public func path(code: String) -> String {
        "/api/v1/complaints/\(code)/\(purpose == "resolution" ? "resolution-photos" : "photos")/\(position)"
    }
}
