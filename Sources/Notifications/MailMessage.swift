import Foundation

/// One plain-text email as RFC 5322 text: UTF-8, the subject as RFC 2047 encoded words, the body
/// quoted-printable (safe through any relay, 8BITMIME or not).
public struct MailMessage: Sendable, Equatable {
    public let from: String
    public let to: String
    public let subject: String
    public let body: String
    /// Without angle brackets (`notice-7-resolved@lapor.example.go.id`).
    public let messageID: String
    public let date: Date
    /// The link that stops such messages (RFC 2369's `List-Unsubscribe`), for a follower's mail; a
    /// POST to it stops them at once (RFC 8058's one-click `List-Unsubscribe-Post`).
    public var unsubscribe: String?

    public init(from: String, to: String, subject: String, body: String, messageID: String, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// Headers, a blank line and the body, lines ending in CRLF.
    public func rendered() -> String {
        var headers = [
            "From: <\(from)>",
            "To: <\(to)>",
            "Subject: " + Self.encodedWords(subject),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
        ]
        if let unsubscribe {
            headers.append("List-Unsubscribe: <\(unsubscribe)>")
            headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
        }
        let head: String = headers.joined(separator: "\r\n")
        let text: String = Self.quotedPrintable(body)
        return "\(head)\r\n\r\n\(text)\r\n"
    }

    /// A header text as is when it is printable ASCII, else as RFC 2047 `B` encoded words of UTF-8,
    /// each at most 75 characters, folded onto continuation lines, never splitting a character.
    static func encodedWords(_ text: String) -> String {
        let printable = text.utf8.allSatisfy { (byte: UInt8) -> Bool in byte >= 32 && byte < 127 }
        if printable && !text.contains("=?") { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 45 bytes make 60 base64 characters: "=?UTF-8?B?" + 60 + "?=" is 72.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Quoted-printable (RFC 2045 6.7): lines kept, CRLF between them, `=` and bytes outside printable
    /// ASCII as `=XX`, a space or tab at a line's end encoded, soft breaks keeping lines under 77.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let equals = UInt8(ascii: "=")
        var lines: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var out: [UInt8] = []
            var width = 0
            for (index, byte) in bytes.enumerated() {
                let piece: [UInt8] = Self.isLiteral(byte, last: index == bytes.count - 1)
                    ? [byte] : [equals, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                if width + piece.count > 75 {
                    out += [equals, 13, 10]
                    width = 0
                }
                out += piece
                width += piece.count
            }
            lines.append(String(decoding: out, as: UTF8.self))
        }
        return lines.joined(separator: "\r\n")
    }

    /// Printable ASCII but `=` stands for itself; a space or tab too, except at a line's end.
    private static func isLiteral(_ byte: UInt8, last: Bool) -> Bool {
        if byte == 32 || byte == 9 { return !last }
        return byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")
    }

    /// `Thu, 03 Dec 2026 17:00:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
