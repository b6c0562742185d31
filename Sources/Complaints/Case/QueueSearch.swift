import Foundation

/// What a staff member typed in the queue's search box (`q`): words to find in a case's description
/// and location, and, when the text reads as one, a tracking code to match exactly.
public struct QueueSearch: Sendable, Equatable {
    /// The fewest characters a search needs: the text index (pg_trgm) finds words by their
    /// three-letter pieces, and a shorter text has none, so it would read every open case.
    public static let shortest = 3
    /// The longest search text (a description is at most 4,000 characters; nobody types that).
    public static let longest = 200

    /// The text as typed, spaces at the ends removed.
    public let text: String
    /// The tracking code the text reads as (any case, with spaces or dashes), if it does.
    public let code: String?

    /// - Throws: `Refusal.invalidSearch` for a text shorter than `shortest` or longer than `longest`
    ///   characters (a tracking code is always long enough).
    public init(_ typed: String) throws {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (Self.shortest...Self.longest).contains(text.count), !text.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw Refusal.invalidSearch
        }
        self.text = text
        self.code = TrackingCode(parsing: text)?.value
    }

    /// The text as a `LIKE` pattern that finds it anywhere: its own `%`, `_` and `\` stand for themselves.
    public var containsPattern: String {
        var pattern = "%"
        for character in text {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}
