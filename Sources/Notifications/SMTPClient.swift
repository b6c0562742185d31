import Foundation

/// A minimal SMTP client (RFC 5321) for one message per connection to the region's relay: EHLO (HELO
/// when the relay does not know EHLO), AUTH PLAIN or LOGIN when credentials are given, MAIL FROM,
/// RCPT TO, DATA with dot-stuffing, QUIT. The relay handles TLS onwards.
///
/// At most once: `claim` is asked after the relay accepted the recipient and before DATA, the step
/// that cannot be taken back. A failure before the message's final dot sent nothing (the relay
/// discards an unfinished message); once the dot is written, a failure leaves it unknown.
public struct SMTPClient: Sendable {
    /// The name this client gives in EHLO.
    public let clientName: String
    public let user: String?
    public let password: String?

    public init(clientName: String, user: String? = nil, password: String? = nil) {
        self.clientName = clientName
        self.user = user
        self.password = password
    }

    /// What became of one message.
    public enum Outcome: Sendable, Equatable {
        /// The relay accepted it (250 after the data).
        case delivered
        /// `claim` said another delivery of it was claimed before: nothing was sent.
        case alreadyClaimed
    }

    /// Sends `mail` over `transport` and closes it.
    /// - Parameter claim: asked just before DATA; false stops without sending.
    /// - Throws: `DeliveryFailure` (`sentNothing` as above); whatever `claim` throws, with nothing sent.
    public func send(_ mail: MailMessage, over transport: any SMTPTransport, claim: () throws -> Bool) throws -> Outcome {
        defer { transport.close() }
        var dialogue = Dialogue(transport: transport)
        try dialogue.expect(220, "greeting")
        let extensions = try greet(&dialogue)
        if let user, let password { try authenticate(user: user, password: password, extensions: extensions, on: &dialogue) }
        _ = try dialogue.command("MAIL FROM:<\(mail.from)>", expect: 250, "MAIL FROM")
        _ = try dialogue.command("RCPT TO:<\(mail.to)>", expect: 250, "RCPT TO", alsoAccepting: 251)
        guard try claim() else {
            try? dialogue.transport.write(Array("QUIT\r\n".utf8))
            return .alreadyClaimed
        }
        _ = try dialogue.command("DATA", expect: 354, "DATA")
        try dialogue.send(Self.dotStuffed(mail.rendered()) + Array(".\r\n".utf8))
        dialogue.pastPointOfNoReturn = true
        try dialogue.expect(250, "end of data")
        try? dialogue.transport.write(Array("QUIT\r\n".utf8))
        _ = try? dialogue.transport.readLine()
        return .delivered
    }

    /// EHLO, or HELO when the relay does not know EHLO. - Returns: the extensions EHLO named.
    private func greet(_ dialogue: inout Dialogue) throws(DeliveryFailure) -> [String] {
        var extensions: [String] = []
        do {
            extensions = try dialogue.command("EHLO \(clientName)", expect: 250, "EHLO")
        } catch {
            guard error.sentNothing else { throw error }
            extensions = try dialogue.command("HELO \(clientName)", expect: 250, "HELO")
        }
        return extensions
    }

    private func authenticate(user: String, password: String, extensions: [String], on dialogue: inout Dialogue) throws {
        var mechanisms: [String] = []
        for line in extensions where line.uppercased().hasPrefix("AUTH") {
            let words: [Substring] = line.uppercased().split { (character: Character) -> Bool in character == " " || character == "=" }
            mechanisms += words.dropFirst().map { String($0) }
        }
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            var plain: [UInt8] = [0]
            plain.append(contentsOf: user.utf8)
            plain.append(0)
            plain.append(contentsOf: password.utf8)
            let token: String = Data(plain).base64EncodedString()
            _ = try dialogue.command("AUTH PLAIN \(token)", expect: 235, "AUTH PLAIN")
        } else {
            _ = try dialogue.command("AUTH LOGIN", expect: 334, "AUTH LOGIN")
            _ = try dialogue.command(Data(user.utf8).base64EncodedString(), expect: 334, "AUTH LOGIN user")
            _ = try dialogue.command(Data(password.utf8).base64EncodedString(), expect: 235, "AUTH LOGIN password")
        }
    }

    /// The message's lines with CRLF endings, a line starting with a dot getting one more (RFC 5321 4.5.2).
    static func dotStuffed(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if index == lines.count - 1 && line.isEmpty { break }
            if line.hasPrefix(".") { out.append(UInt8(ascii: ".")) }
            out.append(contentsOf: Array(line.utf8))
            out.append(contentsOf: [13, 10])
        }
        return out
    }

    /// Commands and replies; a failure says whether the message may have been sent.
    struct Dialogue {
        let transport: any SMTPTransport
        var pastPointOfNoReturn = false

        /// Sends a command and reads its reply.
        /// - Returns: the reply's lines after the code (for EHLO: the extensions).
        mutating func command(_ line: String, expect code: Int, _ stage: String, alsoAccepting other: Int? = nil) throws(DeliveryFailure) -> [String] {
            try send(Array((line + "\r\n").utf8))
            return try expect(code, stage, alsoAccepting: other)
        }

        func send(_ bytes: [UInt8]) throws(DeliveryFailure) {
            do {
                try transport.write(bytes)
            } catch {
                throw DeliveryFailure(error.reason, sentNothing: !pastPointOfNoReturn)
            }
        }

        /// Reads a reply (its continuation lines `250-…` too) and checks its code.
        @discardableResult
        func expect(_ code: Int, _ stage: String, alsoAccepting other: Int? = nil) throws(DeliveryFailure) -> [String] {
            var texts: [String] = []
            while true {
                let line: String
                do {
                    line = try transport.readLine()
                } catch {
                    throw DeliveryFailure("\(stage): \(error.reason)", sentNothing: !pastPointOfNoReturn)
                }
                let bytes = Array(line.utf8)
                guard bytes.count >= 3, let got = Int(String(decoding: bytes[0..<3], as: UTF8.self)) else {
                    throw DeliveryFailure("\(stage): unreadable reply \(line.prefix(80))", sentNothing: !pastPointOfNoReturn)
                }
                texts.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
                if bytes.count > 3 && bytes[3] == UInt8(ascii: "-") { continue }
                guard got == code || got == other else {
                    // A refusal is certain: the relay did not take the message.
                    throw DeliveryFailure("\(stage) refused: \(line.prefix(200))", sentNothing: true)
                }
                return texts
            }
        }
    }
}
