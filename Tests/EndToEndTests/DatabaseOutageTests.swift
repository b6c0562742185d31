import Foundation
import HTTP
import Postgres
import Synchronization
import TestSupport
import Testing

/// PostgreSQL away or restarting: every request that needs it is answered 503 with Retry-After (a
/// JSON error, a page, or Open311's shape, as the path speaks), never 500, and the services recover
/// by themselves when it is back.
@Suite(.serialized)
struct DatabaseOutageTests {
    /// One probe of each kind of route: what it asks, and whether its answer is a page.
    struct Probe {
        let name: String
        let page: Bool
        let send: (RunningHub) throws -> HTTPResponse
    }

    func probes(code: String, token: String) -> [Probe] {
        let form = FormDecoder.encode([("service_code", "pekerjaan-umum"), ("description", "Jalan berlubang"),
                                       ("lat", "-6.2"), ("long", "106.8")])
        return [
            Probe(name: "public view", page: false) { try $0.get("/api/v1/complaints/\(code)") },
            Probe(name: "tracking page", page: true) { try $0.get("/track/\(code)") },
            Probe(name: "submission", page: false) {
                try $0.post("/api/v1/complaints", json: ["category": "pekerjaan-umum", "description": "Jalan berlubang"])
            },
            Probe(name: "staff queue", page: false) { try $0.get("/api/v1/staff/queue", token: token) },
            Probe(name: "staff queue at the module", page: false) {
                try $0.get("/api/v1/staff/queue", service: "public-works", token: token)
            },
            Probe(name: "staff queue page", page: true) {
                try $0.request("GET", "/staff", headers: [("Cookie", "hub_session=\(token)")])
            },
            Probe(name: "staff queue page at the module", page: true) {
                try $0.request("GET", "/staff", service: "public-works", headers: [("Cookie", "hub_session=\(token)")])
            },
            Probe(name: "login", page: false) {
                try $0.post("/api/v1/staff/login", json: ["login": "petugas.pu", "password": "rahasia-pu-1"])
            },
            Probe(name: "Open311 services", page: false) { try $0.get("/open311/v2/services.json") },
            Probe(name: "Open311 request", page: false) {
                try $0.request("POST", "/open311/v2/requests.json",
                               headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(form.utf8))
            },
        ]
    }

    @Test func everyKindOfRouteAnswers503WhileTheDatabaseIsAwayAndRecoversWithoutARestart() throws {
        let cluster = try TestCluster()
        defer { try? cluster.stop(mode: "immediate") }
        let hub = try RunningHub(databaseURL: try cluster.migratedDatabase())
        #expect(try hub.hubctl(["user", "add", "petugas.pu", "--role", "staff", "--module", "public-works"],
                               input: "rahasia-pu-1\n").status == 0)
        let token = try hub.logIn("petugas.pu", "rahasia-pu-1")
        let created = try hub.post("/api/v1/complaints", json: ["category": "pekerjaan-umum", "description": "Lampu PJU padam"])
        let code = try #require(created.jsonObject["tracking_code"] as? String)
        let probes = probes(code: code, token: token)
        for probe in probes { _ = try probe.send(hub) }

        try cluster.stop(mode: "fast")
        for probe in probes {
            let response = try probe.send(hub)
            #expect(response.status == 503, "\(probe.name): \(response.status) \(response.text.prefix(300))")
            #expect(Int(response.headers["Retry-After"] ?? "") ?? 0 > 0, "\(probe.name) has Retry-After")
            let type = response.headers["Content-Type"] ?? ""
            #expect(type.hasPrefix(probe.page ? "text/html" : "application/json"), "\(probe.name): \(type)")
            if probe.page { #expect(response.text.contains("<html"), "\(probe.name) is a page") }
        }

        try cluster.start()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try hub.get("/api/v1/complaints/\(code)").status != 200 { usleep(200_000) }
        var expected = ["public view": 200, "tracking page": 200, "submission": 201, "staff queue": 200,
                        "staff queue at the module": 200, "staff queue page": 200, "staff queue page at the module": 200, "login": 200, "Open311 services": 200,
                        "Open311 request": 201]
        for probe in probes {
            let response = try probe.send(hub)
            #expect(response.status == expected.removeValue(forKey: probe.name), "\(probe.name) after the restart: \(response.status) \(response.text.prefix(300))")
        }
    }

    @Test func aRestartUnderAStreamOfSubmissionsAnswersNo500AndLosesNothingAcknowledged() throws {
        let cluster = try TestCluster()
        defer { try? cluster.stop(mode: "immediate") }
        let url = try cluster.migratedDatabase()
        let hub = try RunningHub(databaseURL: url)
        let acknowledged = Mutex<[String]>([])
        let statuses = Mutex<[Int: Int]>([:])
        let acknowledgedAfterRestart = Atomic<Int>(0)
        let restarted = Atomic<Bool>(false)
        // At least 9 seconds, and on a slow machine until some submissions are taken after the restart.
        let stop = Date().addingTimeInterval(9), giveUp = Date().addingTimeInterval(60)

        let restart = Thread {
            Thread.sleep(forTimeInterval: 2.5)
            try? cluster.stop(mode: "fast")
            Thread.sleep(forTimeInterval: 1)
            try? cluster.start()
            restarted.store(true, ordering: .sequentiallyConsistent)
        }
        restart.start()
        DispatchQueue.concurrentPerform(iterations: 4) { client in
            var sent = 0
            while Date() < stop || (acknowledgedAfterRestart.load(ordering: .relaxed) < 4 && Date() < giveUp) {
                sent += 1
                let wasRestarted = restarted.load(ordering: .sequentiallyConsistent)
                guard let response = try? hub.post("/api/v1/complaints", json: [
                    "category": "pekerjaan-umum", "description": "Laporan \(client)-\(sent) selama restart",
                ]) else { continue }
                statuses.withLock { $0[response.status, default: 0] += 1 }
                if response.status == 201, let code = response.jsonObject["tracking_code"] as? String {
                    acknowledged.withLock { $0.append(code) }
                    if wasRestarted { acknowledgedAfterRestart.add(1, ordering: .relaxed) }
                    // Reading it back is part of the load, and is 200 or 503 like the rest.
                    if let view = try? hub.get("/api/v1/complaints/\(code)") {
                        statuses.withLock { $0[view.status, default: 0] += 1 }
                    }
                }
                if response.status == 503 { usleep(50_000) }
            }
        }
        while !restarted.load(ordering: .sequentiallyConsistent) { usleep(50_000) }

        let seen = statuses.withLock { $0 }
        #expect(Set(seen.keys).isSubset(of: [200, 201, 503]), "answers: \(seen)")
        #expect(seen[503, default: 0] > 0, "the restart was met: \(seen)")
        #expect(acknowledgedAfterRestart.load(ordering: .relaxed) > 0, "submissions succeed again after the restart")
        let codes = acknowledged.withLock { $0 }
        let stored = try PostgresConnection(conninfo: url).query(
            "select count(*)::int as n from complaints where tracking_code = any(string_to_array($1, ','))",
            [codes.joined(separator: ",")])[0].decode("n", as: Int.self)
        #expect(stored == codes.count, "every acknowledged submission is stored (\(codes.count) acknowledged)")
    }
}
