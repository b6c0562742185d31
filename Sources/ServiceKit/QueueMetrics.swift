import Postgres
import Queue

/// The message table's state in `/metrics`: per queue depth, delayed, in flight, retrying, oldest
/// message age and dead letters, read from the database at scrape time.
enum QueueMetrics {
    static func install(on metrics: Metrics, pool: PostgresPool) {
        let families: [(String, String, @Sendable (QueueDepth) -> Double)] = [
            ("hub_queue_depth", "Messages ready to be taken, per queue.", { Double($0.ready) }),
            ("hub_queue_delayed", "Messages waiting for their delay or backoff, per queue.", { Double($0.delayed) }),
            ("hub_queue_in_flight", "Messages leased to a consumer right now, per queue.", { Double($0.inFlight) }),
            ("hub_queue_retrying", "Messages that failed at least once and wait to be retried, per queue.", { Double($0.retrying) }),
            ("hub_queue_oldest_age_seconds", "Age of the oldest pending message, per queue.", { $0.oldestAgeSeconds }),
            ("hub_queue_dead_letters", "Messages in the dead-letter table, per queue.", { Double($0.deadLetters) }),
        ]
        for (name, help, value) in families {
            metrics.gauge(name, help: help) {
                ((try? pool.withConnection { try MessageQueue.depths(on: $0) }) ?? []).map {
                    ("queue=\"\(Metrics.label($0.queue))\"", value($0))
                }
            }
        }
    }
}
