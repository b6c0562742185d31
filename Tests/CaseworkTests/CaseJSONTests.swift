import Complaints
import Foundation
import HTTP
import Testing
@testable import Casework

struct CaseJSONTests {
    static let summaryKeys: Set<String> = [
        "tracking_code", "category", "subcategory", "module", "agency", "channel", "status", "status_label", "priority",
        "description", "location", "kelurahan", "kecamatan", "lat", "lon", "anonymous", "confidential", "inspectorate",
        "escalation_level", "assigned_to", "sub_unit", "forwarded_from", "due_at", "overdue", "created_at", "updated_at",
        "reporter_answered", "reporter_unanswered",
    ]

    @Test func aSummaryHasEveryFieldWithAbsentOnesAsNull() throws {
        let summary = CaseJSON.summary(Sample.stored(), now: Sample.at)
        guard case .object(let members) = summary else { Issue.record("not an object"); return }
        #expect(Set(members.keys) == Self.summaryKeys)
        #expect(summary["tracking_code"] == "7QK2M9XW4HNPA" && summary["module"] == "public-works" && summary["status"] == "in_progress")
        #expect(summary["subcategory"] == .null && summary["lat"] == .null && summary["due_at"] == .null && summary["assigned_to"] == .null
                && summary["forwarded_from"] == .null)
        #expect(summary["anonymous"] == false && summary["escalation_level"] == 0 && summary["overdue"] == false)
        #expect(summary["created_at"] == .string(Sample.at.iso8601))
    }

    @Test func aCaseIsOverdueOnceItsDeadlinePassed() {
        let stored = Sample.stored(dueAt: Sample.at)
        #expect(CaseJSON.summary(stored, now: Sample.at.addingTimeInterval(1))["overdue"] == true)
        #expect(CaseJSON.summary(stored, now: Sample.at.addingTimeInterval(-1))["overdue"] == false)
        #expect(CaseJSON.summary(stored, now: Sample.at)["due_at"] == .string(Sample.at.iso8601))
    }

    @Test func theDetailAddsFieldsTimelineAndReporter() {
        let events = [
            CaseEvent(kind: EventKind(rawValue: "submitted"), at: Sample.at, actorRole: ActorRole(rawValue: "citizen"), isPublic: true, note: nil, toStatus: "received"),
            CaseEvent(kind: EventKind(rawValue: "note"), at: Sample.at, actorRole: ActorRole(rawValue: "staff"), isPublic: false, note: "Cek besok.", toStatus: nil),
        ]
        let detail = CaseJSON.detail(Sample.stored(), timeline: events, reporter: Contact(name: "Sari", email: nil, phone: "0812"),
                                     fields: ["pole_id": "PJU-12"])
        #expect(detail["module_fields"] == ["pole_id": "PJU-12"])
        #expect(detail["timeline"] == [
            ["kind": "submitted", "at": .string(Sample.at.iso8601), "actor_role": "citizen", "public": true, "status": "received"],
            ["kind": "note", "at": .string(Sample.at.iso8601), "actor_role": "staff", "public": false, "note": "Cek besok."],
        ])
        #expect(detail["reporter"] == ["name": "Sari", "email": nil, "phone": "0812"])
        #expect(CaseJSON.detail(Sample.stored(), timeline: [], reporter: nil, fields: [:])["reporter"] == .null)
    }
}
