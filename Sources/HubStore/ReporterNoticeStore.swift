import Complaints
import Postgres

/// What the sender of the reporter's notices reads and writes: whom a notice reaches, and the ledger
/// of deliveries (`reporter_deliveries`, migration 020) that keeps each at most once.
public enum ReporterNoticeStore {
    /// Whom a notice reaches and in which language, with the agency it names in that language.
    public struct Recipient: Sendable, Equatable {
        public let email: String?
        public let phone: String?
        /// The text channel the reporter chose; nil: the deployment's default.
        public let textChannel: NoticeChannel?
        public let language: Language
        /// The public name of the agency the notice names, in `language`.
        public let agencyName: String?
    }

    /// The reporter of the notice's case, or nil when they left no way to reach them (or it was deleted).
    public static func recipient(of notice: ReporterNotice, on connection: PostgresConnection) throws -> Recipient? {
        guard let row = try connection.query(SQL.recipient, [notice.complaintID, notice.agency]).first else { return nil }
        let language = Language(code: try row.decode("language"))
        return Recipient(email: try row.decode("email"), phone: try row.decode("phone"),
                         textChannel: (try row.decode("text_channel", as: String?.self)).flatMap(NoticeChannel.init(textChannel:)),
                         language: language,
                         agencyName: try row.decode(language == .en ? "name_en" : "name_id"))
    }

    /// The public name of an agency in `language` (nil for no agency, or an unknown one).
    public static func agencyName(_ code: String?, language: Language, on connection: PostgresConnection) throws -> String? {
        guard let code else { return nil }
        return try connection.query(SQL.agencyName, [code]).first?.decode(language == .en ? "name_en" : "name_id")
    }

    /// Claims one delivery: true when this caller may send it, false when a delivery with this key
    /// was claimed before (sent, being sent, or left unknown by a crash). Commits by itself: call it
    /// on a connection outside any transaction, just before the step that cannot be taken back.
    public static func claim(_ key: String, caseID: Int64?, channel: NoticeChannel, on connection: PostgresConnection) throws -> Bool {
        try !connection.query(SQL.claim, [key, caseID, channel.rawValue]).isEmpty
    }

    /// Records that the other side accepted the delivery.
    public static func confirm(_ key: String, on connection: PostgresConnection) throws {
        try connection.query(SQL.confirm, [key])
    }

    /// Gives a claim back after a failure that certainly sent nothing, so a retry may send it.
    public static func release(_ key: String, on connection: PostgresConnection) throws {
        try connection.query(SQL.release, [key])
    }

    /// Whether a delivery with this key was claimed (sent, being sent, or left unknown by a crash).
    public static func isClaimed(_ key: String, on connection: PostgresConnection) throws -> Bool {
        try !connection.query(SQL.claimed, [key]).isEmpty
    }

    enum SQL {
        /// True when the case `$7` has a reporter who left an email or a phone, or a confirmed
        /// follower (a condition of `MessageQueue.post`).
        static let reachable = """
            (exists (select 1 from complaint_reporters where complaint_id = $7 and (email is not null or phone is not null))
             or exists (select 1 from complaint_followers where complaint_id = $7 and confirmed_at is not null))
            """
        static let recipient = """
            select r.email, r.phone, r.text_channel, r.language, a.name_id, a.name_en
              from complaint_reporters r left join agencies a on a.code = $2::text
             where r.complaint_id = $1 and (r.email is not null or r.phone is not null)
            """
        static let claim = """
            insert into reporter_deliveries (key, complaint_id, channel) values ($1, $2, $3)
            on conflict (key) do nothing
            returning key
            """
        static let agencyName = "select name_id, name_en from agencies where code = $1"
        static let confirm = "update reporter_deliveries set sent_at = now() where key = $1"
        static let release = "delete from reporter_deliveries where key = $1 and sent_at is null"
        static let claimed = "select 1 from reporter_deliveries where key = $1"
    }
}
