import Complaints
import Postgres

extension RegionStore {
    /// Every known kecamatan and desa/kelurahan by code and name (the queue's area filter, the form's suggestions).
    /// - Throws: `PostgresError`.
    public static func directory(on connection: PostgresConnection) throws -> RegionDirectory {
        RegionDirectory(regions: try connection.query("select code, name from regions").compactMap { row in
            guard let code = RegionCode(try row.decode("code", as: String.self)) else { return nil }
            return NamedRegion(code: code, name: try row.decode("name"))
        })
    }
}
