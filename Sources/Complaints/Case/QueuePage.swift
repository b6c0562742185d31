/// Which part of a work queue a reader asks for: `size` cases from the `number`th page on (1-based),
/// in the queue's order. A whole queue is at most `largestSize` cases, as it always was.
public struct QueuePage: Sendable, Equatable {
    /// The most cases one page lists, and the size of a page nobody asked for.
    public static let largestSize = 200
    /// How many pages a reader may page through: a queue is worked from its head, not read to its end.
    public static let lastNumber = 1_000

    public let size: Int
    public let number: Int

    /// - Throws: `Refusal.invalidPageSize` or `.invalidPage` for a value outside its range.
    public init(size: Int = QueuePage.largestSize, number: Int = 1) throws {
        guard (1...Self.largestSize).contains(size) else { throw Refusal.invalidPageSize }
        guard (1...Self.lastNumber).contains(number) else { throw Refusal.invalidPage }
        self.size = size
        self.number = number
    }

    /// The first page of the largest size.
    public static let first = try! QueuePage()

    /// The cases before this page.
    public var offset: Int { (number - 1) * size }
}
