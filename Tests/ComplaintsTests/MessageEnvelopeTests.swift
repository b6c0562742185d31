import Complaints
import Foundation
import Testing

@Suite struct MessageEnvelopeTests {
    @Test func complaintReceivedIsWrittenAsTheQueueHasAlwaysCarriedItWithAVersion() {
        #expect(MessageEnvelope.encode(ComplaintReceived(complaintID: 42, trackingCode: "ABCDEFGHJKMNP"))
            == #"{"complaint_id":42,"tracking_code":"ABCDEFGHJKMNP","type":"complaint.received","version":1}"#)
        #expect(MessageEnvelope.encode(ComplaintReceived(complaintID: 42, trackingCode: "ABCDEFGHJKMNP", movedFrom: .publicWorks))
            == #"{"complaint_id":42,"moved_from":"public-works","tracking_code":"ABCDEFGHJKMNP","type":"complaint.received","version":1}"#)
    }

    @Test(arguments: [
        ComplaintReceived(complaintID: 1, trackingCode: "ABCDEFGHJKMNP"),
        ComplaintReceived(complaintID: 9_007_199_254_740_993, trackingCode: "QRSTVWXYZ0123", movedFrom: .kir),
    ])
    func whatIsWrittenReadsBack(message: ComplaintReceived) throws {
        #expect(try MessageEnvelope.decode(ComplaintReceived.self, from: MessageEnvelope.encode(message)) == message)
    }

    @Test func aMessageWithoutAVersionIsVersionOne() throws {
        // As intake wrote them before messages had versions (the queue may still hold some).
        let old = #"{"type": "complaint.received", "complaint_id": 5, "tracking_code": "ABCDEFGHJKMNP", "moved_from": "social"}"#
        #expect(try MessageEnvelope.decode(ComplaintReceived.self, from: old)
            == ComplaintReceived(complaintID: 5, trackingCode: "ABCDEFGHJKMNP", movedFrom: .social))
    }

    @Test(arguments: [
        (#"{"type": "complaint.moved", "complaint_id": 5, "tracking_code": "ABCDEFGHJKMNP"}"#,
         MessageProblem.unknownType("complaint.moved", expected: "complaint.received")),
        (#"{"complaint_id": 5, "tracking_code": "ABCDEFGHJKMNP"}"#, .unknownType("none", expected: "complaint.received")),
        (#"{"type": "complaint.received", "version": 2, "complaint_id": 5, "tracking_code": "ABCDEFGHJKMNP"}"#,
         .unsupportedVersion(type: "complaint.received", version: 2)),
        (#"{"type": "complaint.received", "tracking_code": "ABCDEFGHJKMNP"}"#, .malformed(type: "complaint.received", reason: "no complaint_id")),
    ])
    func unknownNewerAndIncompleteMessagesAreRefusedWithTheirReason(json: String, problem: MessageProblem) {
        #expect(throws: problem) { try MessageEnvelope.decode(ComplaintReceived.self, from: json) }
    }

    @Test(arguments: ["", "[]", "not json", #"{"type": "complaint.received", "complaint_id": "5", "tracking_code": "X"}"#,
                      #"{"type": "complaint.received", "complaint_id": 5, "tracking_code": "X", "moved_from": "mars"}"#])
    func malformedMessagesAreRefused(json: String) {
        #expect {
            try MessageEnvelope.decode(ComplaintReceived.self, from: json)
        } throws: { error in
            guard case .malformed = error as? MessageProblem else { return false }
            return true
        }
    }

    @Test func theProblemSaysWhatWasWrongForTheDeadLetter() {
        #expect(MessageProblem.unknownType("x.y", expected: "complaint.received").description
            == "unknown message type x.y (expected complaint.received)")
        #expect(MessageProblem.unsupportedVersion(type: "complaint.received", version: 3).description
            == "complaint.received version 3 is newer than this service reads")
    }

    @Test func outboxMessagesCompareByDestinationKeyAndMessage() {
        let message = ComplaintReceived(complaintID: 1, trackingCode: "ABCDEFGHJKMNP")
        #expect(OutboxMessage(to: .module(.kir), message) == OutboxMessage(to: .module(.kir), message))
        #expect(OutboxMessage(to: .module(.kir), message) != OutboxMessage(to: .module(.social), message))
        #expect(OutboxMessage(to: .module(.kir), message, dedupeKey: "k") != OutboxMessage(to: .module(.kir), message))
        #expect(Destination.module(.publicWorks).queue == "module.public-works")
    }
}
