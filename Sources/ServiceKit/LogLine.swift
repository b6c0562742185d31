import HTTP

/// A log line as the hub writes it, one JSON object on one line, by hand straight into bytes (no
/// Foundation): `time`, `level`, `service` and `msg` first, then the fields in the order of their names,
/// each written by the JSON layer (`JSONValue.write`, `JSONString`): `/` and non-ASCII text unescaped.
enum LogLine {
    /// Starts a line: `{"time":"…","level":…,"service":…,"msg":…` (no closing brace).
    static func appendHead(level: String, service: String, message: String, to line: inout [UInt8]) {
        line.append(contentsOf: "{\"time\":\"".utf8)
        LogTimestamp.append(to: &line)
        line.append(contentsOf: "\",\"level\":".utf8)
        JSONString.append(level, to: &line)
        line.append(contentsOf: ",\"service\":".utf8)
        JSONString.append(service, to: &line)
        line.append(contentsOf: ",\"msg\":".utf8)
        JSONString.append(message, to: &line)
    }

    /// A whole line with `fields` after the head. The head's names are its own: a field under one of
    /// them is left out, so no name appears twice in a line.
    static func format(level: String, service: String, message: String, fields: [String: any JSONRepresentable]) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(160)
        appendHead(level: level, service: service, message: message, to: &line)
        for name in fields.keys.sorted() where !head.contains(name) {
            line.append(UInt8(ascii: ","))
            JSONString.append(name, to: &line)
            line.append(UInt8(ascii: ":"))
            fields[name]!.json.write(to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        return line
    }

    private static let head: Set<String> = ["time", "level", "service", "msg"]
}
