import Foundation

/// A category's route in one kecamatan (an agency may own a category in some kecamatan only), as an
/// administrator wrote the kecamatan: a name, or a Kemendagri code.
public struct AreaRoute: Sendable, Equatable {
    /// The kecamatan as written in the routing table.
    public let kecamatan: String
    public let route: CategoryRoute

    public init(kecamatan: String, route: CategoryRoute) {
        self.kecamatan = kecamatan
        self.route = route
    }

    /// Whether the route's kecamatan is `region`: its code, or its name as `AreaPlacement` matches names.
    public func names(_ region: NamedRegion) -> Bool {
        RegionCode(kecamatan.trimmingCharacters(in: .whitespaces)) == region.code
            || AreaPlacement.matchable(kecamatan) == AreaPlacement.matchable(region.name)
    }

    /// Whether the route's kecamatan is the one a reporter typed (compared as `AreaPlacement` compares names).
    public func names(typed: String) -> Bool {
        AreaPlacement.matchable(typed).map { $0 == AreaPlacement.matchable(kecamatan) } ?? false
    }
}

extension CategoryRoute {
    /// Where a complaint of the category goes: the route of the kecamatan it was placed in (by its
    /// point or its names, `AreaPlacement`: the point wins over a name typed elsewhere); for a complaint
    /// nothing placed, the route of the kecamatan the reporter typed; else the category's default. A
    /// citizen who only taps the map reaches the agency of that kecamatan as one who types its name does.
    /// - Parameters:
    ///   - placed: the kecamatan the complaint lies in, nil where nothing placed it.
    ///   - typed: the kecamatan as the reporter wrote it, compared without regard to case or spacing.
    public static func choose(default fallback: CategoryRoute, byArea: [AreaRoute], placed: NamedRegion?, typed: String?) -> CategoryRoute {
        if let placed { return byArea.first(where: { $0.names(placed) })?.route ?? fallback }
        if let typed, let route = byArea.first(where: { $0.names(typed: typed) }) { return route.route }
        return fallback
    }
}
