import Complaints
import HTTP

/// The citizen's answer to a resolution as its route read it (the tracking page's form or the API's
/// JSON): a rating, nil when it is not a whole number, and a reason.
public struct CitizenAnswer: Sendable, Equatable {
    public var rating: Int?
    public var reason: String

    public init(rating: Int?, reason: String) {
        self.rating = rating
        self.reason = reason
    }

    /// `{"rating": 1…5, "reason": "…" or null}`.
    /// - Throws: `Refusal.ratingOutOfScale` when the rating is not a whole number,
    ///   `Refusal.answerReasonNotText` when the reason is neither text nor null.
    public init(json body: JSONObjectReader) throws(Refusal) {
        guard let whole = body.members["rating"]?.wholeNumber else { throw Refusal.ratingOutOfScale }
        rating = whole
        switch body.members["reason"] {
        case nil, .null?: reason = ""
        case .string(let text)?: reason = text
        default: throw Refusal.answerReasonNotText
        }
    }

    /// The tracking page's form: `rating` and `reason` (the first of each).
    public init(form fields: [(name: String, value: String)]) {
        rating = Int(fields.first { $0.name == "rating" }?.value ?? "")
        reason = fields.first { $0.name == "reason" }?.value ?? ""
    }
}
