/// How a citizen rates a resolution: 1 (not solved at all) to 5 (well solved). Only a low rating
/// may reopen a case, so a reopened case always says the citizen was unhappy with the result.
public enum CitizenRating {
    public static let scale = 1...5
    public static let reopening = 1...2
}
