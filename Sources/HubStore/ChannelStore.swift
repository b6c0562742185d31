import Complaints
import Postgres

/// The intake channels a desk submission names (`intake_channels`, migration 021) and the record
/// of which one a complaint came through (`complaint_intake_channels`).
public enum ChannelStore {
    /// The channels the desk offers: the active ones, in the table's order.
    /// - Throws: `PostgresError`.
    public static func offered(on connection: PostgresConnection) throws -> [IntakeChannel] {
        try connection.query(SQL.offered).map(IntakeChannel.init(row:))
    }

    /// Records that a complaint came through `channel`, inside the submission's transaction.
    /// - Throws: `Refusal.unknownIntakeChannel` when the channel was retired or removed since it was
    ///   chosen (the caller's transaction then stores nothing); `PostgresError`.
    public static func record(_ channel: IntakeChannel, complaintID: Int64, on connection: PostgresConnection) throws {
        guard try !connection.query(SQL.record, [complaintID, channel.code]).isEmpty else {
            throw Refusal.unknownIntakeChannel
        }
    }

    /// The channel a complaint came through, or nil when none was recorded.
    /// - Throws: `PostgresError`.
    public static func channel(ofComplaint complaintID: Int64, on connection: PostgresConnection) throws -> IntakeChannel? {
        try connection.query(SQL.ofComplaint, [complaintID]).first.map(IntakeChannel.init(row:))
    }

    enum SQL {
        static let offered = "select code, name_id, name_en from intake_channels where active order by position, code"
        /// Inserts only an active channel's row, so a channel retired in between is refused, not stored.
        static let record = """
            insert into complaint_intake_channels (complaint_id, intake_channel_code)
            select $1, code from intake_channels where code = $2 and active
            returning complaint_id
            """
        static let ofComplaint = """
            select i.code, i.name_id, i.name_en from complaint_intake_channels c
              join intake_channels i on i.code = c.intake_channel_code
             where c.complaint_id = $1
            """
    }
}

extension IntakeChannel {
    init(row: PostgresRow) throws {
        self.init(code: try row.decode("code"), nameID: try row.decode("name_id"), nameEN: try row.decode("name_en"))
    }
}
