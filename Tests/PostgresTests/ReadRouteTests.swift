import Postgres
import Testing

/// Where a lag-tolerant read goes, as a table: what the probe learnt of the replica and how long
/// ago, the reader's own last write, and the route. The hub tolerates 1 s of lag and trusts what the
/// probe learnt for 2 s.
struct ReadRouteTests {
    static let limits = ReadRoute.Limits(maximumLag: 1, maximumAge: 2)
    static func at(_ value: UInt64) -> WALPosition { WALPosition(value) }

    static let table: [(String, ReplicaState?, Double, WALPosition?, ReadRoute)] = [
        ("no replica configured", nil, 0, nil, .primary(.noReplica)),
        ("no replica, a writer", nil, 0, at(5), .primary(.noReplica)),
        ("not probed yet", .unknown, 0, nil, .primary(.unknown)),
        ("away", .away, 0, nil, .primary(.away)),
        ("away, long ago", .away, 60, nil, .primary(.away)),
        ("caught up", .replaying(at(100), lag: 0), 0.1, nil, .replica),
        ("behind, within the lag tolerated", .replaying(at(100), lag: 0.9), 0.1, nil, .replica),
        ("exactly the lag tolerated", .replaying(at(100), lag: 1), 0.1, nil, .replica),
        ("further behind", .replaying(at(100), lag: 1.2), 0.1, nil, .primary(.lagging)),
        ("behind every sample of the primary", .replaying(at(100), lag: .infinity), 0.1, nil, .primary(.lagging)),
        ("its lag not known yet", .replaying(at(100), lag: nil), 0.1, nil, .primary(.unknown)),
        ("learnt too long ago", .replaying(at(100), lag: 0), 2.5, nil, .primary(.unknown)),
        ("past the writer's position", .replaying(at(100), lag: 0), 0.1, at(99), .replica),
        ("at the writer's position", .replaying(at(100), lag: 0), 0.1, at(100), .replica),
        ("not yet at the writer's position", .replaying(at(100), lag: 0), 0.1, at(101), .primary(.behindWriter)),
        ("a made-up position far ahead", .replaying(at(100), lag: 0), 0.1, at(.max), .primary(.behindWriter)),
        ("lagging and behind the writer", .replaying(at(100), lag: 5), 0.1, at(101), .primary(.lagging)),
        ("a primary itself (promoted, or prefer-standby without a standby)", .primary, 0.1, nil, .replica),
        ("a primary itself, a writer", .primary, 0.1, at(.max), .replica),
        ("a primary itself, learnt too long ago", .primary, 2.5, nil, .primary(.unknown)),
    ]

    @Test(arguments: table.indices)
    func choosesTheReplicaOnlyWhenItHoldsWhatTheReaderMaySee(_ index: Int) {
        let (situation, replica, age, written, expected) = Self.table[index]
        #expect(ReadRoute.choose(replica, age: age, written: written, limits: Self.limits) == expected, "\(situation)")
    }
}
