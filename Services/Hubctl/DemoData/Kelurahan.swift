import Complaints
import Foundation

/// The region demo complaints come from: the kelurahan of Kota Bogor with a centre point each
/// (approximate), jittered within about 700 m so reports spread over streets, not onto one point.
/// Their codes are MADE UP (province 99 does not exist; Kemendagri's real codes are not used) and
/// their boundaries synthetic (`DemoRegions`: the Voronoi cell of each centre), so that the demo has
/// area codes and a map without pretending to be Kota Bogor's real geography.
struct Kelurahan: Equatable, Sendable {
    let name: String
    let kecamatan: String
    let lat: Double
    let lon: Double
    /// `99.71.0K.10NN`: the kecamatan's place in `region`'s list, then the kelurahan's within it (a
    /// kelurahan: its fourth group starts with 1).
    let code: RegionCode

    /// The made-up code of the kecamatan.
    var kecamatanCode: RegionCode { code.district }

    static let region: [Kelurahan] = [
        ("Bogor Tengah", [("Paledang", -6.6010, 106.7930), ("Gudang", -6.6060, 106.7990), ("Babakan Pasar", -6.6040, 106.8020),
                          ("Tegallega", -6.5860, 106.8090), ("Babakan", -6.5890, 106.8020), ("Sempur", -6.5900, 106.8000),
                          ("Pabaton", -6.5930, 106.7930), ("Cibogor", -6.5880, 106.7900), ("Panaragan", -6.5970, 106.7890),
                          ("Kebon Kelapa", -6.6010, 106.7890), ("Ciwaringin", -6.5920, 106.7860)]),
        ("Bogor Utara", [("Bantarjati", -6.5760, 106.8090), ("Tegal Gundil", -6.5700, 106.8130), ("Tanah Baru", -6.5620, 106.8160),
                         ("Cimahpar", -6.5530, 106.8320), ("Ciluar", -6.5450, 106.8200), ("Cibuluh", -6.5560, 106.8180),
                         ("Kedung Halang", -6.5480, 106.8050), ("Ciparigi", -6.5590, 106.8060)]),
        ("Bogor Selatan", [("Batutulis", -6.6180, 106.8050), ("Bondongan", -6.6150, 106.7990), ("Empang", -6.6110, 106.7930),
                           ("Lawang Gintung", -6.6200, 106.8100), ("Pamoyanan", -6.6350, 106.8050), ("Rancamaya", -6.6470, 106.8240),
                           ("Mulyaharja", -6.6420, 106.7870), ("Cikaret", -6.6280, 106.7890), ("Genteng", -6.6480, 106.8180),
                           ("Kertamaya", -6.6560, 106.8280)]),
        ("Bogor Timur", [("Sindangsari", -6.6240, 106.8370), ("Sindangrasa", -6.6190, 106.8320), ("Tajur", -6.6260, 106.8270),
                         ("Katulampa", -6.6130, 106.8350), ("Baranangsiang", -6.6050, 106.8130), ("Sukasari", -6.6110, 106.8170)]),
        ("Bogor Barat", [("Pasir Mulya", -6.5990, 106.7800), ("Pasir Kuda", -6.6040, 106.7720), ("Pasir Jaya", -6.6120, 106.7730),
                         ("Gunung Batu", -6.5940, 106.7730), ("Loji", -6.5880, 106.7650), ("Menteng", -6.5880, 106.7800),
                         ("Cilendek Timur", -6.5770, 106.7760), ("Cilendek Barat", -6.5740, 106.7680), ("Sindang Barang", -6.5710, 106.7560),
                         ("Margajaya", -6.5650, 106.7450), ("Balumbang Jaya", -6.5600, 106.7350), ("Situ Gede", -6.5560, 106.7290),
                         ("Bubulak", -6.5660, 106.7570), ("Semplak", -6.5530, 106.7640), ("Curug Mekar", -6.5720, 106.7690),
                         ("Curug", -6.5640, 106.7660)]),
        ("Tanah Sareal", [("Kebon Pedes", -6.5680, 106.7960), ("Tanah Sareal", -6.5710, 106.7900), ("Kedung Badak", -6.5600, 106.7940),
                          ("Kedung Waringin", -6.5570, 106.7840), ("Kedung Jaya", -6.5500, 106.7920), ("Sukaresmi", -6.5440, 106.7870),
                          ("Sukadamai", -6.5520, 106.7770), ("Cibadak", -6.5420, 106.7750), ("Kayumanis", -6.5330, 106.7900),
                          ("Mekarwangi", -6.5450, 106.7700), ("Kencana", -6.5350, 106.7830)]),
    ].enumerated().flatMap { district, entry in
        entry.1.enumerated().map { index, place in
            Kelurahan(name: place.0, kecamatan: entry.0, lat: place.1, lon: place.2,
                      code: RegionCode(String(format: "99.71.%02d.%04d", district + 1, 1001 + index))!)
        }
    }

    /// A point within about 700 m of the centre, evenly over the disc, and inside the kelurahan's cell
    /// (nearer its centre than any other's, in degrees as the Voronoi cells are drawn), so that the
    /// codes a demo complaint carries are those its point lies in.
    func point(using random: inout SeededRandom) -> (lat: Double, lon: Double) {
        while true {
            let radius = 0.0063 * Double.random(in: 0...1, using: &random).squareRoot()  // degrees; 0.0063° ≈ 700 m
            let angle = Double.random(in: 0..<(2 * Double.pi), using: &random)
            let lat = ((lat + radius * sin(angle)) * 1e6).rounded() / 1e6
            let lon = ((lon + radius * cos(angle) / cos(lat * .pi / 180)) * 1e6).rounded() / 1e6
            if Self.nearest(lat: lat, lon: lon) == self { return (lat, lon) }
        }
    }

    /// The kelurahan whose centre is nearest, in degrees (the cell the point lies in).
    static func nearest(lat: Double, lon: Double) -> Kelurahan {
        region.min { ($0.lat - lat) * ($0.lat - lat) + ($0.lon - lon) * ($0.lon - lon)
            < ($1.lat - lat) * ($1.lat - lat) + ($1.lon - lon) * ($1.lon - lon) }!
    }
}
