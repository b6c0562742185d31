import Complaints
import Postgres

/// The reporter's contact, read only for roles allowed to see it.
public enum ReporterStore {
    public static func contact(caseID: Int64, on connection: PostgresConnection) throws -> Contact? {
        try connection.query("select name, email, phone from complaint_reporters where complaint_id = $1", [caseID])
            .first.map { Contact(name: $0["name"], email: $0["email"], phone: $0["phone"]) }
    }
}
