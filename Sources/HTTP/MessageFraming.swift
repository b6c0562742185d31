/// What request and response parsing share: the Content-Length rule (RFC 9110 §8.6) and the
/// buffer their bytes wait in.
enum MessageFraming {
    enum LengthError: Error { case notDigits, conflicting }

    /// The one length that Content-Length fields declare: decimal digits (at most 15), a list of equal
    /// values counting as one.
    static func contentLength(_ fields: [String]) -> Result<Int, LengthError> {
        var length: Int?
        for field in fields {
            for part in field.split(separator: ",", omittingEmptySubsequences: false) {
                let digits = part.trimmingASCIIWhitespace()
                guard !digits.isEmpty, digits.count <= 15, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                      let value = Int(digits) else { return .failure(.notDigits) }
                if let length, length != value { return .failure(.conflicting) }
                length = value
            }
        }
        guard let length else { return .failure(.notDigits) }
        return .success(length)
    }

    /// Appends received bytes to a parser's buffer, first dropping what was consumed (all of it at
    /// once when nothing is left, else once more than 64 KiB of it piled up).
    static func append<C: Collection>(_ bytes: C, to buffer: inout [UInt8], start: inout Int) where C.Element == UInt8 {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 65_536 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }
}
