/// How many open cases a queue holds, counted only up to `cap`: past it a count says "more than
/// `cap`" (`1000+`), so that reading them costs the same whether an agency has 2,000 open cases or
/// 200,000. An officer works a queue from its head; nobody needs to know that 22,412 wait rather
/// than 1000+, and an exact count would read every open case on every page view.
public struct QueueCounts: Sendable, Equatable {
    /// The largest count told exactly.
    public static let cap = 1_000

    /// Open cases the filter lets through per status (whatever status it asks for); a status with
    /// none is absent. Each is at most `cap + 1`, which stands for "more than `cap`".
    public var byStatus: [ComplaintStatus: Int]
    /// How many of those are past their deadline (at most `cap + 1`).
    public var overdue: Int
    /// The cases the filter lets through, status included: what the pages of the queue hold (at most `cap + 1`).
    public var total: Int

    public init(byStatus: [ComplaintStatus: Int] = [:], overdue: Int = 0, total: Int = 0) {
        self.byStatus = byStatus
        self.overdue = overdue
        self.total = total
    }

    /// Whether a count read with the cap stands for "more than `cap`".
    public static func isCapped(_ count: Int) -> Bool { count > cap }

    /// The count as a reader sees it: exact up to `cap`, else `1000+`.
    public static func text(_ count: Int) -> String { isCapped(count) ? "\(cap)+" : "\(count)" }

    /// The count as the API answers it: never more than `cap` (the flag beside it says whether there are more).
    public static func shown(_ count: Int) -> Int { min(count, cap) }
}

/// One line of a work queue: the case and the name of the staff member who holds it, if any (the
/// account's full name, else its login; never the reporter).
public struct QueueEntry: Sendable, Equatable {
    public let stored: Case
    public let holder: String?

    public init(_ stored: Case, holder: String?) {
        self.stored = stored
        self.holder = holder
    }

    /// The longest snippet of the complaint's text a queue line shows.
    public static let snippetLength = 140

    /// The start of the complaint's text on one line, cut at a word with an ellipsis when longer than `snippetLength`.
    public var snippet: String {
        let flat = stored.description.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > Self.snippetLength else { return flat }
        let head = flat.prefix(Self.snippetLength)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut + "…"
    }
}
