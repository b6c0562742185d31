import Complaints
import Foundation
import HTTP
import Testing
@testable import Casework

struct QueueViewTests {
    @Test func theJSONListsTheCasesWithTheirCountAndTheCountsPerStatus() {
        let view = QueueView(filter: QueueFilter(), cases: [Sample.stored(dueAt: Sample.at)],
                             counts: (byStatus: [.inProgress: 1, .verified: 3], overdue: 1), now: Sample.at.addingTimeInterval(60))
        #expect(view.json["count"] == 1)
        #expect(view.json["counts"] == ["by_status": ["in_progress": 1, "verified": 3], "overdue": 1])
        #expect(view.json["cases"] == [CaseJSON.summary(Sample.stored(dueAt: Sample.at), now: Sample.at.addingTimeInterval(60))])
        #expect(view.json["cases"]?.arrayFirst?["overdue"] == true, "overdue at the time the queue was read")
    }

    @Test func anEmptyQueueIsStillAnObjectWithEmptyCounts() {
        let view = QueueView(filter: QueueFilter(), cases: [], counts: (byStatus: [:], overdue: 0), now: Sample.at)
        #expect(view.json == ["cases": [], "count": 0, "counts": ["by_status": [:], "overdue": 0]])
        #expect(String(decoding: view.json.bytes, as: UTF8.self) == #"{"cases":[],"count":0,"counts":{"by_status":{},"overdue":0}}"#)
    }
}

extension JSONValue {
    var arrayFirst: JSONValue? {
        guard case .array(let elements) = self else { return nil }
        return elements.first
    }
}
