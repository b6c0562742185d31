import Complaints
import Foundation
@testable import HubStore
import Testing

/// A queue's statement names only the conditions its filter sets, so each shape of filter is a
/// statement of its own whose generic plan can use the open cases' index by module.
struct QueueFilterSQLTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aModulesQueueNamesItsModuleAndNothingItDoesNotFilterOn() {
        let conditions = QueueFilter(module: .publicWorks).conditions(now: now)
        #expect(conditions.sql.contains("module_code = $1"))
        #expect(conditions.sql.contains("not inspectorate"))
        #expect(conditions.sql.range(of: #"\$[0-9]+[^ ]* is null"#, options: .regularExpression) == nil,
                "no condition stands for a filter that is not set: \(conditions.sql)")
        #expect(conditions.sql.components(separatedBy: " is null").count == 2, "the one fixed test for null: \(conditions.sql)")
        #expect(!conditions.sql.contains("cardinality"))
        #expect(conditions.parameters.count == 1)
    }

    @Test func everyFilterBindsItsValueInOrder() {
        let filter = QueueFilter(module: .social, categories: ["sosial"], status: .inProgress, priority: .urgent, area: RegionCode("35.03.01"),
                                 boundArea: "Tegallega", overdueOnly: true, inspectorate: .only, subUnit: "uptd-1", agency: "dinsos")
        let conditions = filter.conditions(now: now)
        for expected in ["module_code = $1", "category_code = any($2::text[])", "status = $3", "priority = $4",
                         "kecamatan_code = $5", "lower(kelurahan) = lower($6)", "due_at < $7::timestamptz", "sub_unit_code = $8",
                         "agency_code = $9"] {
            #expect(conditions.sql.contains(expected), "\(expected) in \(conditions.sql)")
        }
        #expect(conditions.sql.contains("and inspectorate"))
        #expect(conditions.parameters.count == 9)
    }

    @Test func aDesaCodeFiltersOnTheKelurahanCode() {
        let conditions = QueueFilter(module: .social, area: RegionCode("35.03.01.2001")).conditions(now: now)
        #expect(conditions.sql.contains("kelurahan_code = $2") && !conditions.sql.contains("kecamatan_code"))
    }

    @Test func theCountsLeaveOutTheStatusAsked() {
        let conditions = QueueFilter(module: .kir, status: .resolved).conditions(now: now, ignoringStatus: true)
        #expect(!conditions.sql.contains("status = $"))
        #expect(conditions.sql.contains(ComplaintStatus.openCondition), "a queue lists open cases only")
    }

    @Test func noQueueListsTheParentOfARequestThatFansOut() {
        for filter in [QueueFilter(), QueueFilter(module: .intake, inspectorate: .include), QueueFilter(inspectorate: .only)] {
            #expect(filter.conditions(now: now).sql.contains("\n   and request_type is null"), "\(filter)")
        }
    }

    @Test func everyInspectorateModeIsItsOwnCondition() {
        #expect(QueueFilter(inspectorate: .include).conditions(now: now).sql
            == ComplaintStatus.openCondition + "\n   and request_type is null", "what every queue asks, and nothing more")
        #expect(QueueFilter(inspectorate: .exclude).conditions(now: now).sql.hasSuffix("and not inspectorate"))
        #expect(QueueFilter(inspectorate: .only).conditions(now: now).sql.hasSuffix("and inspectorate"))
    }
}
