import Foundation
import Notifications
import Testing

/// A relay that answers from a script: each command the client writes is recorded, and the next
/// scripted reply (one or more lines) is handed out when the client reads.
private final class ScriptedRelay: SMTPTransport {
    private var replies: [String]
    private(set) var written = ""
    private(set) var closed = false
    /// After this many bytes the connection breaks (writes fail), to stage a failure mid-way.
    var breaksAfter: Int?

    init(_ replies: [String]) { self.replies = replies }

    func write(_ bytes: [UInt8]) throws(DeliveryFailure) {
        if let limit = breaksAfter, written.utf8.count + bytes.count > limit {
            throw DeliveryFailure("broken pipe", sentNothing: false)
        }
        written += String(decoding: bytes, as: UTF8.self)
    }

    func readLine() throws(DeliveryFailure) -> String {
        guard !replies.isEmpty else { throw DeliveryFailure("connection closed", sentNothing: false) }
        return replies.removeFirst()
    }

    func close() { closed = true }

}

private let mail = MailMessage(from: "lapor@example.go.id", to: "warga@example.org", subject: "Pengaduan Anda diterima: ABCDEFGHJKMNP",
                               body: "Kode pelacakan: ABCDEFGHJKMNP\n.baris yang diawali titik\nPantau di https://lapor.example.go.id/track/ABCDEFGHJKMNP",
                               messageID: "9-submitted-1-0.email@example.go.id", date: Date(timeIntervalSince1970: 1_795_417_200))

private let happy = ["220 relay ESMTP", "250-relay", "250-8BITMIME", "250 AUTH PLAIN LOGIN", "250 ok", "250 ok", "354 go ahead",
                     "250 queued as 1", "221 bye"]

@Suite struct SMTPClientTests {
    @Test func speaksEHLOMailRcptDataAndQuitInOrder() throws {
        let relay = ScriptedRelay(happy)
        let outcome = try SMTPClient(clientName: "lapor.example.go.id").send(mail, over: relay) { true }
        #expect(outcome == .delivered && relay.closed)
        let lines = relay.written.components(separatedBy: "\r\n")
        #expect(lines.first == "EHLO lapor.example.go.id")
        #expect(lines.contains("MAIL FROM:<lapor@example.go.id>") && lines.contains("RCPT TO:<warga@example.org>"))
        #expect(lines.contains("DATA") && relay.written.hasSuffix("\r\n.\r\nQUIT\r\n"))
        #expect(!relay.written.contains("AUTH"))
    }

    @Test func aLineStartingWithADotIsStuffed() throws {
        let relay = ScriptedRelay(happy)
        _ = try SMTPClient(clientName: "hub").send(mail, over: relay) { true }
        #expect(relay.written.contains("\r\n..baris yang diawali titik\r\n"))
    }

    @Test func theMessageIsUTF8TextWithAnEncodedSubject() throws {
        let relay = ScriptedRelay(happy)
        let accented = MailMessage(from: "lapor@example.go.id", to: "warga@example.org", subject: "Pengaduan ditolak – alasan",
                                   body: "Catatan: jalan rusak — segera diperbaiki", messageID: "m@example.go.id", date: Date())
        _ = try SMTPClient(clientName: "hub").send(accented, over: relay) { true }
        #expect(relay.written.contains("Content-Type: text/plain; charset=utf-8\r\n"))
        #expect(relay.written.contains("Content-Transfer-Encoding: quoted-printable\r\n"))
        let subject = "Pengaduan ditolak – alasan".data(using: .utf8)!.base64EncodedString()
        #expect(relay.written.contains("Subject: =?UTF-8?B?\(subject)?=\r\n"))
        #expect(relay.written.contains("Catatan: jalan rusak =E2=80=94 segera diperbaiki"))
    }

    @Test func credentialsInTheURLAuthenticateWithPlain() throws {
        let relay = ScriptedRelay(["220 relay", "250-relay", "250 AUTH PLAIN LOGIN", "235 ok", "250 ok", "250 ok", "354 go", "250 ok", "221 bye"])
        _ = try SMTPClient(clientName: "hub", user: "hub", password: "rahasia").send(mail, over: relay) { true }
        #expect(relay.written.contains("AUTH PLAIN \(Data("\0hub\0rahasia".utf8).base64EncodedString())\r\n"))
    }

    @Test func aRelayOfferingOnlyLoginGetsLogin() throws {
        let relay = ScriptedRelay(["220 relay", "250-relay", "250 AUTH LOGIN", "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", "235 ok",
                                   "250 ok", "250 ok", "354 go", "250 ok", "221 bye"])
        _ = try SMTPClient(clientName: "hub", user: "hub", password: "rahasia").send(mail, over: relay) { true }
        #expect(relay.written.contains("AUTH LOGIN\r\naHVi\r\ncmFoYXNpYQ==\r\n"))
    }

    @Test func aRelayThatDoesNotKnowEHLOIsGreetedWithHELO() throws {
        let relay = ScriptedRelay(["220 old relay", "502 command not implemented", "250 hello", "250 ok", "250 ok", "354 go", "250 ok", "221 bye"])
        #expect(try SMTPClient(clientName: "hub").send(mail, over: relay) { true } == .delivered)
        #expect(relay.written.hasPrefix("EHLO hub\r\nHELO hub\r\nMAIL FROM:"))
    }

    @Test func anAlreadyClaimedDeliverySendsNoData() throws {
        let relay = ScriptedRelay(happy)
        #expect(try SMTPClient(clientName: "hub").send(mail, over: relay) { false } == .alreadyClaimed)
        #expect(!relay.written.contains("DATA") && relay.written.hasSuffix("QUIT\r\n"))
    }

    @Test func aRefusedRecipientSentNothingAndIsNeverClaimed() throws {
        let relay = ScriptedRelay(["220 relay", "250 relay", "250 ok", "550 no such user"])
        var claimed = false
        #expect(throws: DeliveryFailure("RCPT TO refused: 550 no such user", sentNothing: true)) {
            try SMTPClient(clientName: "hub").send(mail, over: relay) { claimed = true; return true }
        }
        #expect(!claimed && relay.closed)
    }

    @Test func aRefusalAfterTheDataSentNothing() throws {
        let relay = ScriptedRelay(["220 relay", "250 relay", "250 ok", "250 ok", "354 go", "554 rejected as spam"])
        #expect(throws: DeliveryFailure("end of data refused: 554 rejected as spam", sentNothing: true)) {
            try SMTPClient(clientName: "hub").send(mail, over: relay) { true }
        }
    }

    @Test func aConnectionLostBeforeTheFinalDotSentNothing() throws {
        let relay = ScriptedRelay(["220 relay", "250 relay", "250 ok", "250 ok", "354 go", "250 ok"])
        relay.breaksAfter = 120
        let failure = #expect(throws: DeliveryFailure.self) { try SMTPClient(clientName: "hub").send(mail, over: relay) { true } }
        #expect(failure?.sentNothing == true)
    }

    @Test func noAnswerAfterTheFinalDotLeavesTheOutcomeUnknown() throws {
        let relay = ScriptedRelay(["220 relay", "250 relay", "250 ok", "250 ok", "354 go"])
        let failure = #expect(throws: DeliveryFailure.self) { try SMTPClient(clientName: "hub").send(mail, over: relay) { true } }
        #expect(failure?.sentNothing == false)
    }
}
