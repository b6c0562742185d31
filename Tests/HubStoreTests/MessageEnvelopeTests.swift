import Complaints
import Foundation
import HubStore
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

    /// Written by the code before the hub's own encoder (Foundation's `JSONEncoder`, `.sortedKeys`):
    /// the queue may still hold such messages. The keys come in the same order; only `/`, which
    /// Foundation escaped, and U+2028, which it did not, are written otherwise now.
    static let foundationWritten: [(text: String, message: any HubMessage)] = [
        (#"{"complaint_id":9007199254740993,"moved_from":"kir","tracking_code":"QRSTVWXYZ0123","type":"complaint.received","version":1}"#,
         ComplaintReceived(complaintID: 9_007_199_254_740_993, trackingCode: "QRSTVWXYZ0123", movedFrom: .kir)),
        (#"""
            {"agency":"dpupr","complaint_id":7,"confidential":false,"due_at":786297600.123456,"key":"7-taken_in-1733230000000000-0",\#
            "note":"Jalan \"rusak\" \/ berlubang é\#u{2028}\n","notice":"taken_in","status":"in_progress","tracking_code":"ABCDEFGHJKMNP",\#
            "type":"reporter.notice","version":1}
            """#,
         ReporterNotice(key: "7-taken_in-1733230000000000-0", complaintID: 7, trackingCode: "ABCDEFGHJKMNP", notice: .takenIn, status: .inProgress,
                        agency: "dpupr", dueAt: Date(timeIntervalSinceReferenceDate: 786_297_600.123456), note: "Jalan \"rusak\" / berlubang é\u{2028}\n",
                        confidential: false)),
        (#"{"complaint_id":7,"confidential":true,"key":"7-closed-1-0","notice":"closed","status":"closed","tracking_code":"ABCDEFGHJKMNP","type":"reporter.notice","version":1}"#,
         ReporterNotice(key: "7-closed-1-0", complaintID: 7, trackingCode: "ABCDEFGHJKMNP", notice: .closed, status: .closed, confidential: true)),
    ]

    @Test(arguments: MessageEnvelopeTests.foundationWritten.indices)
    func messagesFoundationWroteAreReadAndWrittenAgainInTheSameOrder(index: Int) throws {
        let (text, message) = Self.foundationWritten[index]
        #expect(Self.same(try Self.decoded(text, as: message), message))
        #expect(MessageEnvelope.encode(message) == text.replacingOccurrences(of: #"\/"#, with: "/")
            .replacingOccurrences(of: "\u{2028}", with: #"\u2028"#))
    }

    /// Reads `text` as the type of `message`.
    private static func decoded<M: HubMessage>(_ text: String, as message: M) throws -> any HubMessage {
        try MessageEnvelope.decode(M.self, from: text)
    }

    private static func same(_ one: any HubMessage, _ other: any HubMessage) -> Bool {
        OutboxMessage(to: .reporter, one) == OutboxMessage(to: .reporter, other)
    }

    @Test(arguments: ReporterNotice.Kind.allCases)
    func everyNoticeReadsBackWithItsMomentExact(kind: ReporterNotice.Kind) throws {
        let notice = ReporterNotice(key: "9007199254740993-\(kind.rawValue)-1-0", complaintID: 9_007_199_254_740_993, trackingCode: "ABCDEFGHJKMNP",
                                    notice: kind, status: .resolved, agency: kind == .moved ? "dinsos" : nil,
                                    dueAt: kind == .takenIn ? Date(timeIntervalSinceReferenceDate: 786_297_600.987654) : nil,
                                    note: kind == .note ? "Sudah \"diperbaiki\" ✓" : nil, confidential: kind == .closed)
        #expect(try MessageEnvelope.decode(ReporterNotice.self, from: MessageEnvelope.encode(notice)) == notice)
    }

    /// As PostgreSQL gives a jsonb payload back: spaces after colons and commas, its own key order.
    @Test func aPayloadReadBackFromJSONBIsTheSameMessage() throws {
        let jsonb = #"{"key": "7-closed-1-0", "type": "reporter.notice", "notice": "closed", "status": "closed", "version": 1, "complaint_id": 7, "confidential": true, "tracking_code": "ABCDEFGHJKMNP"}"#
        #expect(Self.same(try MessageEnvelope.decode(ReporterNotice.self, from: jsonb), Self.foundationWritten[2].message))
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

    @Test func aLostCodeRequestTravelsTheQueueWithItsChannelAndLanguage() throws {
        for request in [LostCodeRequest.email("a@example.id"), .phone("+6281234567890")] {
            let message = LostCodes(key: "k1", request: request, language: .en)
            #expect(try MessageEnvelope.decode(LostCodes.self, from: MessageEnvelope.encode(message)) == message)
        }
        #expect(MessageEnvelope.encode(LostCodes(key: "k1", request: .phone("0812"), language: .id)).contains("\"channel\":\"text\""))
    }

    @Test func aReporterNoticeTravelsThroughTheQueueUnchanged() throws {
        let notice = ReporterNotice(key: "7-dispatched-1-0", complaintID: 7, trackingCode: "ABCDEFGHJKMNP", notice: .takenIn,
                                    status: .dispatched, agency: "dpupr", dueAt: Date(timeIntervalSince1970: 1_780_000_000),
                                    note: nil, confidential: false)
        #expect(try MessageEnvelope.decode(ReporterNotice.self, from: MessageEnvelope.encode(notice)) == notice)
    }
}
