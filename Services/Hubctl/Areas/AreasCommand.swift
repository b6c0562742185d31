import Complaints
import Foundation
import HubStore
import Postgres

/// `hubctl areas import FILE.csv|FILE.geojson`, decided by the file's extension: a CSV loads the
/// kecamatan and desa/kelurahan with their letterheads (see `AreaCSV` for the columns), a GeoJSON
/// their names and boundaries (`AreaGeoJSON`, `importBoundaries`); all or nothing, kecamatan first.
enum AreasCommand {
    static let usage = "usage: hubctl areas import FILE.csv|FILE.geojson"

    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        guard arguments.count == 2, arguments[0] == "import" else { throw HubctlError(message: usage, exitCode: 2) }
        let path = arguments[1]
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": try importLetterheads(path, connection: connection)
        case "geojson", "json": try importBoundaries(path, connection: connection)
        default: throw HubctlError(message: "give a .csv or .geojson file\n" + usage, exitCode: 2)
        }
    }

    /// The CSV: a region already known gets the file's letterhead.
    static func importLetterheads(_ path: String, connection: PostgresConnection) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw HubctlError(message: "cannot read \(path) as UTF-8 text")
        }
        let csv = try AreaCSV(text: text)
        let folder = (path as NSString).deletingLastPathComponent
        let regions = try csv.rows.map { row -> Region in
            guard let logoPath = row.logo else {
                return Region(code: row.code, kind: row.kind, name: row.name, address: row.address)
            }
            let full = logoPath.hasPrefix("/") ? logoPath : (folder.isEmpty ? logoPath : folder + "/" + logoPath)
            guard let bytes = FileManager.default.contents(atPath: full).map({ [UInt8]($0) }) else {
                throw HubctlError(message: "line \(row.line): cannot read the logo \(logoPath)")
            }
            guard bytes.count <= 1 << 20, let format = PhotoFormat(sniffing: bytes), format != .webp else {
                throw HubctlError(message: "line \(row.line): the logo must be a PNG or JPEG of at most 1 MiB")
            }
            return Region(code: row.code, kind: row.kind, name: row.name, address: row.address, logo: bytes, logoMediaType: format.rawValue)
        }
        try connection.transaction { connection in
            for region in regions.sorted(by: { !$0.kind.isVillage && $1.kind.isVillage }) {
                do {
                    try RegionStore.save(region, on: connection)
                } catch let error as PostgresError where error.kind == .foreignKeyViolation {
                    throw HubctlError(message: "\(region.code): its kecamatan \(region.code.district) is neither in the file nor known")
                }
            }
        }
        let districts = regions.filter { !$0.kind.isVillage }.count
        print("imported \(districts) kecamatan and \(regions.count - districts) desa/kelurahan")
    }
}
