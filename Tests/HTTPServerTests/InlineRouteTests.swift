import Foundation
import HTTP
import Synchronization
import Testing

/// Routes marked `inline` are answered on the event loop; everything a worker-run answer promises
/// (order, keep-alive, HEAD, request ids, access records, 500s) holds for them too.
@Suite struct InlineRouteTests {
    @Test func inlineRouteAnswersWhileEveryWorkerIsBusy() throws {
        try withServer({ $0.workerThreads = 1 }) { server in
            let slow = try RawConnection(port: server.port)
            try slow.send(wireRequest("GET", "/sleep/1500"))
            Thread.sleep(forTimeInterval: 0.1)
            let fast = try RawConnection(port: server.port, timeout: 1)
            let started = Date()
            try fast.send(wireRequest("GET", "/inline/quick"))
            let answer = try fast.readResponse()
            #expect(answer.status == 200 && answer.text == "quick")
            #expect(Date().timeIntervalSince(started) < 1, "the inline route waited for the busy worker")
            #expect(try slow.readResponse().text == "slept 1500")
        }
    }

    @Test func pipelinedMixOfInlineAndWorkerRoutesIsAnsweredInOrder() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            // Inline answers queued behind a slow worker answer must wait for it.
            try connection.send(wireRequest("GET", "/inline/one") + wireRequest("GET", "/sleep/200")
                + wireRequest("GET", "/inline/three") + wireRequest("POST", "/inline/echo", body: "four")
                + wireRequest("POST", "/echo", body: "five") + wireRequest("GET", "/inline/six"))
            let answers = try (0..<6).map { _ in try connection.readResponse() }
            #expect(answers.map(\.status) == [200, 200, 200, 200, 200, 200])
            #expect(answers.map(\.text) == ["one", "slept 200", "three", "four", "five", "six"])
        }
    }

    @Test func manyPipelinedInlineRequestsAreAllAnswered() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            let count = 2_000
            try connection.send((0..<count).map { wireRequest("GET", "/inline/n\($0)") }.joined())
            for index in 0..<count {
                let answer = try connection.readResponse()
                #expect(answer.text == "n\(index)")
                if answer.text != "n\(index)" { break }
            }
        }
    }

    @Test func inlineHeadCarriesContentLengthButNoBody() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("HEAD", "/inline/abc") + wireRequest("GET", "/inline/after"))
            let head = try connection.readResponse(method: "HEAD")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "3")
            #expect(try connection.readResponse().text == "after")
        }
    }

    @Test func inlineAnswerKeepsTheRequestIdAndHonoursConnectionClose() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/inline/a", headers: ["X-Request-Id: inline-7"])
                + wireRequest("GET", "/inline/b", headers: ["Connection: close"]) + wireRequest("GET", "/inline/c"))
            let first = try connection.readResponse()
            #expect(first.header("X-Request-Id") == "inline-7")
            #expect(first.header("Connection") == nil)
            let last = try connection.readResponse()
            #expect(last.text == "b")
            #expect(last.header("Connection") == "close")
            let (rest, end) = connection.readToEnd()
            #expect(rest.isEmpty, "answered past Connection: close: \(RawResponse.printable(rest))")
            #expect(end.isGone)
        }
    }

    @Test func throwingInlineHandlerGets500CarryingTheRequestId() throws {
        try withServer { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/inline-boom", headers: ["X-Request-Id: boom-9"]) + wireRequest("GET", "/inline/ok"))
            let failed = try connection.readResponse()
            #expect(failed.status == 500)
            #expect(failed.jsonError?["request_id"] as? String == "boom-9")
            #expect(!failed.text.contains("hunter2"))
            #expect(try connection.readResponse().text == "ok")
        }
    }

    @Test func inlineAnswersAreReportedToTheAccessLog() throws {
        let records = Mutex<[AccessRecord]>([])
        try withServer(onAccess: { record in records.withLock { $0.append(record) } }) { server in
            let connection = try RawConnection(port: server.port)
            try connection.send(wireRequest("GET", "/inline/logged", headers: ["X-Request-Id: log-1"])
                + wireRequest("GET", "/ok", headers: ["X-Request-Id: log-2"]))
            _ = try connection.readResponse()
            _ = try connection.readResponse()
        }
        let seen = records.withLock { $0 }
        #expect(seen.map(\.requestID) == ["log-1", "log-2"])
        #expect(seen.map(\.path) == ["/inline/logged", "/ok"])
        #expect(seen.allSatisfy { $0.status == 200 && $0.method == "GET" && !$0.remoteAddress.isEmpty })
    }

    @Test func concurrentClientsMixingInlineAndWorkerRoutesGetEveryAnswer() throws {
        try withServer({ $0.loopThreads = 2 }) { server in
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 16) { client in
                do {
                    let connection = try RawConnection(port: server.port)
                    for round in 0..<25 {
                        let names = ["c\(client)r\(round)a", "c\(client)r\(round)b", "c\(client)r\(round)c"]
                        try connection.send(wireRequest("GET", "/inline/\(names[0])") + wireRequest("GET", "/name/\(names[1])")
                            + wireRequest("GET", "/inline/\(names[2])"))
                        let texts = try (0..<3).map { _ in try connection.readResponse().text }
                        if texts != names { failures.withLock { $0.append("\(texts) != \(names)") } }
                    }
                } catch {
                    failures.withLock { $0.append("client \(client): \(error)") }
                }
            }
            let seen = failures.withLock { $0 }
            #expect(seen.isEmpty, "\(seen.prefix(3))")
        }
    }
}
