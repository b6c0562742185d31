import Complaints
import Foundation
import Postgres
import Queue

/// Stores submissions: the complaint, its reporter, the first timeline event and the message to the
/// owning module, all in the caller's one transaction.
public enum ComplaintStore {
    /// The stored result of a submission.
    public struct Receipt: Sendable {
        public let id: Int64
        public let trackingCode: TrackingCode
        public let module: ModuleName
    }

    /// Why a submission could not be stored.
    public enum SubmitError: Error {
        case invalid([SubmissionProblem])
    }

    /// The category → subcategories map the submission validator needs.
    public static func knownCategories(_ connection: PostgresConnection) throws -> [String: Set<String>] {
        var known: [String: Set<String>] = [:]
        for row in try connection.query("""
            select c.code, s.code as sub from categories c
              join category_routes r on r.category_code = c.code
              left join subcategories s on s.category_code = c.code
            """) {
            let code: String = try row.decode("code")
            known[code, default: []].formUnion([row["sub"]].compactMap { $0 })
        }
        return known
    }

    /// Validates and stores a submission. Call inside a transaction: the complaint exists if and only
    /// if its message to the owning module does.
    /// - Throws: `SubmitError.invalid` with every problem, or `PostgresError`.
    public static func submit(_ submission: ComplaintSubmission, on connection: PostgresConnection) throws -> Receipt {
        let problems = submission.problems(knownCategories: try knownCategories(connection))
        guard problems.isEmpty else { throw SubmitError.invalid(problems) }
        guard let route = try connection.query(
            "select module_code, agency_code from category_routes where category_code = $1", [submission.category]).first
        else { throw SubmitError.invalid([.unknownCategory]) }
        let module = ModuleName(rawValue: try route.decode("module_code")) ?? .intake
        let agency: String = try route.decode("agency_code")

        var attempt = 0
        while true {
            let code = TrackingCode.generate()
            do {
                let id = try connection.savepoint("tracking_code") { connection -> Int64 in
                    try connection.query(SQL.insertComplaint, [
                        code.value, submission.category, submission.subcategory, module.rawValue, agency, submission.channel,
                        submission.description.trimmingCharacters(in: .whitespacesAndNewlines),
                        submission.location.nonEmpty, submission.kelurahan.nonEmpty, submission.kecamatan.nonEmpty,
                        submission.lat, submission.lon, submission.anonymous, submission.confidential,
                    ]).first!.decode("id", as: Int64.self)
                }
                if let contact = submission.contact, !contact.isEmpty {
                    try connection.query(SQL.insertReporter, [id, contact.name.nonEmpty, contact.email.nonEmpty, contact.phone.nonEmpty])
                }
                try connection.query(SQL.insertEvent, [id, "submitted", "citizen", true, ComplaintStatus.received.rawValue,
                                                       JSONText.encode(["channel": submission.channel])])
                try MessageQueue.send(on: connection, queue: module.queue,
                                      payload: ["type": "complaint.received", "complaint_id": id, "tracking_code": code.value],
                                      dedupeKey: "received:\(id)")
                return Receipt(id: id, trackingCode: code, module: module)
            } catch let error as PostgresError where error.kind == .uniqueViolation && attempt < 3 {
                attempt += 1  // 65 random bits make this practically unreachable; retry rather than fail
            }
        }
    }

    enum SQL {
        static let insertComplaint = """
            insert into complaints (tracking_code, category_code, subcategory_code, module_code, agency_code, channel_code,
                                    description, location, kelurahan, kecamatan, lat, lon, anonymous, confidential)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            returning id
            """
        static let insertReporter = "insert into complaint_reporters (complaint_id, name, email, phone) values ($1, $2, $3, $4)"
        static let insertEvent = """
            insert into complaint_events (complaint_id, kind, actor_role, public, to_status, details)
            values ($1, $2, $3, $4, $5, $6::jsonb)
            """
    }
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or whitespace-only text; trimmed text otherwise.
    var nonEmpty: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
