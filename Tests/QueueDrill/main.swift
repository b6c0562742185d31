import Foundation
import Glibc
import Postgres
import Queue

// A process that produces or consumes drill messages, for the crash and restart tests of the queue.
//   QueueDrill produce QUEUES FIRST COUNT   send keys FIRST..<FIRST+COUNT round-robin over the
//                                           comma-separated QUEUES, 50 per transaction, retrying
//                                           through connection loss; exits 0 when all committed
//   QueueDrill consume QUEUES LEASE DELAYMS consume every queue until SIGTERM; each message's effect
//                                           is a row in drill_effects, written with its acknowledgement
// HUB_DATABASE_URL names the database.
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 4, let url = ProcessInfo.processInfo.environment["HUB_DATABASE_URL"] else {
    FileHandle.standardError.write(Data("usage: QueueDrill produce QUEUES FIRST COUNT | consume QUEUES LEASE DELAYMS\n".utf8))
    exit(2)
}
let queues = arguments[1].split(separator: ",").map(String.init)
let pool = PostgresPool(conninfo: url, maximumConnections: queues.count + 1, applicationName: "queue-drill", waitLimit: 30)

func log(_ text: String) { FileHandle.standardError.write(Data("drill \(getpid()): \(text)\n".utf8)) }

switch arguments[0] {
case "produce":
    guard let first = Int(arguments[2]), let count = Int(arguments[3]) else { exit(2) }
    var next = first
    while next < first + count {
        let batch = next..<min(next + 50, first + count)
        do {
            try pool.transaction { connection in
                for key in batch {
                    try MessageQueue.send(on: connection, queue: queues[key % queues.count], json: #"{"key": \#(key)}"#)
                }
            }
            next = batch.upperBound
        } catch {
            log("produce retrying after: \(error)")
            usleep(200_000)
        }
    }
    print("produced \(count)")
case "consume":
    guard let lease = Double(arguments[2]), let delay = UInt32(arguments[3]) else { exit(2) }
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    let consumers = queues.map { queue in
        QueueConsumer(pool: pool, queue: queue, batchSize: 32, pollInterval: 0.5, leaseSeconds: lease, log: log) { connection, message in
            guard let key = try message.decode(as: [String: Int].self)["key"] else { throw PostgresError.missingColumn("key") }
            if delay > 0 { usleep(delay * 1000) }
            try connection.query("insert into drill_effects (message_id, key, consumer) values ($1, $2, $3)",
                                 [message.id, key, Int(getpid())])
        }
    }
    consumers.forEach { $0.start() }
    print("consuming")
    var received: Int32 = 0
    sigwait(&blocked, &received)
    consumers.forEach { $0.stop() }
default:
    exit(2)
}
