import Foundation
import HTTP

/// The access-log line, formatted by hand: it is written once per request, and Foundation's JSON
/// encoder costs more than the request itself on fast routes.
enum AccessLogLine {
    static func format(_ record: AccessRecord, service: String) -> String {
        let microseconds = (record.durationSeconds * 1_000_000).rounded()
        return "{\"time\":\"\(LogTimestamp.now())\",\"level\":\"info\",\"service\":\(quoted(service)),"
            + "\"msg\":\"request\",\"id\":\(quoted(record.requestID)),\"method\":\(quoted(record.method)),"
            + "\"path\":\(quoted(record.path)),\"status\":\(record.status),\"bytes\":\(record.bytes),"
            + "\"duration\":\(microseconds / 1_000_000),\"duration_ms\":\(microseconds / 1000),"
            + "\"remote\":\(quoted(record.remoteAddress))}\n"
    }

    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
