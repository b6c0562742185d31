@testable import Complaints
import Foundation
@testable import HubStore
import Testing

/// The jsonb text of events and audit entries, written by the hub's own encoder as Foundation's
/// `JSONEncoder` (`.sortedKeys`, moments as PostgreSQL writes them) wrote it before.
struct JSONTextTests {
    let due = Date(timeIntervalSinceReferenceDate: 786_297_600.123456)

    @Test func anEventsDetailsAreWrittenAsFoundationWroteThem() {
        var details = EventDetails(channel: .open311, open311: ["address_id": "a/1", "attribute[x]": "y"])
        details.escalation = .overdue
        details.priority = .high
        details.dueAt = due
        details.step = 2
        details.subUnit = "u1"
        details.assignedTo = 9_007_199_254_740_993
        details.fields = ["b", "a"]
        details.fromAgency = "dinsos"
        details.outcome = .notSubstantiated
        // Foundation's text, but for the slash it escaped (`a\/1`).
        #expect(JSONText.encode(details) == #"""
            {"assigned_to":9007199254740993,"channel":"open311","due_at":"2025-12-01T16:00:00.123456Z","escalation":"overdue",\#
            "fields":["b","a"],"from_agency":"dinsos","open311":{"address_id":"a/1","attribute[x]":"y"},"outcome":"not_substantiated",\#
            "priority":"high","step":2,"sub_unit":"u1"}
            """#)
        #expect(JSONText.encode(EventDetails()) == "{}")
    }

    @Test func anAuditSnapshotIsWrittenAsFoundationWroteItUppercaseKeysFirst() {
        let snapshot = AuditSnapshot(status: .inProgress, priority: .urgent, category: "jalan", module: .publicWorks, agency: "dpupr",
                                     inspectorate: false, assignedTo: 12, subUnit: nil, dueAt: due,
                                     moduleFields: ["pole_id": "P-1", "Zeta": "z", "alpha": "a"])
        #expect(JSONText.encode(snapshot) == #"""
            {"agency":"dpupr","assigned_to":12,"category":"jalan","due_at":"2025-12-01T16:00:00.123456Z","inspectorate":false,\#
            "module":"public-works","module_fields":{"Zeta":"z","alpha":"a","pole_id":"P-1"},"priority":"urgent","status":"in_progress"}
            """#)
    }

    @Test func anUntypedObjectIsWrittenWithNullsNumbersAndLists() {
        let missing: String? = nil
        #expect(JSONText.encode(["login": "budi", "id": Int64(9_007_199_254_740_993), "active": true, "ratio": 0.5, "area": orNull(missing),
                                 "categories": ["jalan", "air"], "nested": ["n": 1], "step": missing as Any])
            == #"{"active":true,"area":null,"categories":["jalan","air"],"id":9007199254740993,"login":"budi","nested":{"n":1},"ratio":0.5,"step":null}"#)
    }

    @Test func jsonbTextReadsBackTypedAndWhatDoesNotFitIsNil() {
        #expect(JSONText.decode([String: String].self, from: #"{"km": "5", "pole": "A"}"#) == ["km": "5", "pole": "A"])
        #expect(JSONText.decode([String: String].self, from: #"{"km": 5}"#) == nil)
        #expect(JSONText.decode([String].self, from: #"["jalan", "air"]"#) == ["jalan", "air"])
        #expect(#"["jalan", 5]"#.jsonStringArray == [])
    }
}
