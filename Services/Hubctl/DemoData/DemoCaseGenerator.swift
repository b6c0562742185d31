import Complaints
import Foundation

/// Makes demo complaints, each a pure function of the seed and its index: the same seed gives the
/// same complaints. They spread over the two years before `until`, over every category and
/// channel and the kelurahan of `Kelurahan.region`; each has a timeline that leads to its status
/// (`DemoTimeline`).
struct DemoCaseGenerator: Sendable {
    let seed: UInt64
    let count: Int
    let until: Date
    let reference: DemoReference
    static let span: TimeInterval = 730 * 86_400

    /// The complaint at `index` (0..<count).
    func demoCase(_ index: Int) -> DemoCase {
        var random = SeededRandom(seed: seed, stream: UInt64(index))
        let route = routeAndMoment(index, &random)
        let channel = random.weighted([(Channel.web, 35), (.api, 15), (.open311, 10), (.desk, 20), (.sms, 20)])
        let subcategory = route.route.subcategories.isEmpty || random.chance(0.2) ? nil : random.pick(route.route.subcategories)
        let place = random.pick(Kelurahan.region)
        let point = place.point(using: &random)
        let street = random.pick(DemoWords.streets)
        let anonymous: Bool
        let confidential: Bool
        switch channel {
        case .open311: (anonymous, confidential) = (random.chance(0.85), random.chance(0.15))
        case .desk: (anonymous, confidential) = (random.chance(0.1), random.chance(0.6))
        case .sms: (anonymous, confidential) = (random.chance(0.3), random.chance(0.7))
        case .web, .api: (anonymous, confidential) = (random.chance(0.6), random.chance(0.7))
        }
        let problem = random.pick(DemoWords.problems[route.route.category] ?? [DemoWords.fallbackProblem])
        let isStreetLight = route.route.category == "pekerjaan-umum" && (subcategory ?? "").contains("pju")
        let code = trackingCode(index)
        var demo = DemoCase(
            index: index, trackingCode: code, category: route.route.category, subcategory: subcategory,
            module: route.route.module, agency: route.route.agency, channel: channel, status: .received,
            description: "\(problem) di \(street), Kel. \(place.name).", location: "\(street) No. \(Int.random(in: 1...200, using: &random))",
            kelurahan: place, lat: point.lat, lon: point.lon, anonymous: anonymous, confidential: confidential,
            createdAt: route.createdAt, updatedAt: route.createdAt,
            poleID: isStreetLight ? String(format: "PJU-BGR-%05d", Int.random(in: 1...40_000, using: &random)) : nil,
            reporter: anonymous ? nil : reporter(channel, &random),
            hasPhoto: channel != .sms && random.chance(0.03), events: [])
        let category = demo.category
        DemoTimeline(until: until, reference: reference).live(&demo, random: &random) { duplicateTarget(of: index, category: category) }
        return demo
    }

    /// The category and the moment of the complaint at `index`: the first draws of its stream, so an
    /// earlier complaint's can be known without making all of it. Moments grow with the index
    /// (to the minute), so ids follow time as they do in a real hub.
    private func routeAndMoment(_ index: Int, _ random: inout SeededRandom) -> (route: DemoReference.Route, createdAt: Date) {
        let route = random.pick(reference.routes)
        let slot = (Double(index) + Double.random(in: 0..<1, using: &random)) / Double(max(count, 1))
        let createdAt = until.addingTimeInterval(-Self.span * (1 - slot) - 60)
        return (route, Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970).rounded(.down)))
    }

    /// The tracking code of the complaint at `index`, from a stream of its own: in the hub's
    /// alphabet and length, unguessable without the seed, and known without making the complaint.
    func trackingCode(_ index: Int) -> String {
        var random = SeededRandom(seed: seed ^ 0x5452_4143_4B49_4E47, stream: UInt64(index))
        return TrackingCode.generate(using: &random).value
    }

    /// The nearest earlier complaint of the same category (index and code), for a case found to duplicate it.
    private func duplicateTarget(of index: Int, category: String) -> (index: Int, code: String)? {
        var candidate = index - 1
        while candidate >= 0 && index - candidate < 1000 {
            var random = SeededRandom(seed: seed, stream: UInt64(candidate))
            if routeAndMoment(candidate, &random).route.category == category { return (candidate, trackingCode(candidate)) }
            candidate -= 1
        }
        return nil
    }

    private func reporter(_ channel: Channel, _ random: inout SeededRandom) -> DemoReporter {
        let first = random.pick(DemoWords.firstNames)
        let name = "\(first) \(random.pick(DemoWords.lastNames))"
        let phone = "+62812" + String(format: "%07d", Int.random(in: 0..<10_000_000, using: &random))
        if channel == .sms || channel == .desk || random.chance(0.4) { return DemoReporter(name: name, email: nil, phone: phone) }
        return DemoReporter(name: name, email: "\(first.lowercased()).\(Int.random(in: 10...9999, using: &random))@example.id", phone: nil)
    }
}
