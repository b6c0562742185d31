import Foundation
import JSON

/// Values of every shape the encoder and decoder meet: the queue's messages are flat, details and
/// snapshots nest a little; these nest more.
struct Parcel: Codable, Equatable {
    enum Size: String, Codable { case small, large = "LARGE" }

    var id: Int64
    var name: String
    var weight: Double
    var fragile: Bool
    var size: Size
    var note: String?
    var sentAt: Date?
    var tags: [String]
    var counts: [String: Int]
    var grid: [[Int]]
    var sender: Address
    var stops: [Address]?

    enum CodingKeys: String, CodingKey {
        case id, name, weight, fragile, size, note, tags, counts, grid, sender, stops
        case sentAt = "sent_at"
    }
}

struct Address: Codable, Equatable {
    var street: String
    var number: Int?
}

extension Parcel {
    static let sample = Parcel(
        id: 9_007_199_254_740_993, name: "Paket \"besar\" / é ✓\n", weight: 0.1, fragile: true, size: .large, note: nil,
        sentAt: Date(timeIntervalSinceReferenceDate: 786_297_600.123456), tags: ["b", "a"], counts: ["z": 1, "a": -2],
        grid: [[1, 2], [], [3]], sender: Address(street: "Jl. Merdeka", number: 17), stops: [Address(street: "Pasar", number: nil)])
}

/// Writes its members through nested containers, the way hand-written `Codable` code does.
struct Nested: Codable, Equatable {
    var point: [Double]
    var label: String
    var extra: Int?

    enum Keys: String, CodingKey { case geometry, label, extra }
    enum GeometryKeys: String, CodingKey { case coordinates }

    init(point: [Double], label: String, extra: Int?) {
        self.point = point
        self.label = label
        self.extra = extra
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        var coordinates = try container.nestedContainer(keyedBy: GeometryKeys.self, forKey: .geometry)
            .nestedUnkeyedContainer(forKey: .coordinates)
        var point: [Double] = []
        while !coordinates.isAtEnd { point.append(try coordinates.decode(Double.self)) }
        self.point = point
        label = try container.decode(String.self, forKey: .label)
        extra = try container.decodeNil(forKey: .extra) ? nil : try container.decode(Int.self, forKey: .extra)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var geometry = container.nestedContainer(keyedBy: GeometryKeys.self, forKey: .geometry)
        var coordinates = geometry.nestedUnkeyedContainer(forKey: .coordinates)
        for value in point { try coordinates.encode(value) }
        try container.encode(label, forKey: .label)
        // Null written, not left out.
        if let extra { try container.encode(extra, forKey: .extra) } else { try container.encodeNil(forKey: .extra) }
    }
}
