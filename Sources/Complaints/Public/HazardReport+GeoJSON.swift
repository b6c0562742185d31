import Foundation

extension HazardReport: Encodable {
    /// A GeoJSON Point, `[lon, lat]` as RFC 7946 orders them.
    private struct Point: Encodable {
        let type = "Point"
        let coordinates: [Double]
    }

    private struct Properties: Encodable {
        let id: Int64
        let category: Named
        let subcategory: Named?
        let status: String
        let reportedAt: String
        let confidential: Bool
        let description: String?
        let location: String?
        let kelurahan: Area
        let kecamatan: Area
        let url: String?

        enum CodingKeys: String, CodingKey {
            case id, category, subcategory, status, confidential, description, location, kelurahan, kecamatan, url
            case reportedAt = "reported_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(category, forKey: .category)
            try container.encode(subcategory, forKey: .subcategory)
            try container.encode(status, forKey: .status)
            try container.encode(reportedAt, forKey: .reportedAt)
            try container.encode(confidential, forKey: .confidential)
            try container.encode(description, forKey: .description)
            try container.encode(location, forKey: .location)
            try container.encode(kelurahan, forKey: .kelurahan)
            try container.encode(kecamatan, forKey: .kecamatan)
            try container.encode(url, forKey: .url)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, id, geometry, properties
    }

    /// A Feature whose `id` is the public id and whose geometry is null when the report has no point.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("Feature", forKey: .type)
        try container.encode(publicID, forKey: .id)
        try container.encode(point.map { Point(coordinates: [$0.lon, $0.lat]) }, forKey: .geometry)
        let moment = ISO8601DateFormatter()
        try container.encode(Properties(id: publicID, category: category, subcategory: subcategory, status: status.rawValue,
                                        reportedAt: moment.string(from: reportedAt), confidential: confidential,
                                        description: description, location: location, kelurahan: kelurahan,
                                        kecamatan: kecamatan, url: url), forKey: .properties)
    }
}
