import Complaints
import Foundation
import HubStore
import Postgres

/// The district admin's use cases, behind the JSON API and the pages under `/staff/district`: who
/// holds each position, new accounts for the kecamatan and its desa/kelurahan, leave recorded,
/// listed and cancelled. `DistrictAdministration` decides; every change is audited.
extension LetterDesk {
    /// A leave as it is asked for: the absent official's and the stand-in's logins, the days.
    public struct LeaveEntry: Sendable {
        public let login: String
        public let fromDay: Int
        public let toDay: Int
        public let standIn: String

        public init(login: String, fromDay: Int, toDay: Int, standIn: String) {
            self.login = login
            self.fromDay = fromDay
            self.toDay = toDay
            self.standIn = standIn
        }
    }

    /// A new official's account, as the district admin enters it.
    public struct NewOfficial: Sendable {
        public let login: String
        public let password: String
        public let role: String
        public let region: String?
        public let name: String?
        public let nip: String?

        public init(login: String, password: String, role: String, region: String?, name: String?, nip: String?) {
            self.login = login
            self.password = password
            self.role = role
            self.region = region
            self.name = name
            self.nip = nip
        }
    }

    /// The district admin behind an account.
    /// - Throws: `Refusal.districtAdminOnly` for any other account (before anything else is read).
    static func admin(_ account: Account, on connection: PostgresConnection) throws -> Official {
        guard account.role == .districtAdmin else { throw Refusal.districtAdminOnly }
        return try DistrictAdministration.admin(try OfficialStore.official(account, on: connection))
    }

    /// Who holds each position of the admin's kecamatan and its desa/kelurahan, and today's local day.
    public func positions(for account: Account) throws -> (district: RegionCode, holders: [PositionHolder], today: Int) {
        try pool.withConnection { connection in
            let admin = try Self.admin(account, on: connection)
            let today = try CategoryStore.calendar(connection).day(of: Date())
            return (admin.region, try OfficialStore.positions(in: admin.region, today: today, on: connection), today)
        }
    }

    /// Creates an official's account in the admin's kecamatan or one of its desa/kelurahan, with the
    /// name and NIP their signature carries; audited with the admin and their address.
    /// - Throws: `Refusal` (`districtAdminOnly`, `loginAndPasswordRequired`, `invalidLetterRole`,
    ///   `regionOfPosition`, `outsideDistrict`, `invalidAccount`, `loginTaken`).
    public func createOfficial(_ new: NewOfficial, by account: Account, address: String?) throws -> Official {
        try pool.transaction { connection -> Official in
            let admin = try Self.admin(account, on: connection)
            let login = new.login.trimmingCharacters(in: .whitespaces)
            guard !login.isEmpty, !new.password.isEmpty else { throw Refusal.loginAndPasswordRequired }
            guard let role = Role(rawValue: new.role) else { throw Refusal.invalidLetterRole }
            let region = try DistrictAdministration.checkNewOfficial(role: role, region: new.region, by: admin)
            let name = (new.name?.trimmingCharacters(in: .whitespaces)).nonBlank, nip = (new.nip?.trimmingCharacters(in: .whitespaces)).nonBlank
            if let name, name.count > 120 { throw Refusal.invalidAccount("name of at most 120 characters") }
            if let nip, !(nip.utf8.count == 18 && nip.utf8.allSatisfy({ (48...57).contains($0) })) {
                throw Refusal.invalidAccount("a NIP is 18 digits")
            }
            let manager = AccountManager.district(id: account.id)
            let created: Account
            do {
                created = try AccountStore.create(login: login, password: new.password, role: role, module: nil, region: region.value,
                                                  by: manager, on: connection)
            } catch let error as AccountStore.AccountError {
                throw AccountRequest.refusal(error, creating: true)
            }
            try OfficialStore.setParticulars(login: created.login, name: name, nip: nip, on: connection)
            try AccountRequest.audit(created, by: Acting(manager, from: address), on: connection)
            guard let official = try OfficialStore.official(created, on: connection) else { throw Refusal.officialNotFound }
            return official
        }
    }

    /// Records a leave of an official of the admin's kecamatan, with a stand-in of the same region.
    /// - Returns: the leave's id.
    public func recordLeave(_ entry: LeaveEntry, by account: Account, address: String?) throws -> Int64 {
        try pool.transaction { connection in
            let admin = try Self.admin(account, on: connection)
            guard let absent = try OfficialStore.official(login: entry.login, on: connection) else { throw Refusal.officialNotFound }
            let standIn = try OfficialStore.official(login: entry.standIn, on: connection)
            try DistrictAdministration.checkLeave(of: absent, standIn: standIn, by: admin)
            return try OfficialStore.recordLeave(Leave(accountID: absent.accountID, fromDay: entry.fromDay, toDay: entry.toDay,
                                                       standInID: standIn!.accountID),
                                                 by: account, address: address, on: connection)
        }
    }

    /// The leaves of the admin's kecamatan that end today or later, cancelled ones too, and today.
    public func leaves(for account: Account) throws -> (leaves: [RecordedLeave], today: Int) {
        try pool.withConnection { connection in
            let admin = try Self.admin(account, on: connection)
            let today = try CategoryStore.calendar(connection).day(of: Date())
            return (try OfficialStore.leaves(in: admin.region, from: today, on: connection), today)
        }
    }

    /// Cancels a leave of the admin's kecamatan: the official holds their own steps again.
    /// - Throws: `Refusal.leaveNotFound`, `.leaveOver`.
    public func cancelLeave(_ id: Int64, by account: Account, address: String?) throws -> RecordedLeave {
        try pool.transaction { connection in
            let admin = try Self.admin(account, on: connection)
            guard let leave = try OfficialStore.leave(id, on: connection) else { throw Refusal.leaveNotFound }
            try DistrictAdministration.checkCancel(leave, by: admin, today: try CategoryStore.calendar(connection).day(of: Date()))
            try OfficialStore.cancelLeave(leave, by: account, address: address, on: connection)
            return try OfficialStore.leave(id, on: connection) ?? leave
        }
    }
}
