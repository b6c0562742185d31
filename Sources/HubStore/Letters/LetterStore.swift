import Complaints
import Foundation
import Postgres

/// Letters (`letters`, `letter_events`): entering one, reading it, the desks' queues. The chain's
/// transitions are written by `perform` (LetterStore+Chain.swift).
public enum LetterStore {
    /// Enters a letter at the village front office: stored with its first event and audit entry; it
    /// goes to the village secretary, due (the letter and its first step) the type's working days from now.
    /// The letter keeps the type's deadline and whether it goes on to the kecamatan, whatever an
    /// admin changes in the type later.
    /// - Returns: the letter as stored.
    public static func enter(type: LetterType, applicant: Applicant, fields: [String: String], village: RegionCode, by official: Official,
                             address: String?, calendar: WorkingCalendar, on connection: PostgresConnection) throws -> Letter {
        let now = Date()
        let due = calendar.adding(workingDays: type.deadlineDays, to: now)
        let code = TrackingCode.generate().value
        let values = applicant.values
        let applicantKeys = values.keys.sorted(), fieldKeys = fields.keys.sorted()
        let id = try connection.query("""
            insert into letters (code, type_code, village_code, district_code, applicant, fields, step, step_since, due_at, step_due_at,
                                 created_by, deadline_days, reaches_district)
            values ($1, $2, $3, $4, jsonb_object($5::text[], $6::text[]), jsonb_object($7::text[], $8::text[]), 'village_check',
                    $9, $10, $10, $11, $12, $13)
            returning id
            """, [code, type.code, village.value, village.district.value, applicantKeys, applicantKeys.map { values[$0]! },
                  fieldKeys, fieldKeys.map { fields[$0]! }, now, due, official.accountID, type.deadlineDays, type.reachesDistrict])[0].decode("id", as: Int64.self)
        let letter = Letter(id: id, code: code, typeCode: type.code, reachesDistrict: type.reachesDistrict, village: village,
                            step: .villageCheck, stepSince: now, dueAt: due, deadlineDays: type.deadlineDays, stepDueAt: due, version: 1)
        try recordEvent(LetterChain.entered(by: official, at: now, dueAt: due), letterID: id, on: connection)
        try audit("letter.enter", letter: letter, by: official, address: address, on: connection)
        return letter
    }

    /// A letter by its code, with its whole record, or nil.
    public static func find(_ code: String, on connection: PostgresConnection) throws -> LetterRecord? {
        guard let row = try connection.query("""
            select \(letterColumns) from letters l join letter_types t on t.code = l.type_code where l.code = $1
            """, [code.uppercased()]).first else { return nil }
        return try record(row, on: connection)
    }

    /// Whether an official may see a letter: one of their desa's, or of their kecamatan.
    public static func canSee(_ official: Official, _ letter: Letter) -> Bool {
        official.position.inVillage ? letter.village == official.region : letter.village.district == official.region
    }

    /// The letters waiting on an official's desk: the steps their position holds in their region
    /// (none while they are on leave), and those of the officials they stand in for today; soonest
    /// step deadline first.
    /// - Parameter all: every letter they may see, finished ones too, newest first.
    public static func waiting(for official: Official, all: Bool = false, today: Int,
                               on connection: PostgresConnection) throws -> [LetterRecord] {
        if all {
            let column = official.position.inVillage ? "l.village_code" : "l.district_code"
            return try connection.query("""
                select \(letterColumns) from letters l join letter_types t on t.code = l.type_code
                 where \(column) = $1 order by l.created_at desc, l.id desc limit 500
                """, [official.region.value]).map { try record($0, on: connection) }
        }
        let onLeave = try !OfficialStore.leaves(of: [official.accountID], covering: today, on: connection).isEmpty
        let absent = try connection.query("""
            select \(OfficialStore.columns) from staff_leave v join staff_accounts a on a.id = v.account_id
             where v.stand_in_id = $1 and date '1970-01-01' + $2::int between v.from_day and v.to_day and v.cancelled_at is null
               and a.active
            """, [official.accountID, today]).map(OfficialStore.official)
        var found: [LetterRecord] = []
        var seen = Set<Int64>()
        for (position, region) in official.desksToday(onLeave: onLeave, standingInFor: absent) {
            let steps = position.openSteps.map(\.rawValue)
            guard !steps.isEmpty else { continue }
            let column = position.inVillage ? "l.village_code" : "l.district_code"
            for row in try connection.query("""
                select \(letterColumns) from letters l join letter_types t on t.code = l.type_code
                 where l.step = any($1::text[]) and \(column) = $2 order by l.step_due_at, l.id limit 500
                """, [steps, region.value]) {
                let record = try record(row, on: connection)
                if seen.insert(record.letter.id).inserted { found.append(record) }
            }
        }
        return found.sorted { ($0.letter.stepDueAt, $0.letter.id) < ($1.letter.stepDueAt, $1.letter.id) }
    }

    static func recordEvent(_ event: LetterEvent, letterID: Int64, on connection: PostgresConnection) throws {
        try connection.query("""
            insert into letter_events (letter_id, at, action, from_step, to_step, actor_role, actor_id, on_behalf_of, note, due_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, [letterID, event.at, event.action, event.from?.rawValue, event.to.rawValue, event.actorPosition.rawValue,
                  event.actorID, event.onBehalfOf, event.note, event.dueAt])
    }

    static func audit(_ action: String, letter: Letter, by official: Official, address: String?, on connection: PostgresConnection) throws {
        try AuditLog.record(action, by: Acting(Actor.account(id: official.accountID, role: official.position.role), from: address),
                            letterID: letter.id, after: ["code": letter.code, "step": letter.step.rawValue, "version": letter.version],
                            on: connection)
    }
}

extension LetterStore {
    /// Replaces the applicant's data or the fields of a letter the front office corrected (checked by the caller).
    public static func correct(_ id: Int64, applicant: Applicant?, fields: [String: String]?, on connection: PostgresConnection) throws {
        let values = applicant?.values ?? [:]
        let applicantKeys = values.keys.sorted(), fieldKeys = (fields ?? [:]).keys.sorted()
        try connection.query("""
            update letters set applicant = case when $2 then jsonb_object($3::text[], $4::text[]) else applicant end,
                               fields = case when $5 then jsonb_object($6::text[], $7::text[]) else fields end
             where id = $1
            """, [id, applicant != nil, applicantKeys, applicantKeys.map { values[$0]! }, fields != nil, fieldKeys,
                  fieldKeys.map { fields![$0]! }])
    }
}
