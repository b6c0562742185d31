/// A category's route in one kecamatan (an agency may own a category in some kecamatan only), as an
/// administrator wrote the kecamatan: a name, or a Kemendagri code.
public struct AreaRoute: Sendable, Equatable {
    /// The kecamatan as written in the routing table.
    public let kecamatan: String
    /// The known kecamatan it names (by code or by name), nil when the list has none such.
    public let region: RegionCode?
    public let route: CategoryRoute

    public init(kecamatan: String, region: RegionCode?, route: CategoryRoute) {
        self.kecamatan = kecamatan
        self.region = region
        self.route = route
    }
}

extension CategoryRoute {
    /// Where a complaint of the category goes: the route of the kecamatan it was placed in (by its
    /// point or its names, `AreaPlacement`: the point wins over a name typed elsewhere); for a complaint
    /// nothing placed, the route of the kecamatan the reporter typed; else the category's default. A
    /// citizen who only taps the map reaches the agency of that kecamatan as one who types its name does.
    /// - Parameters:
    ///   - placed: the kecamatan the complaint lies in, nil where nothing placed it.
    ///   - typed: the kecamatan as the reporter wrote it, compared without regard to case or spaces around.
    public static func choose(default fallback: CategoryRoute, byArea: [AreaRoute], placed: RegionCode?, typed: String?) -> CategoryRoute {
        if let placed { return byArea.first(where: { $0.region == placed })?.route ?? fallback }
        if let typed = AreaPlacement.matchable(typed), let route = byArea.first(where: { AreaPlacement.matchable($0.kecamatan) == typed }) {
            return route.route
        }
        return fallback
    }
}
