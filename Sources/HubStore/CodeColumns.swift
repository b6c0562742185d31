import Complaints
import Postgres

/// The domain's codes as columns: written as their raw value, read back only when the hub knows the
/// code (an unknown one is `PostgresError.decoding`, never a default).
extension Channel: PostgresDecodable, PostgresEncodable {
    public static func decode(postgresText text: String?) -> Channel? { text.flatMap(Channel.init(rawValue:)) }
    public var postgresValue: PostgresValue { .text(rawValue) }
}

extension PhotoPurpose: PostgresDecodable, PostgresEncodable {
    public static func decode(postgresText text: String?) -> PhotoPurpose? { text.flatMap(PhotoPurpose.init(rawValue:)) }
    public var postgresValue: PostgresValue { .text(rawValue) }
}

/// An event's kind and its actor's role are read back whatever they are: one this build does not
/// know (written by a newer one) is `unrecognised`, kept as stored, so a timeline never fails to show.
extension EventKind: PostgresDecodable, PostgresEncodable {
    public static func decode(postgresText text: String?) -> EventKind? { text.map(EventKind.init(rawValue:)) }
    public var postgresValue: PostgresValue { .text(rawValue) }
}

extension ActorRole: PostgresDecodable, PostgresEncodable {
    public static func decode(postgresText text: String?) -> ActorRole? { text.map(ActorRole.init(rawValue:)) }
    public var postgresValue: PostgresValue { .text(rawValue) }
}
