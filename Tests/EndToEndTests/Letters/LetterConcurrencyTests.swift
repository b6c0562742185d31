import Foundation
import HTTP
import Synchronization
import TestSupport
import Testing

/// Officials acting at once: letter numbers have neither gaps nor repeats, and of two actions on one
/// letter only one succeeds.
@Suite(.serialized)
struct LetterConcurrencyTests {
    @Test func twentyConcurrentFinishesTakeNumbersOneToTwentyOfTheVillagesSequence() throws {
        let regency = try LetterRegency()
        let codes = try (0..<20).map { _ in
            let code = try regency.enter("domisili", fields: LetterRegency.domisili)
            try regency.act(code, "pass", by: "sekdes.sukamaju")
            return code
        }
        let token = regency.token("kades.sukamaju")
        let statuses = Mutex(Array(repeating: 0, count: 20))
        let ports = regency.hub.ports
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            let client = HTTPClient(connectTimeout: 2, responseTimeout: 60)
            var request = HTTPRequest(method: "POST", target: "/api/v1/staff/letters/\(codes[index])/sign", pathSegments: [], rawQuery: nil,
                                      headers: HTTPHeaders([("Host", "127.0.0.1"), ("Authorization", "Bearer \(token)"),
                                                            ("Content-Type", "application/json")]), body: Array("{}".utf8))
            request.headers.add("Connection", "close")
            let status = (try? client.send(request, to: Upstream(host: "127.0.0.1", port: ports["gateway"]!)).status) ?? -1
            statuses.withLock { $0[index] = status }
        }
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 20))
        let numbers = try regency.scalar("""
            select string_agg(number_seq::text, ',' order by number_seq) as value from letters where number_region = $1
            """, [LetterRegency.sukamaju])
        #expect(numbers == (1...20).map(String.init).joined(separator: ","))
        let distinct = try regency.scalar("select count(distinct number)::text as value from letters where number is not null")
        #expect(distinct == "20")
        #expect(try regency.scalar("select last_number::text as value from letter_counters where region_code = $1",
                                   [LetterRegency.sukamaju]) == "20")
    }

    @Test func ofTwoOfficialsActingOnOneLetterAtOnceOnlyOneSucceeds() throws {
        let regency = try LetterRegency()
        for _ in 0..<3 {
            let code = try regency.enter("domisili", fields: LetterRegency.domisili)
            let token = regency.token("sekdes.sukamaju")
            let ports = regency.hub.ports
            let statuses = Mutex([Int]())
            // The secretary passes and returns the same letter at the same moment (two tabs, two clicks).
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let client = HTTPClient(connectTimeout: 2, responseTimeout: 60)
                let body = index == 0 ? "{}" : "{\"reason\": \"NIK tidak terbaca\"}"
                let request = HTTPRequest(method: "POST", target: "/api/v1/staff/letters/\(code)/\(index == 0 ? "pass" : "return")",
                                          pathSegments: [], rawQuery: nil,
                                          headers: HTTPHeaders([("Host", "127.0.0.1"), ("Authorization", "Bearer \(token)"),
                                                                ("Content-Type", "application/json")]), body: Array(body.utf8))
                let status = (try? client.send(request, to: Upstream(host: "127.0.0.1", port: ports["gateway"]!)).status) ?? -1
                statuses.withLock { $0.append(status) }
            }
            let seen = statuses.withLock { $0 }.sorted()
            // The loser finds the letter moved on: the step no longer takes its action (409), or is no longer its desk (403).
            #expect(seen.count == 2 && seen.filter { $0 == 200 }.count == 1 && seen.contains { $0 == 409 || $0 == 403 }, "\(seen)")
            #expect(try regency.scalar("select count(*)::text as value from letter_events e join letters l on l.id = e.letter_id where l.code = $1",
                                       [code]) == "2")
            #expect(try regency.scalar("select version::text as value from letters where code = $1", [code]) == "2")
        }
    }
}
