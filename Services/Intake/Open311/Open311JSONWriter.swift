import HTTP
/// Writes an `Open311Value` as compact JSON, members in their given order, non-ASCII text as UTF-8.
enum Open311JSONWriter {
    static func write(_ document: Open311Document) -> String {
        var out = ""
        write(document.value, into: &out)
        return out
    }

    static func write(_ value: Open311Value, into out: inout String) {
        switch value {
        case .text(let text): JSONString.append(text, to: &out)
        case .integer(let number): out += String(number)
        case .number(let number): out += number.isFinite ? "\(number)" : "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .object(let members):
            out += "{"
            for (index, (name, member)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONString.append(name, to: &out)
                out += ":"
                write(member, into: &out)
            }
            out += "}"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        }
    }

}
