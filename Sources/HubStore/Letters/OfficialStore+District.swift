import Complaints
import Foundation
import Postgres

/// The organisation of one kecamatan as its district admin keeps it: the accounts bound to it or
/// its desa/kelurahan, and their leave (recorded, listed, cancelled).
extension OfficialStore {
    /// The `where` of the accounts bound to a kecamatan or one of its desa/kelurahan ($1 the kecamatan).
    static let inDistrict = "(a.region_code = $1 or a.region_code like $1 || '.%')"

    /// Every letter account of a kecamatan and its desa/kelurahan, disabled ones too, by region and
    /// position, with the leave that covers `today`.
    public static func positions(in district: RegionCode, today: Int, on connection: PostgresConnection) throws -> [PositionHolder] {
        try connection.query("""
            select \(columns), a.login, a.active,
                   (select max(v.to_day) - date '1970-01-01' from staff_leave v
                     where v.account_id = a.id and v.cancelled_at is null
                       and date '1970-01-01' + $2::int between v.from_day and v.to_day) as leave_until
              from staff_accounts a
             where \(inDistrict) order by a.region_code, a.role, lower(a.login)
            """, [district.value, today]).map { row in
            PositionHolder(official: try official(row), login: try row.decode("login"), active: try row.decode("active"),
                           onLeaveUntil: try row.decode("leave_until"))
        }
    }

    /// The leaves of a kecamatan's officials that end today or later, cancelled ones too; soonest first.
    public static func leaves(in district: RegionCode, from today: Int, on connection: PostgresConnection) throws -> [RecordedLeave] {
        try connection.query("""
            \(leaveSelect) where \(inDistrict) and v.to_day >= date '1970-01-01' + $2::int order by v.from_day, v.id
            """, [district.value, today]).map(recordedLeave)
    }

    /// One leave by its id, locked for a change, or nil.
    public static func leave(_ id: Int64, on connection: PostgresConnection) throws -> RecordedLeave? {
        try connection.query("\(leaveSelect) where v.id = $1 for update of v", [id]).first.map(recordedLeave)
    }

    /// Cancels a leave (checked by the caller): the official holds their steps again at once.
    public static func cancelLeave(_ leave: RecordedLeave, by account: Account, address: String?, on connection: PostgresConnection) throws {
        try connection.query("update staff_leave set cancelled_at = now(), cancelled_by = $2 where id = $1", [leave.id, account.id])
        try AuditLog.record("leave.cancel", by: Acting(account.actor, from: address),
                            before: ["leave_id": leave.id, "account_id": leave.official.accountID, "stand_in_id": leave.standIn.accountID,
                                     "from_day": leave.leave.fromDay, "to_day": leave.leave.toDay], on: connection)
    }

    private static let leaveSelect = """
        select v.id as leave_id, v.from_day - date '1970-01-01' as from_day, v.to_day - date '1970-01-01' as to_day,
               v.cancelled_at is not null as cancelled, \(columns), a.login,
               s.id as s_id, s.role as s_role, s.region_code as s_region_code, coalesce(s.full_name, s.login) as s_full_name,
               s.nip as s_nip, s.login as s_login
          from staff_leave v join staff_accounts a on a.id = v.account_id join staff_accounts s on s.id = v.stand_in_id
        """

    private static func recordedLeave(_ row: PostgresRow) throws -> RecordedLeave {
        let absent = try official(row)
        let role: String = try row.decode("s_role"), region: String = try row.decode("s_region_code")
        guard let position = LetterPosition(rawValue: role), let code = RegionCode(region) else {
            throw PostgresError.decoding(column: "s_role", expected: "LetterPosition", value: role)
        }
        let standIn = Official(accountID: try row.decode("s_id"), position: position, region: code, name: try row.decode("s_full_name"),
                               nip: try row.decode("s_nip"))
        return RecordedLeave(id: try row.decode("leave_id"),
                             leave: Leave(accountID: absent.accountID, fromDay: try row.decode("from_day"), toDay: try row.decode("to_day"),
                                          standInID: standIn.accountID),
                             official: absent, login: try row.decode("login"), standIn: standIn, standInLogin: try row.decode("s_login"),
                             cancelled: try row.decode("cancelled"))
    }
}
