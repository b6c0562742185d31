import Complaints
import Testing

@Suite struct AreaRouteTests {
    static let fallback = CategoryRoute(category: "kesehatan", module: .intake, agency: "dinkes")
    static let social = CategoryRoute(category: "kesehatan", module: .social, agency: "dinsos")
    static let tourism = CategoryRoute(category: "kesehatan", module: .tourism, agency: "disparbud")
    static let byArea = [
        AreaRoute(kecamatan: " 99.01.02", route: social),
        AreaRoute(kecamatan: "Cibeunying  Kidul", route: tourism),
        AreaRoute(kecamatan: "  SUKAMAJU ", route: tourism),
    ]
    static let places = ["99.01.01": "Sukamaju", "99.01.02": "Tanjungsari", "99.01.03": "Cibeunying Kidul", "99.01.04": "Coblong"]

    @Test(arguments: [
        ("placed where a route is, nothing typed", "99.01.02", nil, social),
        ("placed where a route is, another name typed", "99.01.02", "Sukamaju", social),
        ("placed where a route names it in other case and spacing", "99.01.01", nil, tourism),
        ("placed where no route is, a routed name typed: the point wins", "99.01.04", "cibeunying kidul", fallback),
        ("placed in a kecamatan whose name a route has", "99.01.03", nil, tourism),
        ("nothing placed, a routed name typed in other case and spacing", nil, " CIBEUNYING   kidul ", tourism),
        ("nothing placed, an unrouted name typed", nil, "Coblong", fallback),
        ("nothing placed or typed", nil, nil, fallback),
    ] as [(String, String?, String?, CategoryRoute)])
    func choosesByPlaceThenByTypedName(_ label: String, placed: String?, typed: String?, expected: CategoryRoute) {
        let place = placed.map { NamedRegion(code: RegionCode($0)!, name: Self.places[$0]!) }
        #expect(CategoryRoute.choose(default: Self.fallback, byArea: Self.byArea, placed: place, typed: typed) == expected,
                Comment(rawValue: label))
    }
}
