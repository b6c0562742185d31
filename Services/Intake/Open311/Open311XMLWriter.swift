/// Writes an `Open311Value` as an XML document: the UTF-8 declaration, the root element, one child
/// element per member, one element per list item, empty elements for nulls. No attributes and no
/// namespaces, as the GeoReport v2 examples.
enum Open311XMLWriter {
    static func write(_ document: Open311Document) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        element(document.root, document.value, into: &out)
        out += "\n"
        return out
    }

    static func element(_ name: String, _ value: Open311Value, into out: inout String) {
        switch value {
        case .null:
            out += "<\(name)/>"
        case .object(let members):
            out += "<\(name)>"
            for (member, child) in members { element(member, child, into: &out) }
            out += "</\(name)>"
        case .list(let item, let items):
            out += "<\(name)>"
            for child in items { element(item, child, into: &out) }
            out += "</\(name)>"
        case .text(let text): out += "<\(name)>" + escape(text) + "</\(name)>"
        case .integer(let number): out += "<\(name)>\(number)</\(name)>"
        case .number(let number): out += number.isFinite ? "<\(name)>\(number)</\(name)>" : "<\(name)/>"
        case .bool(let flag): out += "<\(name)>\(flag ? "true" : "false")</\(name)>"
        }
    }

    /// Escapes character data (also safe inside attribute values). Characters XML 1.0 cannot carry
    /// at all (most C0 controls, unpaired surrogates never reach a Swift string, U+FFFE/U+FFFF)
    /// become U+FFFD, so a stored description can never make the document malformed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            // A literal CR would be normalised away by the reader; keep it as a reference.
            case "\r": out += "&#13;"
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
