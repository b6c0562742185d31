import Foundation
import Postgres
import Synchronization

/// Tells a process that keeps a copy of reference data (the gateway's categories) that an admin
/// changed it, on whichever replica the change was made: every change to a reference table is a
/// NOTIFY on `reference_data` (migration 030), and this watch counts them on a connection of its own.
/// A copy made at one `generation` is stale once the generation moves. While the watch cannot
/// listen (the database away, reconnecting), the generation moves at every attempt, so no copy
/// outlives a notification it might have missed.
public final class ReferenceDataWatch: Sendable {
    /// The channel every change to reference data is announced on.
    public static let channel = "reference_data"

    private let counter = Atomic<Int>(0)

    /// Starts watching on a thread of its own, for the life of the process.
    /// - Parameter conninfo: the database to listen to (the service's own pool's).
    public init(conninfo: String) {
        let thread = Thread { [self] in watch(conninfo) }
        thread.name = "reference-data-watch"
        thread.start()
    }

    /// Moves whenever reference data may have changed since it was read.
    public var generation: Int { counter.load(ordering: .acquiring) }

    private func watch(_ conninfo: String) {
        while true {
            do {
                let listener = try PostgresConnection(conninfo: conninfo, applicationName: "reference-data-watch")
                try listener.listen(Self.channel)
                // What changed before the LISTEN took effect is not announced to it.
                counter.add(1, ordering: .releasing)
                while true {
                    if try !listener.waitForNotifications(timeout: 30).isEmpty { counter.add(1, ordering: .releasing) }
                }
            } catch {
                counter.add(1, ordering: .releasing)
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}
