import Complaints
import Foundation
import HubStore
import Postgres

extension AreasCommand {
    /// The GeoJSON: every feature checked (its shape here, its validity by PostGIS, its kecamatan in
    /// the file or known) before one transaction stores them all, kecamatan first; a region already
    /// known keeps its kind and letterhead and gets the file's name and boundary. Then the complaints
    /// with a point and no area codes yet are placed, in batches.
    static func importBoundaries(_ path: String, connection: PostgresConnection) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw HubctlError(message: "cannot read \(path)") }
        let boundaries = try AreaGeoJSON(bytes: [UInt8](data)).boundaries
        try checkValidity(boundaries, on: connection)
        let districts = boundaries.filter { !$0.code.isVillage }, villages = boundaries.filter { $0.code.isVillage }
        let inFile = Set(districts.map(\.code))
        let known = try RegionStore.known(Array(Set(villages.map(\.code.district)).subtracting(inFile)), on: connection)
        if let index = boundaries.firstIndex(where: { $0.code.isVillage && !inFile.contains($0.code.district) && !known.contains($0.code.district) }) {
            let orphan = boundaries[index]
            throw HubctlError(message: "features[\(index)] (\(orphan.code)): its kecamatan \(orphan.code.district) is neither in the file nor known")
        }
        let new = try connection.transaction { connection in
            try RegionStore.save(districts, on: connection) + RegionStore.save(villages, on: connection)
        }
        print("imported \(districts.count) kecamatan and \(villages.count) desa/kelurahan with their boundaries (\(new) new)")
        let placed = try RegionStore.placeUnplacedComplaints(on: connection)
        print("placed \(placed) complaints by their points")
    }

    /// Refuses the first boundary PostGIS does not accept, naming the feature and PostGIS's reason.
    private static func checkValidity(_ boundaries: [RegionStore.Boundary], on connection: PostgresConnection) throws {
        let invalid: [(index: Int, reason: String)]
        do {
            invalid = try RegionStore.invalidBoundaries(boundaries.map(\.geometry), on: connection)
        } catch let error as PostgresError where !error.isConnectionProblem {
            // PostGIS could not read one at all: ask feature by feature which.
            for (index, boundary) in boundaries.enumerated() {
                do {
                    _ = try RegionStore.invalidBoundaries([boundary.geometry], on: connection)
                } catch let error as PostgresError where !error.isConnectionProblem {
                    throw HubctlError(message: "features[\(index)] (\(boundary.code)): PostGIS cannot read the geometry: \(error)")
                }
            }
            throw error
        }
        if let first = invalid.first {
            throw HubctlError(message: "features[\(first.index)] (\(boundaries[first.index].code)): the boundary is not valid: \(first.reason)")
        }
    }
}
