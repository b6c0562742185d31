/// The two links a follower is mailed, each carrying a token of its own: the one that starts the
/// following, and the one in every message (and its `List-Unsubscribe` header) that ends it. Opening
/// a link (GET) changes nothing, since mail scanners open links before their reader does: it shows a
/// page whose button posts to the same address, and only that POST (or a mail client's RFC 8058
/// one-click POST) acts.
public enum FollowLink: String, Sendable, CaseIterable {
    case confirm
    case unsubscribe

    /// The link's path: `/follow/confirm/{token}`, `/follow/unsubscribe/{token}`.
    public func path(_ token: String) -> String { "/follow/\(rawValue)/\(token)" }
}
