/// How a citizen rates a resolution: 1 (not solved at all) to 5 (well solved). Only a low rating
/// may reopen a case, so a reopened case always says the citizen was unhappy with the result.
public enum CitizenRating {
    public static let scale = 1...5
    public static let reopening = 1...2

    /// The action a citizen's answer to a resolution asks for: a low rating reopens the case, any
    /// other accepts it, keeping the reason as the citizen's comment (and a rating off the scale is
    /// refused by `accept`, which names the scale).
    public static func answer(rating: Int, reason: String) -> CaseAction {
        reopening.contains(rating) ? .reopen(reason: reason, rating: rating)
            : .accept(rating: rating, comment: reason.isBlank ? nil : reason)
    }
}
