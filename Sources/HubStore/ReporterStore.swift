import Complaints
import Postgres

/// The reporter's contact, read only for roles allowed to see it.
public enum ReporterStore {
    public static func contact(caseID: Int64, on connection: PostgresConnection) throws -> Contact? {
        try connection.query("select name, email, phone from complaint_reporters where complaint_id = $1", [caseID])
            .first.map { Contact(name: $0["name"], email: $0["email"], phone: $0["phone"]) }
    }

    /// Whether `phone` is the number the reporter left on the case (compared as verified reporters'
    /// numbers are: by their digits, the national 0 read as +62). An empty number is no one's.
    public static func isReporter(phone: String, caseID: Int64, on connection: PostgresConnection) throws -> Bool {
        let given = VerifiedReporterStore.digits(phone)
        guard !given.isEmpty, let stored = try contact(caseID: caseID, on: connection)?.phone else { return false }
        return VerifiedReporterStore.digits(stored) == given
    }
}
