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
