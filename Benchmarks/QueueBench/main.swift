import Foundation
import Glibc
import Postgres
import Queue
import Synchronization

// The queue benchmark for `make bench` (driven by Benchmarks/queue.sh, which also runs the pgbench
// baselines). Each subcommand prints machine-readable result lines `name value unit` on standard
// output; details go to standard error.
//   QueueBench send N CLIENTS          CLIENTS threads send N messages in all, one per transaction
//                                      (MessageQueue.send, which also NOTIFYs)           → send_rate
//   QueueBench receive N BATCH CLIENTS pre-fills N messages, then CLIENTS QueueConsumers (batchSize
//                                      BATCH) call processBatch() until the queue is empty
//                                                                                      → receive_rate
//   QueueBench latency RATE SECONDS [PRODUCERS]
//                                      one started QueueConsumer (woken by NOTIFY); PRODUCERS threads
//                                      (default 16, enough to keep the schedule when a commit waits
//                                      for a slow disk) send RATE messages/s in all, on a fixed
//                                      schedule, for SECONDS, each message its own transaction;
//                                      latency = handler start − the moment COMMIT returned
//                                                                  → latency_p50, latency_p99 (ms)
// HUB_DATABASE_URL names a migrated database. The benchmark's queues are named bench.*; their rows
// are deleted before and after each run.

let usage = """
    usage: QueueBench send N CLIENTS
           QueueBench receive N BATCH CLIENTS
           QueueBench latency RATE SECONDS [PRODUCERS]
    environment: HUB_DATABASE_URL
    """

// MARK: - Helpers

/// Seconds on the monotonic clock; comparable across the threads of this process.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func note(_ text: String) {
    FileHandle.standardError.write(Data("queuebench: \(text)\n".utf8))
}

func fail(_ text: String, status: Int32 = 1) -> Never {
    note(text)
    exit(status)
}

/// One result line: `name value unit`.
func report(_ name: String, _ value: Double, _ unit: String) {
    FileHandle.standardOutput.write(Data("\(name) \(String(format: "%.2f", value)) \(unit)\n".utf8))
}

func format(_ value: Double) -> String { String(format: "%.2f", value) }

/// The value below which `fraction` of the sorted samples lie (nearest rank).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up))
    return sorted[min(sorted.count, max(1, rank)) - 1]
}

/// Runs `body(index)` on `count` threads that are released together once all have started, and
/// returns the seconds from the release until the last one finished, with any errors they threw.
func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) -> (elapsed: Double, errors: [String]) {
    let gate = NSCondition()
    let state = Mutex<(waiting: Int, open: Bool)>((0, false))
    let errors = Mutex<[String]>([])
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        let thread = Thread {
            gate.lock()
            state.withLock { $0.waiting += 1 }
            gate.broadcast()
            while !state.withLock({ $0.open }) { gate.wait() }
            gate.unlock()
            do {
                try body(index)
            } catch {
                errors.withLock { $0.append("thread \(index): \(error)") }
            }
            finished.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    gate.lock()
    while state.withLock({ $0.waiting }) < count { gate.wait() }
    let start = now()
    state.withLock { $0.open = true }
    gate.broadcast()
    gate.unlock()
    finished.wait()
    let elapsed = now() - start
    return (elapsed, errors.withLock { $0 })
}

func connect(_ url: String, _ name: String) throws -> PostgresConnection {
    try PostgresConnection(conninfo: url, applicationName: name)
}

func clear(_ queue: String, _ url: String) throws {
    try connect(url, "queuebench").query("delete from queue_messages where queue = $1", [queue])
}

func remaining(_ queue: String, on connection: PostgresConnection) throws -> Int {
    try connection.query("select count(*)::int as n from queue_messages where queue = $1", [queue])
        .first?.decode("n", as: Int.self) ?? 0
}

// MARK: - send

/// CLIENTS threads, each with its own connection, send their share of N messages, one per transaction.
func benchSend(url: String, total: Int, clients: Int) throws {
    let queue = "bench.send"
    try clear(queue, url)
    let connections = try (0..<clients).map { _ in try connect(url, "queuebench-send") }
    let (elapsed, errors) = runThreads(clients) { index in
        let connection = connections[index]
        let share = total / clients + (index < total % clients ? 1 : 0)
        for sequence in 0..<share {
            _ = try connection.transaction { connection in
                try MessageQueue.send(on: connection, queue: queue, json: #"{"client": \#(index), "seq": \#(sequence)}"#)
            }
        }
    }
    guard errors.isEmpty else { fail("send failed: " + errors.joined(separator: "; ")) }
    let stored = try remaining(queue, on: connections[0])
    if stored != total { note("send: \(stored) messages stored, \(total) expected") }
    note("send: \(total) messages, \(clients) clients, \(format(elapsed)) s")
    report("send_rate", Double(total) / elapsed, "msg/s")
    try clear(queue, url)
}

// MARK: - receive

/// Pre-fills N messages, then CLIENTS consumers, each with a pool of its own, take and acknowledge
/// them in batches until none is left.
func benchReceive(url: String, total: Int, batch: Int, clients: Int) throws {
    let queue = "bench.receive"
    try clear(queue, url)
    let setup = try connect(url, "queuebench")
    try setup.query("""
        insert into queue_messages (queue, payload)
        select $1, jsonb_build_object('seq', g) from generate_series(1, $2::int) g
        """, [queue, total])
    try setup.execute("vacuum analyze queue_messages")
    let consumers = try (0..<clients).map { _ in
        let pool = PostgresPool(conninfo: url, maximumConnections: 1, applicationName: "queuebench-receive")
        try pool.query("select 1")  // open the connection before the clock starts
        return QueueConsumer(pool: pool, queue: queue, batchSize: batch, pollInterval: 1, leaseSeconds: 300,
                             log: { note($0) }, handler: { _, _ in })
    }
    let (elapsed, errors) = runThreads(clients) { index in
        while try consumers[index].processBatch() > 0 {}
    }
    guard errors.isEmpty else { fail("receive failed: " + errors.joined(separator: "; ")) }
    let processed = consumers.reduce(0) { $0 + $1.processed.load(ordering: .relaxed) }
    let left = try remaining(queue, on: setup)
    if processed != total || left != 0 {
        note("receive: \(processed) acknowledged of \(total), \(left) left on the queue")
    }
    note("receive: \(processed) messages, batch \(batch), \(clients) clients, \(format(elapsed)) s")
    report("receive_rate", Double(processed) / elapsed, "msg/s")
    try clear(queue, url)
}

// MARK: - latency

/// When each message's send committed and when its handler started (monotonic seconds, NaN until known).
final class LatencyLog: Sendable {
    let committed: Mutex<[Double]>
    let sentInPayload: Mutex<[Double]>
    let started: Mutex<[Double]>
    let handled = Atomic<Int>(0)

    init(count: Int) {
        committed = Mutex([Double](repeating: .nan, count: count))
        sentInPayload = Mutex([Double](repeating: .nan, count: count))
        started = Mutex([Double](repeating: .nan, count: count))
    }
}

/// One consumer waits on NOTIFY; PRODUCERS threads send RATE messages a second in all, on a fixed
/// schedule, each in its own transaction, and note when COMMIT returned. The handler notes when it
/// starts. The payload carries the sequence number and the (pre-commit) send time.
/// What a latency message carries: its sequence number and when it was sent.
struct LatencyPayload: Decodable {
    let seq: Int
    let sent: Double?
}

func benchLatency(url: String, rate: Double, seconds: Double, producers: Int) throws {
    let queue = "bench.latency"
    try clear(queue, url)
    let total = max(1, Int(rate * seconds))
    let log = LatencyLog(count: total)
    let pool = PostgresPool(conninfo: url, maximumConnections: 2, applicationName: "queuebench-consumer")
    let consumer = QueueConsumer(pool: pool, queue: queue, batchSize: 64, pollInterval: 1, leaseSeconds: 30,
                                 log: { note($0) }) { _, message in
        let start = now()
        guard let payload = try? message.decode(as: LatencyPayload.self), case let sequence = payload.seq,
              sequence >= 0, sequence < total else { return }
        let sent = payload.sent ?? .nan
        let first = log.started.withLock { started -> Bool in
            guard started[sequence].isNaN else { return false }  // a redelivery: keep the first start
            started[sequence] = start
            return true
        }
        if first {
            log.sentInPayload.withLock { $0[sequence] = sent }
            log.handled.wrappingAdd(1, ordering: .relaxed)
        }
    }
    consumer.start()
    Thread.sleep(forTimeInterval: 0.5)  // the consumer is listening and has polled once

    let connections = try (0..<producers).map { _ in try connect(url, "queuebench-producer") }
    let lateness = Mutex<[Double]>([])
    let origin = now() + 0.05
    let (elapsed, errors) = runThreads(producers) { index in
        let connection = connections[index]
        var late: [Double] = []
        var sequence = index
        while sequence < total {
            let due = origin + Double(sequence) / rate
            let wait = due - now()
            if wait > 0 {
                var pause = timespec(tv_sec: Int(wait), tv_nsec: Int((wait - Double(Int(wait))) * 1e9))
                var rest = timespec()
                while nanosleep(&pause, &rest) == -1 && errno == EINTR { pause = rest }
            } else {
                late.append(-wait)
            }
            _ = try connection.transaction { connection in
                try MessageQueue.send(on: connection, queue: queue, json: #"{"seq": \#(sequence), "sent": \#(now())}"#)
            }
            let committed = now()
            log.committed.withLock { $0[sequence] = committed }
            sequence += producers
        }
        lateness.withLock { $0.append(contentsOf: late) }
    }
    guard errors.isEmpty else {
        consumer.stop()
        fail("latency: producers failed: " + errors.joined(separator: "; "))
    }
    let deadline = now() + 30
    while log.handled.load(ordering: .relaxed) < total, now() < deadline { usleep(10_000) }
    consumer.stop()

    let committed = log.committed.withLock { $0 }
    let started = log.started.withLock { $0 }
    let sent = log.sentInPayload.withLock { $0 }
    var commitToStart: [Double] = []
    var sendToStart: [Double] = []
    for index in 0..<total where !started[index].isNaN {
        if !committed[index].isNaN { commitToStart.append((started[index] - committed[index]) * 1000) }
        if !sent[index].isNaN { sendToStart.append((started[index] - sent[index]) * 1000) }
    }
    commitToStart.sort()
    sendToStart.sort()
    let missing = total - commitToStart.count
    let behind = lateness.withLock { $0 }
    note("latency: \(total) messages from \(producers) producers in \(format(elapsed)) s "
        + "(achieved \(format(Double(total) / elapsed)) msg/s; \(behind.count) sends behind schedule, "
        + "worst by \(format((behind.max() ?? 0) * 1000)) ms); \(missing) not handled within 30 s")
    if let fastest = commitToStart.first, fastest < 0 {
        note("latency: some handlers started before their COMMIT returned (by up to \(format(-fastest)) ms)")
    }
    note("latency: commit→handler p50 \(format(percentile(commitToStart, 0.5))) ms, "
        + "p99 \(format(percentile(commitToStart, 0.99))) ms, max \(format(commitToStart.last ?? .nan)) ms; "
        + "send (before commit)→handler p50 \(format(percentile(sendToStart, 0.5))) ms, "
        + "p99 \(format(percentile(sendToStart, 0.99))) ms")
    guard !commitToStart.isEmpty else { fail("latency: no message reached the handler") }
    report("latency_p50", percentile(commitToStart, 0.5), "ms")
    report("latency_p99", percentile(commitToStart, 0.99), "ms")
    report("latency_max", commitToStart.last!, "ms")
    report("latency_rate", Double(total) / elapsed, "msg/s")
    report("latency_unhandled", Double(missing), "messages")
    try clear(queue, url)
}

// MARK: - main

func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let url = ProcessInfo.processInfo.environment["HUB_DATABASE_URL"], !url.isEmpty else {
        fail("HUB_DATABASE_URL is not set\n" + usage, status: 2)
    }
    func number(_ index: Int) -> Int {
        guard index < arguments.count, let value = Int(arguments[index]), value > 0 else { fail(usage, status: 2) }
        return value
    }
    do {
        switch arguments.first {
        case "send" where arguments.count == 3:
            try benchSend(url: url, total: number(1), clients: number(2))
        case "receive" where arguments.count == 4:
            try benchReceive(url: url, total: number(1), batch: number(2), clients: number(3))
        case "latency" where arguments.count == 3 || arguments.count == 4:
            guard let rate = Double(arguments[1]), rate > 0, let seconds = Double(arguments[2]), seconds > 0 else {
                fail(usage, status: 2)
            }
            try benchLatency(url: url, rate: rate, seconds: seconds, producers: arguments.count == 4 ? number(3) : 16)
        default:
            fail(usage, status: 2)
        }
    } catch {
        fail("\(arguments.first ?? ""): \(error)")
    }
}

main()
