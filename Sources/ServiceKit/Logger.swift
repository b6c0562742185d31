import Glibc
import HTTP

/// Structured logging: one JSON object per line on standard error (`LogLine`), written at once (after
/// the access lines queued before it).
public struct Logger: Sendable {
    public let service: String

    public init(service: String) { self.service = service }

    public func info(_ message: String, _ fields: [String: any JSONRepresentable] = [:]) { write("info", message, fields) }
    public func warning(_ message: String, _ fields: [String: any JSONRepresentable] = [:]) { write("warning", message, fields) }
    public func error(_ message: String, _ fields: [String: any JSONRepresentable] = [:]) { write("error", message, fields) }

    /// Writes a line with the given fields, typed as JSON values: no field is dropped or guessed at.
    public func write(_ level: String, _ message: String, _ fields: [String: any JSONRepresentable]) {
        LogOutput.standardError.write(LogLine.format(level: level, service: service, message: message, fields: fields))
    }
}

/// The log's ISO 8601 UTC time with milliseconds, without a formatter on every line.
enum LogTimestamp {
    static func now() -> String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `2026-11-23T09:18:04.123Z` for now.
    static func append(to out: inout [UInt8]) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var time = spec.tv_sec
        var parts = tm()
        gmtime_r(&time, &parts)
        func digits(_ value: Int32, _ width: Int) {
            var divisor: Int32 = 1
            for _ in 1..<width { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(48 + (value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(parts.tm_year + 1900, 4)
        out.append(UInt8(ascii: "-"))
        digits(parts.tm_mon + 1, 2)
        out.append(UInt8(ascii: "-"))
        digits(parts.tm_mday, 2)
        out.append(UInt8(ascii: "T"))
        digits(parts.tm_hour, 2)
        out.append(UInt8(ascii: ":"))
        digits(parts.tm_min, 2)
        out.append(UInt8(ascii: ":"))
        digits(parts.tm_sec, 2)
        out.append(UInt8(ascii: "."))
        digits(Int32(spec.tv_nsec / 1_000_000), 3)
        out.append(UInt8(ascii: "Z"))
    }
}
