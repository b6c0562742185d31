import Complaints
import Foundation
import Postgres
import Queue

/// The lost-code flow's persistence: the request on the reporter's queue, and the cases a contact
/// reported within `LostCodes.months`, looked up by the sender.
public enum LostCodeStore {
    /// Queues a lost-code request for the sender (the answer never depends on what it will find).
    public static func queue(_ request: LostCodes, on connection: PostgresConnection) throws {
        try MessageQueue.post(on: connection, queue: Destination.reporter.queue, json: MessageEnvelope.encode(request))
    }

    /// The contact's cases, newest first (at most 50), and the text channel its newest case chose.
    public static func cases(for request: LostCodeRequest, language: Language,
                             on connection: PostgresConnection) throws -> (codes: [LostCode], textChannel: NoticeChannel?) {
        let sql: String
        switch request {
        case .email: sql = SQL.byEmail
        case .phone: sql = SQL.byPhone
        }
        let rows = try connection.query(sql, [request.contact, LostCodes.months])
        var codes: [LostCode] = []
        var textChannel: NoticeChannel?
        for row in rows {
            guard let status = ComplaintStatus(rawValue: try row.decode("status")) else { continue }
            if codes.isEmpty { textChannel = (try row.decode("text_channel", as: String?.self)).flatMap(NoticeChannel.init(textChannel:)) }
            codes.append(LostCode(trackingCode: try row.decode("tracking_code"), status: status,
                                  confidential: try row.decode("confidential"),
                                  categoryName: try row.decode(language == .en ? "name_en" : "name_id"),
                                  filedAt: try row.decode("created_at")))
        }
        return (codes, textChannel)
    }

    enum SQL {
        static func cases(where condition: String) -> String {
            """
            select c.tracking_code, c.status, c.confidential, c.created_at, g.name_id, g.name_en, r.text_channel
              from complaint_reporters r
              join complaints c on c.id = r.complaint_id
              join categories g on g.code = c.category_code
             where \(condition) and c.created_at > now() - make_interval(months => $2::int)
             order by c.created_at desc
             limit 50
            """
        }
        /// Through the index complaint_reporters_email (migration 027).
        static let byEmail = cases(where: "lower(r.email) = lower($1::text) and r.email is not null")
        /// Through the index complaint_reporters_phone (migration 027).
        static let byPhone = cases(where: "hub_phone_key(r.phone) = hub_phone_key($1::text) and r.phone is not null")
    }
}
