import Complaints
import JSON

/// Writes typed messages as the JSON text the queue carries, and reads them back.
public enum MessageEnvelope {
    /// The message as one flat JSON object: its fields, `type` and `version`, keys sorted by their
    /// bytes (as Foundation's `.sortedKeys` did for these ASCII keys), moments as seconds since
    /// 2001-01-01 (as `JSONEncoder` wrote them).
    public static func encode(_ message: any HubMessage) -> String {
        func encoded<M: HubMessage>(_ message: M) -> String {
            // A message's fields are text, numbers and codes: encoding cannot fail.
            (try? JSONValueEncoder().text(Envelope(message: message))) ?? "{}"
        }
        return encoded(message)
    }

    /// Reads a message of type `M`. A message without a version is version 1.
    /// - Throws: `MessageProblem`: another type, a version newer than this code reads, or fields
    ///   that do not fit the type.
    public static func decode<M: HubMessage>(_: M.Type, from json: String) throws(MessageProblem) -> M {
        do {
            return try JSONValueDecoder().decode(Envelope<M>.self, from: json).message
        } catch let problem as MessageProblem {
            throw problem
        } catch {
            throw .malformed(type: M.type, reason: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "no \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default: return String(describing: error)
        }
    }

    /// A message with its type and version beside its own fields.
    private struct Envelope<M: HubMessage>: Codable {
        let message: M

        enum Keys: String, CodingKey { case type, version }

        init(message: M) { self.message = message }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            let type = try? container.decodeIfPresent(String.self, forKey: .type)
            guard type == M.type else { throw MessageProblem.unknownType(type ?? "none", expected: M.type) }
            let version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
            guard (1...M.version).contains(version) else { throw MessageProblem.unsupportedVersion(type: M.type, version: version) }
            message = try M(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            try message.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(M.type, forKey: .type)
            try container.encode(M.version, forKey: .version)
        }
    }
}

/// Why a queue message cannot be read: it will never be, so it is dead-lettered at once.
public enum MessageProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownType(String, expected: String)
    case unsupportedVersion(type: String, version: Int)
    /// Not a JSON object, or fields that do not fit the type (`type` nil when it has none).
    case malformed(type: String?, reason: String)

    public var description: String {
        switch self {
        case .unknownType(let type, let expected): return "unknown message type \(type) (expected \(expected))"
        case .unsupportedVersion(let type, let version): return "\(type) version \(version) is newer than this service reads"
        case .malformed(let type, let reason): return "malformed \(type ?? "message"): \(reason)"
        }
    }
}
