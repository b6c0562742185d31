/// Why a photo is on a case: the values the schema's `complaint_photos.purpose` admits.
public enum PhotoPurpose: String, Sendable, CaseIterable, Codable {
    /// The citizen's photo of the problem.
    case report
    /// The agency's after-photo with a resolution.
    case resolution
    /// The reporter's photo with a reply to the officer's question: staff see it, the public never does.
    case reply

    /// The folder of the public view's photo paths (`/api/v1/complaints/{code}/photos/…`).
    public var publicFolder: String {
        switch self {
        case .report: return "photos"
        case .resolution: return "resolution-photos"
        case .reply: return "reply-photos"  // never served publicly (the public_photos view leaves them out)
        }
    }
}
