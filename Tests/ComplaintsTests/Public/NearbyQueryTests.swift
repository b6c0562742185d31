import Complaints
import Testing

/// What the form's "reports near this point" asks: a point it must have, a category it may have.
@Suite struct NearbyQueryTests {
    private let categories: Set<String> = ["pekerjaan-umum", "sosial"]

    @Test func aPointAndACategoryAreRead() throws {
        let query = try NearbyQuery.parse([("lat", "-6.55"), ("lon", " 106.82 "), ("category", "pekerjaan-umum")], categories: categories)
        #expect(query == NearbyQuery(point: GeoPoint(lon: 106.82, lat: -6.55), category: "pekerjaan-umum"))
        #expect(try NearbyQuery.parse([("lat", "-6.55"), ("lon", "106.82"), ("category", "")], categories: categories).category == nil)
    }

    @Test(arguments: [
        [("lon", "106.82")], [("lat", "-6.55")], [("lat", "selatan"), ("lon", "106.82")], [("lat", "-91"), ("lon", "106.82")],
        [("lat", "-6.55"), ("lon", "181")], [("lat", "nan"), ("lon", "106.82")], [("lat", "-6.55"), ("lon", "inf")],
    ])
    func aMissingOrImpossiblePointIsRefused(_ items: [(String, String)]) {
        #expect(throws: Refusal.invalidPoint) {
            try NearbyQuery.parse(items.map { (name: $0.0, value: $0.1) }, categories: categories)
        }
    }

    @Test func anUnknownCategoryIsRefused() {
        #expect(throws: Refusal.unknownCategory("banjir")) {
            try NearbyQuery.parse([("lat", "-6.55"), ("lon", "106.82"), ("category", "banjir")], categories: categories)
        }
    }
}
