/// The two languages the hub speaks, Indonesian first.
public enum Language: String, Sendable {
    case id, en

    /// Picks English only when asked for explicitly; everything else is Indonesian.
    public init(code: String?) { self = code?.lowercased().hasPrefix("en") == true ? .en : .id }
}
