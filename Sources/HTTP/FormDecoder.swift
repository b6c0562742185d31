/// `application/x-www-form-urlencoded` (and query strings), decoded in order.
public enum FormDecoder {
    /// Decodes `a=1&b=x+y`. Pairs with malformed escapes are skipped rather than guessed at.
    public static func decode<S: StringProtocol>(_ text: S) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = RequestTarget.percentDecode(parts[0], plusAsSpace: true),
                  let value = RequestTarget.percentDecode(parts.count > 1 ? parts[1] : "", plusAsSpace: true)
            else { continue }
            items.append((name: name, value: value))
        }
        return items
    }

    /// Decodes a form body; nil when it is not UTF-8.
    public static func decode(body: [UInt8]) -> [(name: String, value: String)]? {
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        return decode(text)
    }

    /// Encodes pairs for a body or query string.
    public static func encode(_ items: [(String, String)]) -> String {
        items.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
