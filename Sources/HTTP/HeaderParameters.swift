/// Parses header values of the form `value; name=token; other="quoted \"string\""` (Content-Type,
/// Content-Disposition), the way RFC 9110 §5.6.6 writes parameters.
public struct HeaderParameters: Sendable, Equatable {
    /// The part before the first `;`, trimmed and lower-cased (`multipart/form-data`, `form-data`).
    public let value: String
    /// Parameters by lower-cased name, values unquoted.
    public let parameters: [String: String]

    /// - Returns: nil when a quoted string is not closed or a parameter has no name.
    public init?(_ header: String) {
        let bytes = Array(header.utf8)
        var index = 0
        func skipSpaces() { while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 } }
        var head: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { head.append(bytes[index]); index += 1 }
        value = String(decoding: head, as: UTF8.self).trimmingASCIIWhitespace().lowercased()
        var parameters: [String: String] = [:]
        while index < bytes.count {
            index += 1  // the ';'
            skipSpaces()
            if index >= bytes.count { break }
            var name: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") {
                name.append(bytes[index]); index += 1
            }
            let key = String(decoding: name, as: UTF8.self).trimmingASCIIWhitespace().lowercased()
            guard !key.isEmpty else { return nil }
            var text: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipSpaces()
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let byte = bytes[index]
                        index += 1
                        if byte == UInt8(ascii: "\\"), index < bytes.count {
                            text.append(bytes[index]); index += 1
                        } else if byte == UInt8(ascii: "\"") {
                            closed = true
                            break
                        } else {
                            text.append(byte)
                        }
                    }
                    guard closed else { return nil }
                    skipSpaces()
                } else {
                    while index < bytes.count, bytes[index] != UInt8(ascii: ";") { text.append(bytes[index]); index += 1 }
                }
            }
            if parameters[key] == nil {
                parameters[key] = String(decoding: text, as: UTF8.self).trimmingASCIIWhitespace()
            }
            while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        }
        self.parameters = parameters
    }
}
