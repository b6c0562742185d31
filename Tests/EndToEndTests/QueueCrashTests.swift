import Foundation
import Glibc
import Postgres
import TestSupport
import Testing

/// The message table under real processes: producers and consumers in separate executables, a
/// consumer killed with SIGKILL mid-batch, and PostgreSQL restarted under load.
@Suite(.serialized)
struct QueueCrashTests {
    func drill(_ arguments: [String], url: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningHub.binDirectory + "/QueueDrill")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HUB_DATABASE_URL"] = url
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func count(_ url: String, _ sql: String) -> Int? {
        guard let connection = try? PostgresConnection(conninfo: url, connectTimeout: 2) else { return nil }
        return try? connection.query(sql)[0].decode("n", as: Int.self)
    }

    @Test func everyMessageTakesEffectOnceThroughKillsAndARestart() throws {
        let cluster = try TestCluster()
        let url = try cluster.migratedDatabase()
        try PostgresConnection(conninfo: url).execute(
            "create table drill_effects (message_id bigint not null, key int not null, consumer int not null)")
        let queues = "drill.a,drill.b,drill.c"
        let total = 20_000
        var consumers = try (0..<3).map { _ in try drill(["consume", queues, "2", "0"], url: url) }
        let producers = try (0..<3).map { index in
            try drill(["produce", queues, String(index * (total / 3 + 1)), String(min(total / 3 + 1, total - index * (total / 3 + 1)))],
                      url: url)
        }

        // Kill one consumer in the middle of its work once some effects exist, and replace it.
        var waited = 0
        while (count(url, "select count(*)::int as n from drill_effects") ?? 0) < 2_000 && waited < 600 {
            usleep(50_000)
            waited += 1
        }
        kill(consumers[0].processIdentifier, SIGKILL)
        consumers[0].waitUntilExit()
        consumers[0] = try drill(["consume", queues, "2", "0"], url: url)

        // Restart PostgreSQL while producers and consumers run.
        try cluster.stop(mode: "fast")
        usleep(500_000)
        try cluster.start()

        for producer in producers {
            producer.waitUntilExit()
            #expect(producer.terminationStatus == 0)
        }
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, count(url, "select count(*)::int as n from queue_messages") != 0 { usleep(100_000) }
        for consumer in consumers {
            kill(consumer.processIdentifier, SIGTERM)
            consumer.waitUntilExit()
        }

        #expect(count(url, "select count(*)::int as n from queue_messages") == 0, "no message is left")
        #expect(count(url, "select count(*)::int as n from queue_dead_letters") == 0)
        let effects = count(url, "select count(*)::int as n from drill_effects")
        let distinctMessages = count(url, "select count(distinct message_id)::int as n from drill_effects")
        #expect(effects == distinctMessages, "no message took effect twice")
        let keys = count(url, "select count(distinct key)::int as n from drill_effects")
        #expect(keys == total, "every committed send took effect")
        try cluster.stop(mode: "fast")
    }

    @Test func killedConsumersMessagesReturnAfterTheLease() throws {
        let url = try TestCluster.shared().migratedDatabase()
        try PostgresConnection(conninfo: url).execute(
            "create table drill_effects (message_id bigint not null, key int not null, consumer int not null)")
        let producer = try drill(["produce", "slow", "0", "200"], url: url)
        producer.waitUntilExit()
        // 50 ms per message: the SIGKILL lands while a batch's transaction is open.
        let victim = try drill(["consume", "slow", "1", "50"], url: url)
        var waited = 0
        while (count(url, "select count(*)::int as n from queue_messages where lease_id is not null") ?? 0) == 0 && waited < 200 {
            usleep(20_000)
            waited += 1
        }
        usleep(300_000)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(count(url, "select count(*)::int as n from drill_effects") == 0, "the killed batch committed nothing")
        #expect((count(url, "select count(*)::int as n from queue_messages where available_at > now()") ?? 0) > 0,
                "its messages are leased, not lost")

        let survivor = try drill(["consume", "slow", "1", "0"], url: url)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, count(url, "select count(*)::int as n from queue_messages") != 0 { usleep(100_000) }
        kill(survivor.processIdentifier, SIGTERM)
        survivor.waitUntilExit()
        #expect(count(url, "select count(*)::int as n from drill_effects") == 200)
        #expect(count(url, "select count(distinct message_id)::int as n from drill_effects") == 200)
        #expect(count(url, "select count(*)::int as n from drill_effects where consumer = \(victim.processIdentifier)") == 0)
        #expect(count(url, "select count(*)::int as n from queue_dead_letters") == 0)
    }
}
