import Foundation
import Postgres
import TestSupport
import Testing

/// What a module does with the messages on its queue.
struct ModuleMessageTests {
    func count(_ connection: PostgresConnection, _ sql: String) throws -> Int {
        try connection.query(sql)[0].decode("n", as: Int.self)
    }

    @Test func aMessageTheModuleCannotReadIsDeadLetteredAtOnceAndTheQueueGoesOn() throws {
        let url = try TestCluster.shared().migratedDatabase()
        let hub = try RunningHub(databaseURL: url, services: ["gateway", "intake", "kir"])
        let connection = try PostgresConnection(conninfo: url)
        try connection.query("""
            insert into queue_messages (queue, payload)
            values ('module.kir', '{"type": "complaint.moved", "complaint_id": 1}'),
                   ('module.kir', '{"type": "complaint.received", "version": 2, "complaint_id": 1, "tracking_code": "ABCDEFGHJKMNP"}')
            """)
        try connection.query("select pg_notify('queue_module.kir', '')")
        var waited = 0.0
        while try count(connection, "select count(*)::int as n from queue_dead_letters") < 2 && waited < 15 {
            usleep(100_000)
            waited += 0.1
        }
        let dead = try connection.query("select attempts, last_error from queue_dead_letters where queue = 'module.kir' order by id")
        #expect(dead.count == 2, "dead-lettered within 15 s, not retried with backoff")
        #expect(dead.allSatisfy { $0["attempts"] == "1" })
        #expect(dead.first?["last_error"]?.contains("unknown message type complaint.moved") == true)
        #expect(dead.last?["last_error"]?.contains("complaint.received version 2 is newer than this service reads") == true)
        // A complaint behind them is taken in as ever.
        _ = try hub.submitted(["category": "perhubungan", "description": "Antrean uji KIR tidak tertib"])
    }
}
