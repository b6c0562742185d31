import Foundation
import HTTP
import Testing

/// Statuses a server answers when the request itself is unusable; the connection must close after them,
/// since the rest of the stream cannot be trusted to be framed right.
private let closingStatuses: Set<Int> = [400, 411, 413, 414, 431, 505]

/// The corpus's server answers for `hub.example` (the Host its requests carry), as a hub configured
/// with that public host does: an absolute-form target naming it is served, any other is misdirected.
private func corpusServer(_ configuration: inout HTTPServerConfiguration) {
    configuration.authorities = ["hub.example"]
}

/// The hostile-request corpus against a running server: each file is sent as is, then the client shuts
/// its writing side, so a request cut short is one its sender abandoned and must go unanswered.
@Suite struct CorpusTests {
    @Test func corpusHoldsAtLeast100RequestsAndTheManifestListsEveryFile() throws {
        let entries = try CorpusEntry.manifest()
        #expect(entries.count >= 100)
        let listed = Set(entries.map(\.file))
        #expect(listed.count == entries.count, "a file is listed twice")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: CorpusEntry.folder.path)
            .filter { $0.hasSuffix(".http") })
        #expect(files == listed)
    }

    @Test(arguments: CorpusEntry.all)
    func hostileRequestGetsItsExactAnswer(_ entry: CorpusEntry) throws {
        let bytes = try entry.bytes()
        let method = try entry.method()
        try withServer(corpusServer) { server in
            let connection = try RawConnection(port: server.port)
            // The server may answer and close before the last bytes are written; what it answered counts.
            try? connection.send(bytes)
            connection.shutdownWrite()

            switch entry.outcome {
            case .close:
                let (received, end) = connection.readToEnd()
                #expect(received.isEmpty, "expected no answer, got \(RawResponse.printable(received))")
                #expect(end.isGone, "expected the connection to close, it is \(end)")
            case .status(let expected):
                let response = try connection.readResponse(method: method)
                #expect(response.status == expected, "\(response.statusLine): \(response.text)")
                if response.status == expected {
                    #expect(response.header("Date") != nil)
                    #expect(response.header("X-Request-Id").map { !$0.isEmpty } == true)
                    if expected >= 400 { #expect(response.header("Content-Type")?.hasPrefix("application/json") == true) }
                    if method == "HEAD" {
                        #expect(response.body.isEmpty)
                    } else if expected >= 400 {
                        #expect(response.jsonError != nil, "not the JSON error shape: \(response.text)")
                    }
                    if closingStatuses.contains(expected) {
                        #expect(response.header("Connection")?.lowercased() == "close")
                    }
                }
                // Exactly one answer: a smuggled request in the same bytes must not get its own.
                let (rest, end) = connection.readToEnd()
                #expect(rest.isEmpty, method == "HEAD"
                        ? "an answer to HEAD carries content: \(RawResponse.printable(rest))"
                        : "bytes after the answer: \(RawResponse.printable(rest))")
                #expect(end.isGone, "expected the connection to close after the answer, it is \(end)")
            }

            let after = try answersOK(port: server.port)
            #expect(after.status == 200 && after.text == "ok", "server no longer serves GET /ok")
        }
    }

    /// One server takes the whole corpus back to back, then still serves as many concurrent
    /// connections as its limit allows: no hostile request leaks a connection slot or kills a loop.
    @Test func oneServerSurvivesTheWholeCorpusWithoutLeakingConnectionSlots() throws {
        let limit = 4
        try withServer({ corpusServer(&$0); $0.maxConnections = limit; $0.loopThreads = 2 }) { server in
            for entry in CorpusEntry.all {
                let connection = try RawConnection(port: server.port)
                try? connection.send(try entry.bytes())
                connection.shutdownWrite()
                let (_, end) = connection.readToEnd()
                #expect(end.isGone, "\(entry.file): connection \(end)")
            }
            // Slots are released just after the server closes; give the last ones a moment.
            var statuses: [Int] = []
            for _ in 0..<20 {
                let connections = try (0..<limit).map { _ in try RawConnection(port: server.port) }
                statuses = []
                for connection in connections {
                    try? connection.send(wireRequest("GET", "/ok"))
                    statuses.append(try connection.readResponse().status)
                }
                if statuses.allSatisfy({ $0 == 200 }) { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            #expect(statuses == Array(repeating: 200, count: limit))
        }
    }
}
