import Complaints
import Testing

/// The queue filters' refusals keep the statuses and codes their route has always answered with
/// (Schemas/openapi.yaml), in the queue page's words, Indonesian first.
struct QueueFilterRefusalsTests {
    static let table: [(Refusal, Int, String)] = [
        (.noModule, 403, "no_module"), (.unknownStatus, 400, "invalid_status"), (.invalidPriority, 400, "invalid_priority"),
        (.invalidArea, 400, "invalid_area"), (.forbiddenSubUnit, 403, "forbidden_sub_unit"), (.unknownSubUnit, 400, "invalid_sub_unit"),
        (.invalidOverdueFilter, 400, "invalid_request"), (.inspectorsOnlyQueue, 403, "forbidden"), (.unknownModule, 400, "invalid_module"),
        (.forbiddenModule, 403, "forbidden_module"), (.unknownAgency, 400, "invalid_agency"), (.forbiddenCategory, 403, "forbidden_category"),
    ]

    @Test func everyRefusalKeepsItsStatusAndCodeAndIsWordedInBothLanguages() {
        for (refusal, status, code) in Self.table {
            #expect(refusal.status == status && refusal.code == code, "\(refusal)")
            #expect(RefusalWording.isWordedInBoth(refusal), "\(code)")
        }
    }

    @Test func eachRefusalOfTheQueueSaysSomethingOfItsOwn() {
        #expect(Set(Self.table.map { $0.0.message(.id) }).count == Self.table.count)
        #expect(Set(Self.table.map { $0.0.message(.en) }).count == Self.table.count)
    }
}

/// What every refusal owes its reader: words in Indonesian and in English, and not the same words.
enum RefusalWording {
    static func isWordedInBoth(_ refusal: Refusal) -> Bool {
        let id = refusal.message(.id), en = refusal.message(.en)
        return !id.trimmingCharacters(in: .whitespaces).isEmpty && !en.trimmingCharacters(in: .whitespaces).isEmpty && id != en
    }
}
