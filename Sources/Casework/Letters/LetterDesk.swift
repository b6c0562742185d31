import Complaints
import Foundation
import HubStore
import Postgres

/// The letter desks' use cases (PETUNG DADI), one function each, behind both the JSON API under
/// `/api/v1/staff/letters` and the staff pages under `/staff/letters`: entering a letter, the queue
/// of my desk, a letter with the actions I may take, acting on it. The chain decides
/// (`LetterChain`); the store loads and writes.
public struct LetterDesk: Sendable {
    public let pool: PostgresPool
    public let finishing: LetterFinishing

    public init(pool: PostgresPool, finishing: LetterFinishing) {
        self.pool = pool
        self.finishing = finishing
    }

    /// A letter as the village front office enters it.
    public struct Entry: Sendable {
        public let type: String
        /// The village the entry names, which must be the front office's own; nil for its own.
        public let village: String?
        public let applicant: [String: String]
        public let fields: [String: String]

        public init(type: String, village: String?, applicant: [String: String], fields: [String: String]) {
            self.type = type
            self.village = village
            self.applicant = applicant
            self.fields = fields
        }
    }

    /// The official behind a signed-in account.
    /// - Throws: `Refusal.letterRolesOnly` for an account of no letter role.
    public static func official(_ account: Account, on connection: PostgresConnection) throws -> Official {
        guard let official = try OfficialStore.official(account, on: connection) else { throw Refusal.letterRolesOnly }
        return official
    }

    /// The action a path names, with the reason a return or a rejection carries.
    /// - Throws: `Refusal.unknownAction` for another name, `.letterReasonRequired` without a reason (a
    ///   blank one is the chain's to refuse).
    public static func action(_ name: String, reason: String?) throws -> LetterAction {
        switch name {
        case "pass": return .pass
        case "sign": return .sign
        case "return", "reject":
            guard let reason else { throw Refusal.letterReasonRequired }
            return name == "return" ? .return(reason: reason) : .reject(reason: reason)
        default: throw Refusal.unknownAction(name)
        }
    }

    /// The active letter types.
    public func types() throws -> [LetterType] { try pool.withConnection { try LetterTypeStore.all(on: $0) } }

    /// The village front office enters a letter for its own village: checked against its type and stored.
    /// - Throws: `Refusal` (`roleMayNotDoThis`, `wrongVillage`, `unknownLetterType`, the applicant's and the type's checks).
    public func enter(_ entry: Entry, by account: Account, address: String?) throws -> Letter {
        try pool.transaction { connection -> Letter in
            let official = try Self.official(account, on: connection)
            guard official.position == .villageFrontOffice else { throw Refusal.roleMayNotDoThis }
            if let village = entry.village, village != official.region.value { throw Refusal.wrongVillage }
            guard let type = try LetterTypeStore.find(entry.type, on: connection) else { throw Refusal.unknownLetterType }
            let applicant = try Applicant(values: entry.applicant)
            let fields = try type.check(fields: entry.fields)
            return try LetterStore.enter(type: type, applicant: applicant, fields: fields, village: official.region, by: official,
                                         address: address, calendar: try CategoryStore.calendar(connection), on: connection)
        }
    }

    /// The letters waiting on my desk (`all`: every one I may see).
    public func waiting(for account: Account, all: Bool) throws -> [LetterRecord] {
        try pool.withConnection { connection -> [LetterRecord] in
            let official = try Self.official(account, on: connection)
            let today = try CategoryStore.calendar(connection).day(of: Date())
            return try LetterStore.waiting(for: official, all: all, today: today, on: connection)
        }
    }

    /// A letter of my desa or kecamatan (or one I stand in for), with the actions I may take now.
    /// - Throws: `Refusal.letterNotFound` for one I may not see.
    public func letter(_ code: String, for account: Account) throws -> (record: LetterRecord, actions: [LetterAction.Kind]) {
        try pool.withConnection { connection in
            let official = try Self.official(account, on: connection)
            guard let record = try LetterStore.find(code, on: connection) else { throw Refusal.letterNotFound }
            let today = try CategoryStore.calendar(connection).day(of: Date())
            let desk = try OfficialStore.desk(for: record.letter, actor: official, today: today, on: connection)
            let standing = try? LetterChain.standing(of: official, on: record.letter, desk: desk)
            guard LetterStore.canSee(official, record.letter) || standing != nil else { throw Refusal.letterNotFound }
            let actions = standing == nil ? [] : LetterAction.Kind.allCases.filter(record.letter.step.allowed.contains)
            return (record, actions)
        }
    }

    /// Acts on a letter. A pass at the correction step may carry the corrected applicant and fields,
    /// read by `correction` once the account's letter role is known (so an account of no letter role
    /// is refused as such whatever it sent).
    /// - Returns: the letter as it now is.
    public func act(_ action: LetterAction, on code: String, by account: Account, address: String?,
                    correction: () throws -> (applicant: [String: String]?, fields: [String: String]?)) throws -> LetterRecord {
        let record = try pool.transaction { connection -> LetterRecord? in
            let official = try Self.official(account, on: connection)
            let corrected = try correction()
            let calendar = try CategoryStore.calendar(connection)
            let transition = try LetterStore.perform(action, on: code, by: official, address: address, finishing: finishing,
                                                     calendar: calendar, on: connection)
            if transition.event.from == .correction, corrected.applicant != nil || corrected.fields != nil {
                guard let type = try LetterTypeStore.find(transition.letter.typeCode, includingInactive: true, on: connection) else { throw Refusal.unknownLetterType }
                let applicant = try corrected.applicant.map { try Applicant(values: $0) }
                let fields = try corrected.fields.map { try type.check(fields: $0) }
                try LetterStore.correct(transition.letter.id, applicant: applicant, fields: fields, on: connection)
            }
            return try LetterStore.find(code, on: connection)
        }
        guard let record else { throw Refusal.letterNotFound }
        return record
    }

    /// The public position of a letter by its code (the code is the credential), or nil.
    public func publicLetter(_ code: String) throws -> LetterRecord? { try pool.withConnection { try LetterStore.find(code, on: $0) } }
}
