/// The Host header's grammar (RFC 9110 §7.2: uri-host [ ":" port ]), checked before anything trusts it.
enum HostHeader {
    static func isValid(_ value: String) -> Bool {
        if value.isEmpty { return true }  // allowed when the target has no authority
        let bytes = Array(value.utf8)
        var hostEnd = bytes.count
        var index = 0
        if bytes[0] == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 1 else { return false }
            guard bytes[1..<close].allSatisfy({ RequestTarget.hexValue($0) != nil || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") })
            else { return false }
            index = close + 1
            hostEnd = index
            guard index == bytes.count || bytes[index] == UInt8(ascii: ":") else { return false }
        } else {
            hostEnd = bytes.lastIndex(of: UInt8(ascii: ":")) ?? bytes.count
            guard hostEnd > 0, bytes[0..<hostEnd].allSatisfy(isRegNameByte) else { return false }
            index = hostEnd
        }
        guard index < bytes.count else { return true }
        let port = bytes[(index + 1)...]
        return port.count <= 5 && port.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// unreserved / pct-encoded / sub-delims of RFC 3986 (the % is checked loosely; no escape decodes to a delimiter here).
    private static func isRegNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
             UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }
}
