import Foundation
import Postgres

/// Village and kelurahan officials registered as verified reporters, matched by email or phone.
public enum VerifiedReporterStore {
    /// Registers an official.
    /// - Returns: the new registration's id.
    @discardableResult
    public static func add(name: String, position: String, kelurahan: String?, email: String?, phone: String?,
                           on connection: PostgresConnection) throws -> Int64 {
        try connection.query("""
            insert into verified_reporters (name, position, kelurahan, email, phone) values ($1, $2, $3, $4, $5) returning id
            """, [name, position, kelurahan, email, phone.map(digits)])[0].decode("id", as: Int64.self)
    }

    /// Active registrations as lines of text, for operators.
    public static func list(on connection: PostgresConnection) throws -> [String] {
        try connection.query("""
            select id, name, position, coalesce(kelurahan, '-') as kelurahan, coalesce(email, '-') as email, coalesce(phone, '-') as phone
              from verified_reporters where active order by id
            """).map { row in
            [try row.decode("id", as: Int64.self).description, try row.decode("name", as: String.self),
             try row.decode("position", as: String.self), try row.decode("kelurahan", as: String.self),
             try row.decode("email", as: String.self), try row.decode("phone", as: String.self)].joined(separator: "\t")
        }
    }

    /// Whether the case came from an active verified reporter, known by a contact that an
    /// authenticated source gave (the SMS gateway's sender number, a staff account at the desk: a
    /// channel whose `authenticates_contact` is set). A contact the submitter typed proves nothing.
    public static func reportedByVerified(caseID: Int64, on connection: PostgresConnection) throws -> Bool {
        let vouched = try connection.query("""
            select ch.authenticates_contact from complaints c join channels ch on ch.code = c.channel_code where c.id = $1
            """, [caseID]).first?.decode("authenticates_contact", as: Bool.self) ?? false
        guard vouched, let contact = try ReporterStore.contact(caseID: caseID, on: connection) else { return false }
        let email = contact.email?.trimmingCharacters(in: .whitespaces).lowercased()
        let phone = contact.phone.map(digits)
        guard email?.isEmpty == false || phone?.isEmpty == false else { return false }
        return try !connection.query("""
            select 1 from verified_reporters
             where active and ((email is not null and lower(email) = $1) or (phone is not null and phone = $2))
            """, [email, phone]).isEmpty
    }

    /// Phone numbers compared by their digits, with the national 0 read as +62.
    static func digits(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        return digits.hasPrefix("0") ? "62" + digits.dropFirst() : digits
    }
}
