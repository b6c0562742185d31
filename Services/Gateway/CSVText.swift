/// The open data's CSV (RFC 4180, CRLF lines), written into bytes line by line. A field a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading apostrophe
/// (OWASP's CSV injection advice); numbers and dates never start so.
struct CSVText {
    private(set) var bytes: [UInt8] = []

    init(columns: [String], capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
        line(columns)
    }

    mutating func line(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: Self.field(field).utf8)
        }
        bytes.append(contentsOf: "\r\n".utf8)
    }

    static func field(_ value: String) -> String {
        var field = value
        if let first = field.utf8.first, "=+-@\t\r".utf8.contains(first), Double(field) == nil {
            field = "'" + field
        }
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
