/// Reads environment variables into typed values and keeps every problem it meets, so that a bad
/// configuration is reported whole, each line naming its variable, what was wrong and what is expected.
/// A variable that is unset or empty takes its default; one that is set but does not read is a problem,
/// never a silent default.
public struct ConfigurationReader {
    private let values: [String: String]
    /// Every problem met so far, in the order the variables were read.
    public private(set) var problems: [ConfigurationProblem] = []

    public init(_ values: [String: String]) { self.values = values }

    /// The variable's text, or nil when it is unset or empty.
    public func text(_ name: String) -> String? {
        guard let text = values[name], !text.isEmpty else { return nil }
        return text
    }

    /// Reads a variable that is set with `parse`.
    /// - Parameters:
    ///   - expected: what a good value looks like, for the message (`an integer in 1...200`).
    ///   - secret: leave the value out of the message (tokens, passwords, connection strings).
    ///   - parse: the typed value, or nil when the text is not acceptable.
    /// - Returns: the parsed value; nil when unset, or (with a problem recorded) when it does not read.
    public mutating func read<Value>(_ name: String, expected: String, secret: Bool = false,
                                     _ parse: (String) -> Value?) -> Value? {
        guard let text = text(name) else { return nil }
        if let value = parse(text) { return value }
        report(name, "must be \(expected)" + (secret ? "" : ", got \(text)"))
        return nil
    }

    /// Reads a variable that has a default, as `read(_:expected:secret:_:)` does. `Value` is never
    /// optional here: a variable without a default is read with that one, so "does not read" cannot
    /// turn into a value.
    /// - Returns: the parsed value; `fallback` when unset, or (with a problem recorded) when it does not read.
    public mutating func read<Value>(_ name: String, default fallback: Value, expected: String, secret: Bool = false,
                                     _ parse: (String) -> Value?) -> Value {
        read(name, expected: expected, secret: secret, parse) ?? fallback
    }

    /// Reads a variable whose parser says itself what is wrong (a list naming its bad entry).
    public mutating func read<Value, Failure: Error>(_ name: String, default fallback: Value,
                                                     _ parse: (String) throws(Failure) -> Value) -> Value {
        guard let text = text(name) else { return fallback }
        do {
            return try parse(text)
        } catch {
            problems.append(ConfigurationProblem(variable: name, message: "\(name): \(error)"))
            return fallback
        }
    }

    /// An integer within `range`, `fallback` when unset.
    public mutating func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        read(name, default: fallback, expected: "an integer in \(range.lowerBound)...\(range.upperBound)") { text in
            Int(text).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// `1` (on) or `0` (off); `fallback` when unset.
    public mutating func flag(_ name: String, default fallback: Bool) -> Bool {
        read(name, default: fallback, expected: "1 or 0 (default \(fallback ? 1 : 0))") { text in
            switch text {
            case "1": return true
            case "0": return false
            default: return nil
            }
        }
    }

    /// Records a problem with a variable: `message` follows the variable's name.
    public mutating func report(_ name: String, _ message: String) {
        problems.append(ConfigurationProblem(variable: name, message: "\(name) \(message)"))
    }

    /// - Throws: `ConfigurationError` with every problem met, when there is any.
    public func finish() throws(ConfigurationError) {
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
    }
}

/// One variable that does not read.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    /// The variable's name (`HUB_GATEWAY_PORT`).
    public let variable: String
    /// The whole sentence for the operator, starting with the variable's name.
    public let message: String
    public var description: String { message }
}

/// The configuration does not read: the executable stops and prints one line per problem.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let problems: [ConfigurationProblem]
    /// The variables named, in order.
    public var variables: [String] { problems.map(\.variable) }
    public var description: String { problems.map(\.message).joined(separator: "\n") }
}
