import Foundation
import Postgres
import Queue

/// `hubctl dead-letters [list | show ID | redrive ID|all]`.
enum DeadLetterCommand {
    static func run(_ arguments: [String], connection: PostgresConnection) throws {
        switch arguments.first ?? "list" {
        case "list":
            let rows = try connection.query("""
                select id, queue, attempts, failed_at, left(coalesce(last_error, ''), 80) as error
                  from queue_dead_letters order by failed_at
                """)
            for row in rows {
                print("\(row["id"] ?? "")  \(row["queue"] ?? "")  attempts=\(row["attempts"] ?? "")  \(row["failed_at"] ?? "")  \(row["error"] ?? "")")
            }
            if rows.isEmpty { print("(no dead letters)") }
        case "show":
            guard arguments.count == 2, let id = Int64(arguments[1]) else {
                throw HubctlError(message: "usage: hubctl dead-letters show ID", exitCode: 2)
            }
            guard let row = try connection.query("select *, payload::text as body from queue_dead_letters where id = $1", [id]).first else {
                throw HubctlError(message: "no dead letter \(id)")
            }
            for column in ["id", "queue", "attempts", "dedupe_key", "created_at", "failed_at", "last_error", "body"] {
                print("\(column): \(row[column] ?? "")")
            }
        case "redrive":
            guard arguments.count == 2 else { throw HubctlError(message: "usage: hubctl dead-letters redrive ID|all", exitCode: 2) }
            let all = arguments[1] == "all"
            guard all || Int64(arguments[1]) != nil else { throw HubctlError(message: "ID must be a number or all", exitCode: 2) }
            let moved = try connection.transaction { connection -> Int in
                let rows = try connection.query("""
                    with taken as (
                        delete from queue_dead_letters where $1 or id = $2 returning queue, payload, priority, dedupe_key
                    )
                    insert into queue_messages (queue, payload, priority, dedupe_key)
                    select queue, payload, priority, dedupe_key from taken
                    on conflict (queue, dedupe_key) where dedupe_key is not null do nothing
                    returning queue
                    """, [all, all ? 0 : Int64(arguments[1])!])
                for queue in Set(rows.compactMap { $0["queue"] }) {
                    try MessageQueue.notify(queue: queue, on: connection)
                }
                return rows.count
            }
            print("re-driven \(moved) message(s)")
        default:
            throw HubctlError(message: "usage: hubctl dead-letters [list | show ID | redrive ID|all]", exitCode: 2)
        }
    }
}
