import Foundation
import Synchronization

/// Counters and gauges rendered in Prometheus' text format at `/metrics`.
public final class Metrics: Sendable {
    private let counters = Mutex<[String: Double]>([:])
    private let gauges = Mutex<[String: @Sendable () -> [(labels: String, value: Double)]]>([:])
    private let help = Mutex<[String: (type: String, text: String)]>([:])

    public init() {}

    /// Adds to a counter. `labels` is a rendered label set such as `method="GET",status="200"`.
    public func increment(_ name: String, labels: String = "", by amount: Double = 1) {
        let key = labels.isEmpty ? name : "\(name){\(labels)}"
        counters.withLock { $0[key, default: 0] += amount }
    }

    /// Describes a metric family for the exposition.
    public func describe(_ name: String, type: String, help text: String) {
        help.withLock { $0[name] = (type, text) }
    }

    /// Registers a metric family read when `/metrics` is scraped (a gauge, or a counter kept elsewhere).
    public func gauge(_ name: String, type: String = "gauge", help text: String,
                      _ read: @escaping @Sendable () -> [(labels: String, value: Double)]) {
        describe(name, type: type, help: text)
        gauges.withLock { $0[name] = read }
    }

    /// The exposition text.
    public func render() -> String {
        let descriptions = help.withLock { $0 }
        var families: [String: [String]] = [:]
        for (key, value) in counters.withLock({ $0 }) {
            let name = String(key.prefix { $0 != "{" })
            families[name, default: []].append("\(key) \(format(value))")
        }
        for (name, read) in gauges.withLock({ $0 }) {
            for sample in read() {
                families[name, default: []].append(sample.labels.isEmpty ? "\(name) \(format(sample.value))"
                                                   : "\(name){\(sample.labels)} \(format(sample.value))")
            }
        }
        var text = ""
        for name in families.keys.sorted() {
            if let description = descriptions[name] {
                text += "# HELP \(name) \(description.text)\n# TYPE \(name) \(description.type)\n"
            }
            text += families[name]!.sorted().joined(separator: "\n") + "\n"
        }
        return text
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// Escapes a label value.
    public static func label(_ value: String) -> String {
        // Almost every value needs no escaping; checking costs far less than three Foundation replaces.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == 10 }) else {
            return value
        }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
