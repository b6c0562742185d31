import Foundation

/// When a new report repeats one already open, so intake links it to that case instead of sending the
/// module the same problem twice: same category, the earlier case open and not itself a duplicate,
/// made within `window`, and either within `radius` of the new report or naming the same pole.
/// The store's candidate query binds these numbers; the distance is the great circle's on the sphere
/// PostGIS reckons with when told not to use the spheroid, so the two agree.
public struct DuplicateRule: Sendable, Equatable {
    /// How near two reports' coordinates must be, in metres.
    public let radius: Double
    /// How recent the earlier report must be, in seconds.
    public let window: TimeInterval
    /// Two reports naming the same streetlight pole repeat each other wherever their coordinates are.
    public let samePole: Bool

    public init(radius: Double, window: TimeInterval, samePole: Bool) {
        self.radius = radius
        self.window = window
        self.samePole = samePole
    }

    /// The hub's rule: 50 m, 7 days, or the same pole.
    public static let standard = DuplicateRule(radius: 50, window: 7 * 86_400, samePole: true)

    /// The earth's mean radius in metres, (2a + b) / 3 of WGS 84: PostGIS's sphere.
    public static let earthRadius = 6_371_008.771

    /// The coordinates the rule compares, when the submission has both.
    public func point(of submission: ComplaintSubmission) -> (lat: Double, lon: Double)? {
        guard let lat = submission.lat, let lon = submission.lon else { return nil }
        return (lat, lon)
    }

    /// The pole the rule compares, when it compares poles and the submission names one.
    public func pole(of submission: ComplaintSubmission) -> String? { samePole ? submission.poleID : nil }

    /// Whether the submission can repeat anything: it has coordinates or a pole to compare.
    public func applies(to submission: ComplaintSubmission) -> Bool {
        point(of: submission) != nil || pole(of: submission) != nil
    }

    /// Whether two points are near enough to be the same place.
    public func isNear(_ a: (lat: Double, lon: Double), _ b: (lat: Double, lon: Double)) -> Bool {
        Self.distance(a, b) <= radius
    }

    /// Whether a report made at `earlier` is recent enough at `now`.
    public func isRecent(_ earlier: Date, at now: Date) -> Bool { earlier > now.addingTimeInterval(-window) }

    /// The great-circle distance in metres by the haversine formula, as the candidate query computes it.
    public static func distance(_ a: (lat: Double, lon: Double), _ b: (lat: Double, lon: Double)) -> Double {
        func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
        let h = pow(sin(radians(b.lat - a.lat) / 2), 2) + cos(radians(a.lat)) * cos(radians(b.lat)) * pow(sin(radians(b.lon - a.lon) / 2), 2)
        return 2 * earthRadius * asin(sqrt(h))
    }
}
