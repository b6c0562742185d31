import Complaints
import HubStore
import JSON

/// The GeoJSON `hubctl areas import` reads: a FeatureCollection whose features each carry the
/// properties
/// - `code`: the Kemendagri code, `35.03.01` for a kecamatan, `35.03.01.2001` for a desa/kelurahan;
/// - `name`: 1 to 120 characters (spaces around and between words reduced to one);
/// - `level`: `kecamatan` or `desa` (a desa/kelurahan; whether it is a kelurahan its code says: the
///   fourth group starts with 1 for a kelurahan, 2 for a desa);
/// - `parent`: a desa's kecamatan code (the first three groups of its own), null or absent for a kecamatan;
/// and a Polygon or MultiPolygon geometry in WGS 84 (longitude, latitude). Each refusal names the
/// feature by its position in `features` and its code.
struct AreaGeoJSON {
    /// The regions of the file, in its order.
    let boundaries: [RegionStore.Boundary]

    /// - Throws: `HubctlError` naming the first feature that is wrong and why.
    init(bytes: [UInt8]) throws {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes)
        } catch {
            throw HubctlError(message: "not JSON: \(error.reason.rawValue) at byte \(error.offset)")
        }
        guard root["type"]?.stringValue == "FeatureCollection", case .array(let features)? = root["features"] else {
            throw HubctlError(message: "the file must be a GeoJSON FeatureCollection with a features array")
        }
        var boundaries: [RegionStore.Boundary] = []
        var seen: [RegionCode: Int] = [:]
        for (index, feature) in features.enumerated() {
            let boundary = try Self.boundary(feature, index: index)
            if let first = seen[boundary.code] {
                throw HubctlError(message: "features[\(index)] (\(boundary.code)): the code appears again (first in features[\(first)])")
            }
            seen[boundary.code] = index
            boundaries.append(boundary)
        }
        self.boundaries = boundaries
    }

    /// One feature, checked.
    static func boundary(_ feature: JSONValue, index: Int) throws -> RegionStore.Boundary {
        let properties = feature["properties"]
        let codeText = properties?["code"]?.stringValue
        func refuse(_ why: String) -> HubctlError {
            HubctlError(message: "features[\(index)] (\(codeText ?? "no code")): \(why)")
        }
        guard feature["type"]?.stringValue == "Feature", case .object? = properties else {
            throw refuse("not a Feature with properties")
        }
        guard let codeText, let code = RegionCode(codeText) else {
            throw refuse("code must be a Kemendagri code such as 35.03.01 (kecamatan) or 35.03.01.2001 (desa/kelurahan)")
        }
        let kind: RegionKind
        switch properties?["level"]?.stringValue {
        case "kecamatan":
            guard !code.isVillage else { throw refuse("a kecamatan has a code of three groups") }
            kind = .kecamatan
        case "desa":
            guard code.isVillage else { throw refuse("a desa has a code of four groups") }
            guard let villageKind = code.villageKind else {
                throw refuse("the code's fourth group must start with 1 (kelurahan) or 2 (desa)")
            }
            kind = villageKind
        default:
            throw refuse("level must be kecamatan or desa")
        }
        let parent = properties?["parent"] ?? .null
        if kind.isVillage {
            guard parent.stringValue == code.district.value else {
                throw refuse("parent must be its kecamatan's code \(code.district) (the code's first three groups)")
            }
        } else if !parent.isNull {
            throw refuse("a kecamatan has no parent (null or absent)")
        }
        guard let name = AreaGeoJSON.name(properties?["name"]?.stringValue), (1...120).contains(name.count) else {
            throw refuse("name must have 1 to 120 characters")
        }
        let geometry = feature["geometry"] ?? .null
        if let problem = Self.geometryProblem(geometry) { throw refuse(problem) }
        let written = JSONValue.object(["type": geometry["type"]!, "coordinates": geometry["coordinates"]!])
        return RegionStore.Boundary(code: code, kind: kind, name: name, geometry: String(decoding: written.bytes, as: UTF8.self))
    }

    /// The name trimmed, its runs of spaces reduced to one, as placement matches names.
    static func name(_ text: String?) -> String? {
        text.map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
    }

    /// What is wrong with a geometry's shape, or nil for a Polygon or MultiPolygon of closed rings of
    /// at least four positions of longitude and latitude (PostGIS then judges its validity).
    static func geometryProblem(_ geometry: JSONValue) -> String? {
        switch GeoJSONPolygons.read(geometry) {
        case .failure(let problem): return problem.description
        case .success(let polygons):
            for ring in polygons.joined() {
                guard ring.count >= 4 else { return "a ring needs at least four positions" }
                guard ring.allSatisfy({ (-180...180).contains($0.lon) && (-90...90).contains($0.lat) }) else {
                    return "a position must be [longitude, latitude] in degrees"
                }
                guard ring.first == ring.last else { return "a ring must end where it starts" }
            }
            return nil
        }
    }
}
