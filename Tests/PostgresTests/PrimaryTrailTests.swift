import Postgres
import Testing

/// How far behind a replica is, told from the primary's positions over time: samples every 0.1 s of
/// a primary that wrote 100 bytes a tick, then the lag of replicas at various positions.
struct PrimaryTrailTests {
    /// The primary at 1000, 1100, … 1500 at times 0.0, 0.1, … 0.5.
    static func busy(window: Double = 1) -> PrimaryTrail {
        var trail = PrimaryTrail(window: window)
        for tick in 0...5 { trail.record(WALPosition(UInt64(1000 + 100 * tick)), at: Double(tick) / 10) }
        return trail
    }

    @Test(arguments: [
        (1500, 0.0),   // has everything the primary had at the newest sample
        (9999, 0.0),   // further still (the primary wrote since)
        (1450, 0.1),   // has what the primary had at 0.4, not yet 0.5
        (1400, 0.1),
        (1000, 0.5),   // only what the primary had at the first sample
    ] as [(UInt64, Double)])
    func aReplicaLagsTheNewestSampleByTheTimeSinceThePrimaryStoodWhereItStands(_ replayed: UInt64, _ lag: Double) throws {
        let measured = try #require(Self.busy().lag(of: WALPosition(replayed)))
        #expect(abs(measured - lag) < 1e-9)
    }

    @Test func aReplicaBehindEverySampleOfAWholeWindowIsBeyondIt() {
        #expect(Self.busy(window: 0.5).lag(of: WALPosition(999)) == .infinity)
    }

    @Test func aReplicaBehindEverySampleOfAShorterTrailIsNotKnownToLagSoMuchYet() {
        #expect(Self.busy(window: 1).lag(of: WALPosition(999)) == nil)
        var started = PrimaryTrail(window: 1)
        started.record(WALPosition(1000), at: 0)
        #expect(started.lag(of: WALPosition(999)) == nil)
        #expect(started.lag(of: WALPosition(1000)) == 0)
    }

    @Test func nothingIsKnownBeforeTheFirstSample() {
        #expect(PrimaryTrail(window: 1).lag(of: WALPosition(5)) == nil)
    }

    @Test func aQuietPrimaryLeavesACaughtUpReplicaWithNoLag() {
        var trail = PrimaryTrail(window: 1)
        for tick in 0...50 { trail.record(WALPosition(1000), at: Double(tick) / 10) }
        #expect(trail.lag(of: WALPosition(1000)) == 0)
        #expect(trail.lag(of: WALPosition(999)) == .infinity)
    }

    @Test func samplesOlderThanTheWindowAreForgottenBarOneAtItsEdge() {
        var trail = PrimaryTrail(window: 0.25)
        for tick in 0...5 { trail.record(WALPosition(UInt64(1000 + 100 * tick)), at: Double(tick) / 10) }
        // 0.2 (1200) is the newest sample at least 0.25 s before 0.5: kept; 0.1 (1100) is gone.
        #expect(trail.lag(of: WALPosition(1200)).map { abs($0 - 0.3) < 1e-9 } == true)
        #expect(trail.lag(of: WALPosition(1150)) == .infinity)
    }

    @Test func aNewPrimaryBelowTheOldOneStartsATrailOfItsOwn() {
        var trail = Self.busy()
        trail.record(WALPosition(700), at: 0.6)
        #expect(trail.lag(of: WALPosition(700)) == 0)
        #expect(trail.lag(of: WALPosition(1500)) == 0)
        #expect(trail.lag(of: WALPosition(600)) == nil, "not known until the new trail spans the window")
    }
}
