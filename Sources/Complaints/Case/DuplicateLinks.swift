/// Reports linked to a case as duplicates, both ways.
public struct DuplicateLinks: Sendable {
    /// The case this one was merged into, if any.
    public let duplicateOf: String?
    /// Reports merged into this case: their codes and statuses.
    public let joined: [(code: String, status: String)]

    public init(duplicateOf: String?, joined: [(code: String, status: String)]) {
        self.duplicateOf = duplicateOf
        self.joined = joined
    }

    /// The links whose codes `isShown` accepts.
    public func keeping(_ isShown: (String) throws -> Bool) rethrows -> DuplicateLinks {
        DuplicateLinks(duplicateOf: try duplicateOf.flatMap { try isShown($0) ? $0 : nil },
                       joined: try joined.filter { try isShown($0.code) })
    }
}
