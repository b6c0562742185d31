import Complaints
@testable import Hubctl
import Testing

/// The GeoJSON of `hubctl areas import`: its features read into regions, and a refusal naming the
/// feature (position and code) for every kind of mistake.
struct AreaGeoJSONTests {
    static let square = #"{"type": "Polygon", "coordinates": [[[106.7, -6.6], [106.8, -6.6], [106.8, -6.5], [106.7, -6.6]]]}"#

    static func feature(_ code: String, _ name: String = "Sukamaju", level: String = "kecamatan", parent: String = "null",
                        geometry: String = square) -> String {
        #"{"type": "Feature", "properties": {"code": "\#(code)", "name": "\#(name)", "level": "\#(level)", "parent": \#(parent)}, "geometry": \#(geometry)}"#
    }

    static func collection(_ features: String...) -> [UInt8] {
        Array(#"{"type": "FeatureCollection", "features": [\#(features.joined(separator: ","))]}"#.utf8)
    }

    @Test func readsKecamatanAndDesaWithTheirKindFromTheCode() throws {
        let file = try AreaGeoJSON(bytes: Self.collection(
            Self.feature("99.01.01", "  Suka   maju "),
            Self.feature("99.01.01.1002", "Mekarsari", level: "desa", parent: #""99.01.01""#),
            Self.feature("99.01.01.2001", "Sukamaju", level: "desa", parent: #""99.01.01""#,
                         geometry: #"{"type": "MultiPolygon", "coordinates": [[[[106, -6], [107, -6], [107, -7], [106, -6]]]]}"#)))
        #expect(file.boundaries.map(\.code.value) == ["99.01.01", "99.01.01.1002", "99.01.01.2001"])
        #expect(file.boundaries.map(\.kind) == [.kecamatan, .kelurahan, .desa])
        #expect(file.boundaries[0].name == "Suka maju")
        #expect(file.boundaries[2].geometry.contains("\"MultiPolygon\""))
    }

    @Test(arguments: [
        (collection(feature("99.1.01")), "features[0] (99.1.01): code must be a Kemendagri code"),
        (collection(feature("99.01.01"), feature("99.01.01.2001", level: "kecamatan")), "features[1] (99.01.01.2001): a kecamatan has a code of three groups"),
        (collection(feature("99.01.01", level: "desa")), "features[0] (99.01.01): a desa has a code of four groups"),
        (collection(feature("99.01.01", level: "kota")), "features[0] (99.01.01): level must be kecamatan or desa"),
        (collection(feature("99.01.01.3001", level: "desa", parent: #""99.01.01""#)), "features[0] (99.01.01.3001): the code's fourth group must start with 1"),
        (collection(feature("99.01.01.2001", level: "desa", parent: #""99.01.02""#)), "features[0] (99.01.01.2001): parent must be its kecamatan's code 99.01.01"),
        (collection(feature("99.01.01.2001", level: "desa")), "features[0] (99.01.01.2001): parent must be its kecamatan's code"),
        (collection(feature("99.01.01", parent: #""99.01""#)), "features[0] (99.01.01): a kecamatan has no parent"),
        (collection(feature("99.01.01", "")), "features[0] (99.01.01): name must have 1 to 120 characters"),
        (collection(feature("99.01.01", geometry: "null")), "features[0] (99.01.01): geometry is missing"),
        (collection(feature("99.01.01", geometry: #"{"type": "Point", "coordinates": [106.7, -6.6]}"#)), "features[0] (99.01.01): geometry must be a Polygon or MultiPolygon"),
        (collection(feature("99.01.01", geometry: #"{"type": "Polygon", "coordinates": [[[106.7, -6.6], [106.8, -6.6], [106.7, -6.6]]]}"#)), "features[0] (99.01.01): a ring needs at least four positions"),
        (collection(feature("99.01.01", geometry: #"{"type": "Polygon", "coordinates": [[[106.7, -6.6], [106.8, -6.6], [106.8, -6.5], [106.7, -6.5]]]}"#)), "features[0] (99.01.01): a ring must end where it starts"),
        (collection(feature("99.01.01", geometry: #"{"type": "Polygon", "coordinates": [[[206.7, -6.6], [106.8, -6.6], [106.8, -6.5], [206.7, -6.6]]]}"#)), "features[0] (99.01.01): a position must be"),
        (collection(feature("99.01.01"), feature("99.01.02"), feature("99.01.01")), "features[2] (99.01.01): the code appears again (first in features[0])"),
        (Array(#"{"type": "Feature"}"#.utf8), "the file must be a GeoJSON FeatureCollection"),
        (Array("{".utf8), "not JSON"),
    ])
    func aBadFileIsRefusedNamingTheFeature(_ bytes: [UInt8], _ message: String) {
        do {
            _ = try AreaGeoJSON(bytes: bytes)
            Issue.record("accepted: \(String(decoding: bytes, as: UTF8.self))")
        } catch let error as HubctlError {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
