import Complaints
import Foundation
import Postgres

/// The letter officials (accounts of the letter roles, with the name and NIP their signature
/// carries) and their leave.
public enum OfficialStore {
    static let columns = "a.id, a.role, a.region_code, coalesce(a.full_name, a.login) as full_name, a.nip"

    /// The official behind an account, or nil for an account of no letter role.
    public static func official(_ account: Account, on connection: PostgresConnection) throws -> Official? {
        try connection.query("select \(columns) from staff_accounts a where a.id = $1 and a.active and a.region_code is not null",
                             [account.id]).first.map(official)
    }

    /// The active officials of a position in a region.
    public static func holders(_ position: LetterPosition, in region: RegionCode, on connection: PostgresConnection) throws -> [Official] {
        try connection.query("""
            select \(columns) from staff_accounts a where a.active and a.role = $1 and a.region_code = $2 order by a.id
            """, [position.rawValue, region.value]).map(official)
    }

    /// The active letter official with a login, or nil.
    public static func official(login: String, on connection: PostgresConnection) throws -> Official? {
        try connection.query("""
            select \(columns) from staff_accounts a where lower(a.login) = lower($1) and a.active and a.region_code is not null
            """, [login]).first.map(official)
    }

    static func official(_ row: PostgresRow) throws -> Official {
        let role: String = try row.decode("role"), region: String = try row.decode("region_code")
        guard let position = LetterPosition(rawValue: role), let code = RegionCode(region) else {
            throw PostgresError.decoding(column: "role", expected: "LetterPosition", value: role)
        }
        return Official(accountID: try row.decode("id"), position: position, region: code, name: try row.decode("full_name"),
                        nip: try row.decode("nip"))
    }

    /// The leaves of these accounts that cover a local day.
    public static func leaves(of accounts: [Int64], covering day: Int, on connection: PostgresConnection) throws -> [Leave] {
        try connection.query("""
            select account_id, from_day - date '1970-01-01' as from_day, to_day - date '1970-01-01' as to_day, stand_in_id
              from staff_leave
             where account_id = any(string_to_array($1, ',')::bigint[])
               and date '1970-01-01' + $2::int between from_day and to_day and cancelled_at is null
             order by id desc
            """, [accounts.map(String.init).joined(separator: ","), day]).map { row in
            Leave(accountID: try row.decode("account_id"), fromDay: try row.decode("from_day"), toDay: try row.decode("to_day"),
                  standInID: try row.decode("stand_in_id"))
        }
    }

    /// Who holds a letter's step today, for `LetterChain`: the step's officials and the leaves that
    /// cover today (theirs and the acting official's).
    public static func desk(for letter: Letter, actor: Official, today: Int, on connection: PostgresConnection) throws -> StepDesk {
        guard let position = letter.step.position else { return StepDesk(holders: [], leaves: [], today: today) }
        let holders = try holders(position, in: letter.region(of: letter.step), on: connection)
        let leaves = try leaves(of: holders.map(\.accountID) + [actor.accountID], covering: today, on: connection)
        return StepDesk(holders: holders, leaves: leaves, today: today)
    }

    /// Records a leave: the official's steps go to the stand-in from `fromDay` to `toDay`.
    /// - Returns: the leave's id.
    @discardableResult
    public static func recordLeave(_ leave: Leave, by account: Account, address: String?, on connection: PostgresConnection) throws -> Int64 {
        let id = try connection.query("""
            insert into staff_leave (account_id, from_day, to_day, stand_in_id, created_by)
            values ($1, date '1970-01-01' + $2::int, date '1970-01-01' + $3::int, $4, $5) returning id
            """, [leave.accountID, leave.fromDay, leave.toDay, leave.standInID, account.id])[0].decode("id", as: Int64.self)
        try AuditLog.record("leave.record", by: Acting(account.actor, from: address),
                            after: ["leave_id": id, "account_id": leave.accountID, "stand_in_id": leave.standInID,
                                    "from_day": leave.fromDay, "to_day": leave.toDay], on: connection)
        return id
    }

    /// Sets the name and NIP an official's signature carries.
    public static func setParticulars(login: String, name: String?, nip: String?, on connection: PostgresConnection) throws {
        try connection.query("""
            update staff_accounts set full_name = coalesce($2, full_name), nip = coalesce($3, nip) where lower(login) = lower($1)
            """, [login, name, nip])
    }
}
