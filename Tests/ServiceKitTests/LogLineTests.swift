import HTTP
@testable import ServiceKit
import Testing

struct LogLineTests {
    func line(_ fields: [String: any JSONRepresentable], message: String = "upstream unavailable") -> String {
        String(decoding: LogLine.format(level: "warning", service: "gateway", message: message, fields: fields), as: UTF8.self)
    }

    /// Everything after the time, which changes.
    func afterTheTime(_ line: String) -> Substring {
        line.drop { $0 != "Z" }.dropFirst()
    }

    @Test func aLineIsTheHeadThenTheFieldsInNameOrderOnOneLine() {
        let text = line(["module": "intake", "id": "r-1", "port": 8081, "error": "connection refused"])
        #expect(text.hasPrefix("{\"time\":\"") && text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1, "\(text)")
        #expect(afterTheTime(text) == #"","level":"warning","service":"gateway","msg":"upstream unavailable","#
                + #""error":"connection refused","id":"r-1","module":"intake","port":8081}"# + "\n", "\(text)")
    }

    @Test func theTimeIsUTCWithMilliseconds() throws {
        let time = try #require(try JSONValue.parse(Array(line([:]).utf8))["time"]?.stringValue)
        #expect(time.count == 24 && time.hasSuffix("Z") && time.dropFirst(10).first == "T" && time.dropFirst(19).first == ".", "\(time)")
    }

    @Test func fieldsKeepTheirJSONTypes() throws {
        let missing: String? = nil
        let value = try JSONValue.parse(Array(line(["count": 3, "ratio": 0.25, "ok": true, "none": missing, "ids": ["a", "b"],
                                                    "detail": JSONValue.object(["n": 1])]).utf8))
        #expect(value["count"] == .integer(3) && value["ratio"] == .number(0.25) && value["ok"] == .bool(true))
        #expect(value["none"] == .null && value["ids"] == ["a", "b"] && value["detail"] == ["n": 1])
    }

    @Test func slashesAndNonASCIITextAreWrittenAsTheyAre() {
        // The end-to-end privacy tests look for the redacted path exactly so.
        #expect(line(["path": "/staff/cases/7QK2…"]).contains(#""path":"/staff/cases/7QK2…""#))
    }

    @Test func hostileTextStaysInsideItsString() throws {
        let hostile = "x\",\"level\":\"error\n\u{1}\\"
        let text = line(["error": hostile, hostile: 1], message: hostile)
        #expect(text.filter { $0 == "\n" }.count == 1, "\(text)")
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["msg"] == .string(hostile) && value["error"] == .string(hostile) && value[hostile] == .integer(1))
        #expect(value["level"] == "warning")
    }

    @Test func aFieldNamedLikeTheHeadDoesNotRepeatIt() throws {
        let text = line(["level": "debug", "msg": "other", "time": 0, "service": "intake", "id": "r-2"])
        for name in ["time", "level", "service", "msg"] {
            #expect(text.components(separatedBy: "\"\(name)\":").count == 2, "\(name) once: \(text)")
        }
        let value = try JSONValue.parse(Array(text.utf8))
        #expect(value["level"] == "warning" && value["msg"] == "upstream unavailable" && value["service"] == "gateway" && value["id"] == "r-2")
    }
}
