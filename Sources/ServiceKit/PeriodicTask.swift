import Foundation
import Synchronization

/// Work repeated on a thread of its own (the overdue sweeper), stopped with the service.
final class PeriodicTask: Sendable {
    let name: String
    private let interval: Double
    private let work: @Sendable () throws -> Void
    private let log: @Sendable (String) -> Void
    private let stopped = Atomic<Bool>(false)
    private let finished = Mutex<Bool>(false)

    init(name: String, interval: Double, log: @escaping @Sendable (String) -> Void, work: @escaping @Sendable () throws -> Void) {
        self.name = name
        self.interval = interval
        self.work = work
        self.log = log
    }

    func start() {
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                do { try work() } catch { log("\(name): \(error)") }
                // Sleep in short slices so a stop is prompt.
                var slept = 0.0
                while slept < interval && !stopped.load(ordering: .relaxed) {
                    Thread.sleep(forTimeInterval: min(0.25, interval - slept))
                    slept += 0.25
                }
            }
            finished.withLock { $0 = true }
        }
        thread.name = name
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        while !finished.withLock({ $0 }) { Thread.sleep(forTimeInterval: 0.02) }
    }
}
