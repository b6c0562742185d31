import Foundation
import Glibc
import Synchronization

/// Log lines written to a file descriptor in batches by a background thread, so a request's access
/// line costs an append under a lock instead of a write(2) on the event loop.
///
/// Queued lines reach the descriptor within `flushInterval`, sooner when `batchBytes` have gathered,
/// and all of them on `flush()`, `write(_:)` and `close()`. The queue is bounded: a line that would
/// take it past `capacity` bytes is dropped and counted (`droppedLines`), and the next batch carries
/// a notice of the drops; the caller is never blocked.
public final class BatchedLogWriter: Sendable {
    private struct Queue {
        var bytes: [UInt8] = []
        var closed = false
        var started = false
        /// Dropped since the last notice was written.
        var unreported = 0
    }

    private let fd: Int32
    private let flushInterval: Double
    private let batchBytes: Int
    private let capacity: Int
    private let dropNotice: @Sendable (Int) -> String
    private let queue = Mutex<Queue>(Queue())
    /// Held while bytes are taken from the queue and written, so batches reach the descriptor in order.
    private let output = Mutex<Void>(())
    private let wakeUp = NSCondition()
    private let threadEnded = NSCondition()
    private let running = Atomic<Bool>(false)
    private let dropped = Atomic<Int>(0)

    /// - Parameters:
    ///   - fd: where the lines go (standard error for the services); never closed by the writer.
    ///   - flushInterval: seconds a queued line may wait at most.
    ///   - batchBytes: queued bytes that wake the writer before the interval is over.
    ///   - capacity: queued bytes beyond which lines are dropped.
    ///   - dropNotice: the line (with its newline) telling how many lines were dropped.
    public init(fd: Int32, flushInterval: Double = 0.1, batchBytes: Int = 64 * 1024, capacity: Int = 8 << 20,
                dropNotice: @escaping @Sendable (Int) -> String = { "log: \($0) lines dropped, the log could not keep up\n" }) {
        self.fd = fd
        self.flushInterval = flushInterval
        self.batchBytes = batchBytes
        self.capacity = capacity
        self.dropNotice = dropNotice
    }

    /// Lines dropped because the queue was full, since the writer was made.
    public var droppedLines: Int { dropped.load(ordering: .relaxed) }

    /// Queues a line (it should end with a newline) for the background thread. After `close()` the
    /// line is written at once.
    public func enqueue(_ line: [UInt8]) {
        let (closed, wake, mustStart) = queue.withLock { queue -> (Bool, Bool, Bool) in
            if queue.closed { return (true, false, false) }
            guard queue.bytes.count + line.count <= capacity else {
                queue.unreported += 1
                dropped.wrappingAdd(1, ordering: .relaxed)
                return (false, false, false)
            }
            let before = queue.bytes.count
            queue.bytes.append(contentsOf: line)
            let mustStart = !queue.started
            queue.started = true
            return (false, before < batchBytes && queue.bytes.count >= batchBytes, mustStart)
        }
        if closed {
            write(line)
            return
        }
        if mustStart { startThread() }
        if wake {
            wakeUp.lock()
            wakeUp.signal()
            wakeUp.unlock()
        }
    }

    /// Writes a line now, after every line queued before it (for the rare lines that must not wait:
    /// warnings, errors, lines just before the process exits).
    public func write(_ line: [UInt8]) {
        output.withLock { _ in
            var bytes = takeQueued()
            bytes.append(contentsOf: line)
            writeAll(bytes)
        }
    }

    /// Queues a line of text (see `enqueue(_:)` for bytes).
    public func enqueue(_ line: String) { enqueue(Array(line.utf8)) }

    /// Writes a line of text now (see `write(_:)` for bytes).
    public func write(_ line: String) { write(Array(line.utf8)) }

    /// Writes every queued line now.
    public func flush() {
        output.withLock { _ in writeAll(takeQueued()) }
    }

    /// Writes every queued line and ends the background thread; later lines are written at once.
    public func close() {
        let wasStarted = queue.withLock { queue -> Bool in
            queue.closed = true
            return queue.started
        }
        if wasStarted {
            wakeUp.lock()
            wakeUp.signal()
            wakeUp.unlock()
            threadEnded.lock()
            while running.load(ordering: .acquiring) { threadEnded.wait() }
            threadEnded.unlock()
        }
        flush()
    }

    private func startThread() {
        running.store(true, ordering: .releasing)
        let thread = Thread { [self] in
            run()
            threadEnded.lock()
            running.store(false, ordering: .releasing)
            threadEnded.broadcast()
            threadEnded.unlock()
        }
        thread.name = "log-writer"
        thread.start()
    }

    private func run() {
        while true {
            wakeUp.lock()
            let ready = queue.withLock { $0.closed || $0.bytes.count >= batchBytes }
            if !ready { _ = wakeUp.wait(until: Date(timeIntervalSinceNow: flushInterval)) }
            wakeUp.unlock()
            flush()
            if queue.withLock({ $0.closed }) { return }
        }
    }

    /// The queued bytes (with a notice of drops in front) and an empty queue.
    private func takeQueued() -> [UInt8] {
        let (bytes, unreported) = queue.withLock { queue -> ([UInt8], Int) in
            var taken: [UInt8] = []
            taken.reserveCapacity(min(queue.bytes.count, batchBytes))
            swap(&taken, &queue.bytes)
            let unreported = queue.unreported
            queue.unreported = 0
            return (taken, unreported)
        }
        guard unreported > 0 else { return bytes }
        return Array(dropNotice(unreported).utf8) + bytes
    }

    private func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                // A log that cannot be written (closed or full descriptor) must not stop the service.
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
