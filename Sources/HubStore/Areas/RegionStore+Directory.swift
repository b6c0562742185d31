import Complaints
import Postgres

extension RegionStore {
    /// Every known kecamatan and desa/kelurahan by code and name (the queue's area filter, the form's suggestions).
    /// - Throws: `PostgresError`.
    public static func directory(on connection: PostgresConnection) throws -> RegionDirectory {
        RegionDirectory(regions: try connection.query("select code, name from regions").compactMap { row in
            try row.regionCode("code").map { NamedRegion(code: $0, name: try row.decode("name")) }
        })
    }
}
