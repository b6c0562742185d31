/// The executables that own categories. Which categories each owns is data (the routing table).
public enum ModuleName: String, CaseIterable, Sendable, Codable {
    case intake
    case publicWorks = "public-works"
    case social, tourism, kir

    /// The message-table queue this module consumes.
    public var queue: String { "module." + rawValue }
}

/// How urgent a case is; inspectors raise it.
public enum Priority: String, CaseIterable, Sendable, Codable, Comparable {
    case low, normal, high, urgent

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
