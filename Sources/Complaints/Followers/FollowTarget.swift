/// What a citizen asks to follow: a case by its tracking code (its tracking page, the API), or a
/// public report by its public id (its page `/laporan/{id}`, reached from the list, the map or the
/// form's reports near a point). Either way the follower hears of it by its public id and public
/// page, never by its tracking code, which is the reporter's own handle on the case.
public enum FollowTarget: Sendable, Equatable {
    case trackingCode(String)
    case report(Int64)
}
