import HTTP

/// The access-log line, formatted by hand straight into bytes: it is written once per request, and
/// building it through Foundation or many small strings costs more than the request itself on fast
/// routes. Paths and addresses are logged as `LogRedaction` keeps them.
enum AccessLogLine {
    static func format(_ record: AccessRecord, service: String) -> [UInt8] {
        let microseconds = (record.durationSeconds * 1_000_000).rounded()
        var line: [UInt8] = []
        line.reserveCapacity(256 + record.path.utf8.count)
        LogLine.appendHead(level: "info", service: service, message: "request", to: &line)
        line.append(contentsOf: ",\"id\":".utf8)
        JSONString.append(record.requestID, to: &line)
        line.append(contentsOf: ",\"method\":".utf8)
        JSONString.append(record.method, to: &line)
        line.append(contentsOf: ",\"path\":".utf8)
        JSONString.append(LogRedaction.path(record.path), to: &line)
        line.append(contentsOf: ",\"status\":".utf8)
        line.append(contentsOf: String(record.status).utf8)
        line.append(contentsOf: ",\"bytes\":".utf8)
        line.append(contentsOf: String(record.bytes).utf8)
        line.append(contentsOf: ",\"duration\":".utf8)
        line.append(contentsOf: "\(microseconds / 1_000_000)".utf8)
        line.append(contentsOf: ",\"duration_ms\":".utf8)
        line.append(contentsOf: "\(microseconds / 1000)".utf8)
        line.append(contentsOf: ",\"remote\":".utf8)
        JSONString.append(LogRedaction.address(record.remoteAddress, path: record.path), to: &line)
        line.append(contentsOf: "}\n".utf8)
        return line
    }
}
