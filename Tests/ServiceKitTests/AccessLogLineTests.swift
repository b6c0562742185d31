import Foundation
@testable import HTTP
@testable import ServiceKit
import Testing

struct AccessLogLineTests {
    func line(path: String, remote: String = "203.0.113.77", method: String = "GET", id: String = "r-1",
              status: Int = 200, duration: Double = 0.0015) throws -> [String: Any] {
        let record = AccessRecord(requestID: id, method: method, path: path, status: status, bytes: 512,
                                  durationSeconds: duration, remoteAddress: remote)
        let bytes = AccessLogLine.format(record, service: "gateway")
        #expect(bytes.last == UInt8(ascii: "\n") && bytes.filter { $0 == UInt8(ascii: "\n") }.count == 1, "one line")
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func isOneJSONObjectWithTheRequestsFacts() throws {
        let fields = try line(path: "/api/v1/categories", status: 304)
        #expect(Set(fields.keys) == ["time", "level", "service", "msg", "id", "method", "path", "status", "bytes", "duration",
                                     "duration_ms", "remote"])
        #expect(fields["level"] as? String == "info" && fields["service"] as? String == "gateway" && fields["msg"] as? String == "request")
        #expect(fields["id"] as? String == "r-1" && fields["method"] as? String == "GET" && fields["path"] as? String == "/api/v1/categories")
        #expect((fields["status"] as? NSNumber)?.intValue == 304 && (fields["bytes"] as? NSNumber)?.intValue == 512)
        #expect((fields["duration"] as? NSNumber)?.doubleValue == 0.0015 && (fields["duration_ms"] as? NSNumber)?.doubleValue == 1.5)
    }

    @Test func theTimeIsUTCWithMilliseconds() throws {
        let time = try #require(try line(path: "/")["time"] as? String)
        #expect(time.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil, "\(time)")
    }

    @Test func theAccessLineCarriesNeitherCodeNorFullAddress() {
        let record = AccessRecord(requestID: "r-1", method: "GET", path: "/track/7QK2M9XW4HNPA", status: 200, bytes: 10,
                                  durationSeconds: 0.001, remoteAddress: "203.0.113.77")
        let line = String(decoding: AccessLogLine.format(record, service: "gateway"), as: UTF8.self)
        #expect(!line.contains("7QK2M9XW4HNPA") && !line.contains("203.0.113.77"), "\(line)")
        #expect(line.contains("\"path\":\"/track/7QK2…\"") && line.contains("\"remote\":\"203.0.113.0/24\""), "\(line)")
    }

    @Test func theStaffSideKeepsTheAddress() throws {
        let fields = try line(path: "/api/v1/staff/cases/7QK2M9XW4HNPA/claim", method: "POST")
        #expect(fields["path"] as? String == "/api/v1/staff/cases/7QK2…/claim" && fields["remote"] as? String == "203.0.113.77")
    }

    @Test func hostileTextStaysInsideItsString() throws {
        let fields = try line(path: "/\"},\"level\":\"error\n\u{1}", method: "GET\"", id: "r\\1")
        #expect(fields["path"] as? String == "/\"},\"level\":\"error\n\u{1}" && fields["level"] as? String == "info")
        #expect(fields["method"] as? String == "GET\"" && fields["id"] as? String == "r\\1")
    }

    @Test func aRequestThatDidNotParseIsLoggedToo() throws {
        let fields = try line(path: "-", remote: "", method: "-", id: "", status: 400)
        #expect(fields["path"] as? String == "-" && fields["remote"] as? String == "" && fields["id"] as? String == "")
    }
}
