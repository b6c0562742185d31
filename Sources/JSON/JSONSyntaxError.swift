/// The bytes are not one JSON value as RFC 8259 writes it: why the reading stopped, and where.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public enum Reason: String, Sendable {
        /// The text ended inside a value (or held none).
        case unexpectedEnd
        /// A byte that cannot stand where it is (a missing comma or colon, a bare word, a trailing comma).
        case unexpectedByte
        /// A number outside the grammar: a leading zero, a sign without digits, `1.`, `1e`.
        case invalidNumber
        /// A number too large for a double (`1e400`).
        case numberOutOfRange
        /// A backslash followed by anything but `"\/bfnrt` or `u` and four hex digits.
        case invalidEscape
        /// A `\u` escape of half a surrogate pair.
        case loneSurrogate
        /// Bytes inside a string that are not UTF-8.
        case invalidUTF8
        /// A control character (U+0000 to U+001F) inside a string, unescaped.
        case controlCharacter
        /// Arrays and objects nested deeper than `JSONParser.maximumDepth`.
        case tooDeep
        /// Something other than whitespace after the value.
        case trailingBytes
    }

    public let reason: Reason
    /// The offset of the byte where the reading stopped (for an escape or a number, where it starts).
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}
