/// The open data's CSV (RFC 4180, CRLF lines), written into bytes field by field. A field a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe
/// (OWASP's CSV injection advice); numbers and dates never start so.
struct CSVText {
    private(set) var bytes: [UInt8] = []
    /// Whether the line has a field already (the next one needs a comma).
    private var inLine = false

    init(columns: [String], capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
        line(columns)
    }

    mutating func line(_ fields: [String]) {
        for field in fields { self.field(field) }
        endLine()
    }

    mutating func field(_ value: String) {
        if inLine { bytes.append(UInt8(ascii: ",")) }
        inLine = true
        let utf8 = value.utf8
        let guarded = utf8.first.map { "=+-@\t\r".utf8.contains($0) && Double(value) == nil } ?? false
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if guarded { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                bytes.append(byte)
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func endLine() {
        bytes.append(contentsOf: "\r\n".utf8)
        inLine = false
    }
}
