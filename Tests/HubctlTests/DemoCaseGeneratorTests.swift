import Complaints
import Foundation
@testable import Hubctl
import Testing

struct DemoCaseGeneratorTests {
    static let until = Date(timeIntervalSince1970: 1_795_000_000)
    static let reference = DemoReference(
        routes: [.init(category: "pekerjaan-umum", module: "public-works", agency: "dpupr", subcategories: ["jalan", "pju"]),
                 .init(category: "sosial", module: "social", agency: "dinsos", subcategories: []),
                 .init(category: "kesehatan", module: "intake", agency: "dinkes", subcategories: ["puskesmas"])],
        calendar: WorkingCalendar(), staff: ["public-works": 11, "social": 12, "intake": 13], validator: 14)

    func generator(seed: UInt64 = 7, count: Int = 3000) -> DemoCaseGenerator {
        DemoCaseGenerator(seed: seed, count: count, until: Self.until, reference: Self.reference)
    }

    @Test func theSameSeedMakesTheSameComplaintsAndAnotherSeedOthers() {
        let first = (0..<200).map(generator().demoCase)
        #expect(first == (0..<200).map(generator().demoCase))
        #expect(first.map(\.trackingCode) != (0..<200).map(generator(seed: 8).demoCase).map(\.trackingCode))
    }

    @Test func trackingCodesAreTheHubsAndAllDifferent() {
        let codes = (0..<3000).map(generator().trackingCode)
        #expect(codes.allSatisfy { TrackingCode(parsing: $0)?.value == $0 })
        #expect(Set(codes).count == codes.count)
    }

    @Test func complaintsSpreadOverTwoYearsInIdOrderAndOverTheRegion() {
        let cases = (0..<3000).map(generator().demoCase)
        #expect(zip(cases, cases.dropFirst()).allSatisfy { $0.createdAt <= $1.createdAt })
        #expect(cases.first!.createdAt < Self.until.addingTimeInterval(-700 * 86_400))
        #expect(cases.allSatisfy { $0.createdAt < Self.until })
        #expect(Set(cases.map(\.category)).count == Self.reference.routes.count)
        #expect(Set(cases.map(\.channel)) == Set(Channel.allCases))
        #expect(Set(cases.map(\.kelurahan.name)).count > 40)
        #expect(cases.allSatisfy { abs($0.lat + 6.59) < 0.08 && abs($0.lon - 106.79) < 0.08 })
    }

    @Test func aboutSixtyPercentCloseAndNoCaseIsLeftWaitingForItsModule() {
        let cases = (0..<3000).map(generator().demoCase)
        let closed = cases.filter { $0.status == .closed }.count
        #expect((1650...1950).contains(closed), "\(closed) of 3000 closed")
        #expect(!cases.contains { $0.status == .received })
        let statuses = Set(cases.map(\.status))
        // Demo cases are never left waiting: neither at intake, nor for an agency's answer to a forward, nor
        // for the reporter's answer to a question.
        #expect(statuses == Set(ComplaintStatus.allCases).subtracting([.received, .forwarded, .awaitingReporter]))
    }

    @Test func eachTimelineLeadsToItsCasesStatusThroughTheLifecyclesRoads() {
        for demo in (0..<3000).map(generator().demoCase) {
            #expect(demo.events.first?.kind == .submitted)
            #expect(zip(demo.events, demo.events.dropFirst()).allSatisfy { $0.at <= $1.at }, "\(demo.trackingCode) out of order")
            #expect(demo.events.last!.at < Self.until)
            #expect(demo.events.last { $0.to != nil }?.to == demo.status)
            for (before, after) in zip(demo.events, demo.events.dropFirst()) where after.from != nil {
                #expect(after.from == before.to, "\(demo.trackingCode): \(before.kind) then \(after.kind)")
            }
            #expect((demo.status == .closed) == (demo.closedAt != nil))
            #expect([.resolved, .closed].contains(demo.status) == (demo.resolvedAt != nil))
            #expect((demo.status == .duplicate) == (demo.duplicateOf != nil))
            if let target = demo.duplicateOf { #expect(target < demo.index) }
            #expect((demo.anonymous) == (demo.reporter == nil))
            if demo.status.escalatesWhenOverdue || demo.status == .resolved { #expect(demo.dueAt != nil) }
            if let due = demo.dueAt, demo.status.escalatesWhenOverdue, due < Self.until { #expect(demo.overdueStep == 2) }
            if demo.status == .resolved { #expect(demo.dueAt! > Self.until) }
            if [.inProgress, .awaitingValidation].contains(demo.status) { #expect(demo.assignedTo == Self.reference.staff[demo.module]) }
        }
    }

    @Test func copyTimestampsAreWhatAnISOFormatterWrites() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withSpaceBetweenDateAndTime]
        for seconds in [0, 951_782_400, 1_709_164_799, 1_795_000_000, 4_102_444_800, -86_401] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(CopyTimestamp.text(date) == formatter.string(from: date) + "+00")
        }
    }
}
