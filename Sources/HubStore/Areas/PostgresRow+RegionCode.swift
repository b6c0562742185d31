import Complaints
import Postgres

extension PostgresRow {
    /// A region code column: nil when null.
    /// - Throws: `PostgresError.decoding` for text that is no Kemendagri code.
    func regionCode(_ column: String) throws -> RegionCode? {
        guard let text: String = try decode(column) else { return nil }
        guard let code = RegionCode(text) else { throw PostgresError.decoding(column: column, expected: "RegionCode", value: text) }
        return code
    }
}
