import Complaints
import Foundation
import Postgres
import Queue

/// Followers of public cases (`complaint_followers`, migration 027): a pending follow with its
/// confirmation mail queued in the same transaction, confirmed and ended by the tokens of its links.
/// An address is read only by the sender.
public enum FollowerStore {
    /// A confirmed follower, as the sender reaches them.
    public struct Follower: Sendable, Equatable {
        public let id: Int64
        public let email: String
        public let language: Language
        public let unsubscribeToken: String
    }

    /// A follow waiting for its confirmation, as the confirmation mail needs it.
    public struct Pending: Sendable, Equatable {
        public let email: String
        public let language: Language
        public let confirmToken: String
        /// The followed case: its public id, the number its messages and pages give it.
        public let complaintID: Int64
    }

    /// Stores a pending follow of the case `target` names and queues its confirmation mail, in one transaction.
    /// - Returns: the followed case's public id (what the follower's pages and mails name it by).
    /// - Throws: `Refusal` (`Following.check`'s; `.complaintNotFound` or `.reportNotFound` for no such
    ///   case or report; `.alreadyFollowing`: nothing stored twice).
    @discardableResult
    public static func follow(_ target: FollowTarget, email: String?, language: Language, on pool: PostgresPool) throws -> Int64 {
        try pool.transaction { connection in
            let found: PostgresRow?
            switch target {
            case .trackingCode(let code): found = try connection.query(SQL.findCase, [code]).first
            case .report(let id): found = try connection.query(SQL.findReport, [id]).first
            }
            if found == nil, case .report = target { throw Refusal.reportNotFound }
            let address = try Following.check(email: email, caseConfidential: try found?.decode("confidential", as: Bool.self))
            guard let caseID = try found?.decode("id", as: Int64.self) else { throw Refusal.complaintNotFound }
            guard let row = try connection.query(SQL.insert, [caseID, address, language.rawValue, Following.token(), Following.token()]).first
            else { throw Refusal.alreadyFollowing }
            let confirmation = FollowerConfirmation(followerID: try row.decode("id"))
            try MessageQueue.post(on: connection, queue: Destination.reporter.queue, json: MessageEnvelope.encode(confirmation))
            return caseID
        }
    }

    /// What a link names, read without changing anything: the page a link opens asks for its button first.
    public struct Followed: Sendable, Equatable {
        /// The followed case's public id.
        public let report: Int64
        public let language: Language
        public let confirmed: Bool
    }

    /// The follow a link's token names, nil for an unknown token (never issued, or its follow ended).
    public static func followed(by link: FollowLink, token: String, on connection: PostgresConnection) throws -> Followed? {
        guard Following.looksLikeToken(token) else { return nil }
        return try connection.query(SQL.byToken(of: link), [token]).first.map {
            Followed(report: try $0.decode("complaint_id"), language: Language(code: try $0.decode("language")),
                     confirmed: try $0.decode("confirmed"))
        }
    }

    /// Starts a pending follow (a second confirmation changes nothing).
    /// - Returns: the followed case's public id and the follower's language, nil for an unknown token.
    public static func confirm(token: String, on connection: PostgresConnection) throws -> (report: Int64, language: Language)? {
        guard Following.looksLikeToken(token) else { return nil }
        return try connection.query(SQL.confirm, [token]).first.map { (try $0.decode("complaint_id"), Language(code: try $0.decode("language"))) }
    }

    /// Ends a follow, pending or confirmed: its row (and its address) is deleted.
    /// - Returns: the case's public id and the follower's language, nil for an unknown token.
    public static func unsubscribe(token: String, on connection: PostgresConnection) throws -> (report: Int64, language: Language)? {
        guard Following.looksLikeToken(token) else { return nil }
        return try connection.query(SQL.unsubscribe, [token]).first.map { (try $0.decode("complaint_id"), Language(code: try $0.decode("language"))) }
    }

    /// A pending follow, for its confirmation mail (nil when it is gone or already confirmed).
    public static func pending(id: Int64, on connection: PostgresConnection) throws -> Pending? {
        try connection.query(SQL.pending, [id]).first.map {
            Pending(email: try $0.decode("email"), language: Language(code: try $0.decode("language")),
                    confirmToken: try $0.decode("confirm_token"), complaintID: try $0.decode("complaint_id"))
        }
    }

    /// The case's confirmed followers.
    public static func followers(of caseID: Int64, on connection: PostgresConnection) throws -> [Follower] {
        try connection.query(SQL.confirmed, [caseID]).map {
            Follower(id: try $0.decode("id"), email: try $0.decode("email"), language: Language(code: try $0.decode("language")),
                     unsubscribeToken: try $0.decode("unsubscribe_token"))
        }
    }

    enum SQL {
        static let findCase = "select id, confidential from complaints where tracking_code = $1"
        /// A report the public list shows (public_reports' `listed`, not a part): another has no public page to follow.
        static let findReport = """
            select id, false as confidential from complaints
             where id = $1 and not confidential and not inspectorate and parent_id is null
            """
        /// Nothing when the address already follows the case (complaint_followers_once).
        static let insert = """
            insert into complaint_followers (complaint_id, email, language, confirm_token, unsubscribe_token)
            values ($1, $2, $3, $4, $5)
            on conflict (complaint_id, lower(email)) do nothing
            returning id
            """
        static let confirm = """
            update complaint_followers set confirmed_at = coalesce(confirmed_at, now())
             where confirm_token = $1
            returning complaint_id, language
            """
        /// The follow a link's token names: its column is the link's own (`confirm_token`, `unsubscribe_token`).
        static func byToken(of link: FollowLink) -> String {
            """
            select complaint_id, language, confirmed_at is not null as confirmed
              from complaint_followers
             where \(link.rawValue)_token = $1
            """
        }
        static let unsubscribe = """
            delete from complaint_followers where unsubscribe_token = $1
            returning complaint_id, language
            """
        static let pending = """
            select email, language, confirm_token, complaint_id
              from complaint_followers
             where id = $1 and confirmed_at is null
            """
        static let confirmed = """
            select id, email, language, unsubscribe_token from complaint_followers
             where complaint_id = $1 and confirmed_at is not null order by id
            """
    }
}
