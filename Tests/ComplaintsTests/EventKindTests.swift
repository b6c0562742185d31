import Complaints
import Testing

struct EventKindTests {
    @Test func everyKnownKindReadsBackFromItsStoredName() {
        for kind in EventKind.known { #expect(EventKind(rawValue: kind.rawValue) == kind) }
        #expect(Set(EventKind.known.map(\.rawValue)).count == EventKind.known.count)
    }

    @Test func storedNamesAreTheTimelinesContract() {
        #expect(EventKind.known.map(\.rawValue) == [
            "submitted", "dispatched", "verified", "claimed", "assigned", "disposed", "note", "resolved", "validated", "rejected",
            "postponed", "closed", "reopened", "accepted", "escalated",
            "details_updated", "validation_requested", "follow_up_rejected", "marked_duplicate", "linked_duplicate",
            "forwarded", "forward_accepted", "forward_returned", "investigation_opened", "findings_recorded", "decided",
            "parts_progressed",
            "question_asked", "reporter_replied", "reporter_unanswered",
        ])
    }

    @Test func anUnknownStoredKindStaysReadableAsStored() {
        #expect(EventKind(rawValue: "letter_sent") == .unrecognised("letter_sent"))
        #expect(EventKind(rawValue: "letter_sent").rawValue == "letter_sent")
    }

    @Test func actorRolesReadBackFromTheirCodes() {
        #expect(ActorRole(rawValue: "system") == .system && ActorRole(rawValue: "citizen") == .citizen)
        for role in Role.allCases { #expect(ActorRole(rawValue: role.rawValue) == .staff(role)) }
        #expect(ActorRole(rawValue: "stand_in") == .unrecognised("stand_in") && ActorRole.unrecognised("stand_in").rawValue == "stand_in")
    }
}
