import Foundation

/// The region demo complaints come from: the kelurahan of Kota Bogor with a centre point each
/// (approximate), jittered within about 700 m so reports spread over streets, not onto one point.
struct Kelurahan: Equatable, Sendable {
    let name: String
    let kecamatan: String
    let lat: Double
    let lon: Double

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
    ].flatMap { kecamatan, places in
        places.map { Kelurahan(name: $0.0, kecamatan: kecamatan, lat: $0.1, lon: $0.2) }
    }

    /// A point within about 700 m of the centre, evenly over the disc.
    func point(using random: inout SeededRandom) -> (lat: Double, lon: Double) {
        let radius = 0.0063 * Double.random(in: 0...1, using: &random).squareRoot()  // degrees; 0.0063° ≈ 700 m
        let angle = Double.random(in: 0..<(2 * Double.pi), using: &random)
        let lat = lat + radius * sin(angle)
        return ((lat * 1e6).rounded() / 1e6, ((lon + radius * cos(angle) / cos(lat * .pi / 180)) * 1e6).rounded() / 1e6)
    }
}
