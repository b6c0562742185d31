import Foundation
import HTTP

/// The access-log line, formatted by hand: it is written once per request, and Foundation's JSON
/// encoder costs more than the request itself on fast routes.
enum AccessLogLine {
    static func format(_ record: AccessRecord, service: String) -> String {
        let microseconds = (record.durationSeconds * 1_000_000).rounded()
        return "{\"time\":\"\(PostgresFreeTimestamp.now())\",\"level\":\"info\",\"service\":\(quoted(service)),"
            + "\"msg\":\"request\",\"id\":\(quoted(record.requestID)),\"method\":\(quoted(record.method)),"
            + "\"path\":\(quoted(record.path)),\"status\":\(record.status),\"bytes\":\(record.bytes),"
            + "\"duration\":\(microseconds / 1_000_000),\"duration_ms\":\(microseconds / 1000),"
            + "\"remote\":\(quoted(record.remoteAddress))}\n"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
