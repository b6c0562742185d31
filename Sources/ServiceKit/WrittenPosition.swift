import HTTP
import Postgres

/// Read-your-writes when public reads go to a replica: the service that took a citizen's write (a
/// complaint, a reply, feedback) tells the browser the WAL position its commit reached in a
/// short-lived cookie, and a service reading for that browser reads from the replica only once the
/// replica has replayed that far (`ReadPool`, `ReadRoute.Reason.behindWriter`); before that, from the
/// primary. So the confirmation page after the form's 303 always shows the new complaint.
///
/// The cookie is `hub_written` (`__Host-hub_written` with Secure cookies, as the staff cookies are
/// named), HttpOnly, SameSite=Strict, at `Path=/` so that every page the citizen opens next (their
/// case, its photos, the public list) reads their write; it lives `lifetime` seconds. It holds no
/// personal data, only a position in the log. A client that sends a made-up position only sends its
/// own reads to the primary, as every read went before replicas.
public enum WrittenPosition {
    /// Seconds the cookie lives: longer than the lag a replica may be read at (60 s at most), after
    /// which the replica has replayed the write or is no longer read.
    public static let lifetime = 90

    static var cookie: StaffCookie { StaffCookie(baseName: "hub_written", plainPath: "/") }

    /// The position the request's cookie names; nil when it sent none or one that does not read.
    public static func position(in request: HTTPRequest) -> WALPosition? {
        cookie.value(in: request).flatMap(WALPosition.init)
    }

    /// The `Set-Cookie` value that hands `position` to the client.
    public static func setting(_ position: WALPosition) -> String {
        cookie.setting(position.description, maxAge: lifetime)
    }
}

extension HTTPResponse {
    /// Tells the client where its write reached (`WrittenPosition`); nothing when `written` is nil
    /// (no replica is read, so none needs telling).
    public mutating func remember(_ written: WALPosition?) {
        if let written { headers.add("Set-Cookie", WrittenPosition.setting(written)) }
    }

    /// The same response telling the client where its write reached.
    public func remembering(_ written: WALPosition?) -> HTTPResponse {
        var response = self
        response.remember(written)
        return response
    }
}

extension ReadPool {
    /// A lag-tolerant read for `request`: on the replica once it is past the position the request's
    /// cookie names (its sender's own last write), else on the primary.
    public func withConnection<T>(for request: HTTPRequest, _ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection(after: WrittenPosition.position(in: request), body)
    }

    /// A lookup of one thing for `request` (`lookup(after:_:)`): the primary once more when the replica found nothing.
    public func lookup<T>(for request: HTTPRequest, _ body: (PostgresConnection) throws -> T?) throws -> T? {
        try lookup(after: WrittenPosition.position(in: request), body)
    }
}
