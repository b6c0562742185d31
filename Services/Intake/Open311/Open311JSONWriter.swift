import HTTP
/// Writes an `Open311Value` as compact JSON, members in their given order, non-ASCII text as UTF-8,
/// straight into the answer's bytes.
enum Open311JSONWriter {
    static func write(_ document: Open311Document) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        write(document.value, into: &out)
        return out
    }

    static func write(_ value: Open311Value, into out: inout [UInt8]) {
        switch value {
        case .text(let text): JSONString.append(text, to: &out)
        case .integer(let number): out.append(contentsOf: String(number).utf8)
        case .number(let number): out.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (name, member)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONString.append(name, to: &out)
                out.append(UInt8(ascii: ":"))
                write(member, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .list(_, let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
    }

}
