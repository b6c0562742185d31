/// Why the hub refuses what was asked: the HTTP status it answers with, a stable code for JSON
/// clients and the message in Indonesian and English. Domain rules throw these; the JSON and the page
/// renderers show them, so a refusal is worded once.
public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    public let code: String
    public let messageID: String
    public let messageEN: String

    public init(status: Int, code: String, id messageID: String, en messageEN: String) {
        self.status = status
        self.code = code
        self.messageID = messageID
        self.messageEN = messageEN
    }

    public func message(_ language: Language) -> String { language == .en ? messageEN : messageID }

    public var description: String { "\(status) \(code): \(messageEN)" }
}
