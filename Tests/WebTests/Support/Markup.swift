/// The element structure of a page as a browser's tokenizer reads it, byte by byte: each tag's name
/// and the names of its attributes, in order; text and attribute values left out. A page rendered
/// with hostile text must have the skeleton it has with plain text, or the text broke out of its
/// place (closed an attribute, opened a tag, ended a textarea).
enum Markup {
    static func skeleton(_ html: String) -> [String] {
        let bytes = Array(html.utf8)
        var tags: [String] = []
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func lowered(_ range: Range<Int>) -> String { String(decoding: bytes[range].map { isLetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self) }
        func find(_ needle: String, from start: Int) -> Int? {
            let needle = Array(needle.utf8)
            var at = start
            while at + needle.count <= bytes.count {
                if zip(bytes[at..<at + needle.count], needle).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) { return at }
                at += 1
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                tags.append("!--")
                index = (find("-->", from: index + 4) ?? bytes.count) + 3
                continue
            }
            var cursor = index + 1
            let closing = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            let declaration = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "!")
            guard cursor < bytes.count, isLetter(bytes[cursor]) || declaration else { index += 1; continue }
            let nameStart = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: ">") {
                cursor += 1
            }
            let name = lowered(nameStart..<cursor)
            var attributes: [String] = []
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
                if isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1; continue }
                let attributeStart = cursor
                cursor += 1  // a first "=" belongs to the name, as in a browser
                while cursor < bytes.count, !isSpace(bytes[cursor]), ![UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(bytes[cursor]) {
                    cursor += 1
                }
                attributes.append(lowered(attributeStart..<cursor))
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { continue }
                cursor += 1
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { break }
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    cursor += 1
                    while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
                    cursor += 1
                } else {
                    while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                }
            }
            tags.append((closing ? "/" : "") + ([name] + attributes).joined(separator: " "))
            index = cursor + 1
            // Raw text and escapable raw text: nothing inside is markup until the element's own end tag.
            if !closing, ["script", "style", "textarea", "title"].contains(name), let end = find("</\(name)", from: index) {
                index = end
            }
        }
        return tags
    }

    /// Whether `needle` occurs in `html`, compared as bytes (String's own comparison works on
    /// characters, where a quote and a combining mark after it are one character).
    static func contains(_ html: String, _ needle: String) -> Bool {
        let haystack = Array(html.utf8), needle = Array(needle.utf8)
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}

extension Markup {
    /// Every `<form …>…</form>` of the page that posts (a state-changing form), whole.
    static func postForms(_ html: String) -> [Substring] {
        var forms: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<form"), let end = rest[start.upperBound...].range(of: "</form>") {
            let form = rest[start.lowerBound..<end.upperBound]
            if let tagEnd = form.firstIndex(of: ">"), form[..<tagEnd].lowercased().contains("method=\"post\"") { forms.append(form) }
            rest = rest[end.upperBound...]
        }
        return forms
    }
}
