import Complaints
import Foundation
import HTTP
import Testing
@testable import Casework

struct QueueViewTests {
    @Test func theJSONListsTheCasesWithTheirCountAndTheCountsPerStatus() {
        let view = QueueView(filter: QueueFilter(), order: .default, page: .first,
                             entries: [QueueEntry(Sample.stored(dueAt: Sample.at), holder: "budi")],
                             counts: QueueCounts(byStatus: [.inProgress: 1, .verified: 3], overdue: 1, total: 4),
                             now: Sample.at.addingTimeInterval(60))
        #expect(view.json["count"] == 1)
        #expect(view.json["total"] == 4 && view.json["total_capped"] == false)
        #expect(view.json["counts"] == ["by_status": ["in_progress": 1, "verified": 3], "overdue": 1, "capped": [], "cap": 1000])
        #expect(view.json["cases"] == [CaseJSON.queueItem(QueueEntry(Sample.stored(dueAt: Sample.at), holder: "budi"),
                                                          now: Sample.at.addingTimeInterval(60))])
        #expect(view.json["cases"]?.arrayFirst?["overdue"] == true, "overdue at the time the queue was read")
        #expect(view.json["cases"]?.arrayFirst?["holder"] == "budi")
        #expect(view.json["cases"]?.arrayFirst?["age_seconds"] == 60)
    }

    @Test func anEmptyQueueIsStillAnObjectWithEmptyCounts() {
        let view = QueueView(filter: QueueFilter(), order: .default, page: .first, entries: [], counts: QueueCounts(), now: Sample.at)
        #expect(String(decoding: view.json.bytes, as: UTF8.self)
            == #"{"cases":[],"count":0,"counts":{"by_status":{},"cap":1000,"capped":[],"overdue":0},"page":1,"page_size":200,"sort":"deadline","total":0,"total_capped":false}"#)
    }

    @Test func countsPastTheCapAreAnsweredAsTheCapAndNamed() {
        let view = QueueView(filter: QueueFilter(), order: .age, page: .first, entries: [],
                             counts: QueueCounts(byStatus: [.verified: QueueCounts.cap + 1, .inProgress: 7], overdue: QueueCounts.cap + 1,
                                                 total: QueueCounts.cap + 1), now: Sample.at)
        #expect(view.json["total"] == 1000 && view.json["total_capped"] == true && view.json["sort"] == "age")
        #expect(view.json["counts"]?["by_status"] == ["verified": 1000, "in_progress": 7])
        #expect(view.json["counts"]?["capped"] == ["verified", "overdue"])
    }
}

extension JSONValue {
    var arrayFirst: JSONValue? {
        guard case .array(let elements) = self else { return nil }
        return elements.first
    }
}
