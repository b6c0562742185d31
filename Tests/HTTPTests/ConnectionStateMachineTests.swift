@testable import HTTP
import Testing

/// The server connection's rules, driven as a table of events and the action each must return: no
/// socket, no server, no clock but the times written here.
@Suite struct ConnectionStateMachineTests {
    /// One event fed to the machine at a time in seconds, and the action it must answer.
    struct Step: CustomStringConvertible {
        enum Event {
            case read(String), endOfInput, hangUp, stop, tick
            case answer(keepAlive: Bool), dispatch, worker(keepAlive: Bool), admitContinue, refuse(drain: Bool)
            case writeAll, writeSome(Int), blocked
        }
        let at: Double
        let event: Event
        let expect: String
        var description: String { "at \(at): \(event) -> \(expect)" }
    }

    static func step(_ at: Double, _ event: Step.Event, _ expect: String) -> Step { Step(at: at, event: event, expect: expect) }

    static let timeouts: ConnectionTimeouts = {
        var timeouts = ConnectionTimeouts(header: 10, bodyIdle: 5, request: 12, uploadRateGrace: 3,
                                          minimumUploadRate: 20, idle: 30, write: 20)
        timeouts.drain = 2
        return timeouts
    }()

    static let get = "GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
    static let getB = "GET /b HTTP/1.1\r\nHost: h\r\n\r\n"
    static let closing = "GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
    static func post(_ length: Int) -> String { "POST /u HTTP/1.1\r\nHost: h\r\nContent-Length: \(length)\r\n\r\n" }

    static let scripts: [(String, [Step])] = [
        ("a request is handled and the connection kept alive", [
            step(0, .read(get), "handle GET /a"), step(0, .answer(keepAlive: true), "write"), step(0, .writeAll, "wait")]),
        ("pipelined requests are answered in order and written together", [
            step(0, .read(get + getB), "handle GET /a"), step(0, .answer(keepAlive: true), "handle GET /b"),
            step(0, .answer(keepAlive: true), "write"), step(0, .writeAll, "wait")]),
        ("a request with a worker holds back the next until its answer is written", [
            step(0, .read(get + getB), "handle GET /a"), step(0, .dispatch, "wait"), step(1, .worker(keepAlive: true), "write"),
            step(1, .writeAll, "handle GET /b")]),
        ("an answer without keep-alive closes once written and takes no pipelined request", [
            step(0, .read(closing + getB), "handle GET /a"), step(0, .answer(keepAlive: false), "write"), step(0, .writeAll, "close")]),
        ("a worker's answer without keep-alive closes once written", [
            step(0, .read(get), "handle GET /a"), step(0, .dispatch, "wait"), step(0, .worker(keepAlive: false), "write"),
            step(0, .writeAll, "close")]),
        ("a malformed request is refused, then the client is drained until it closes", [
            step(0, .read("GET / HTTP/1.1\r\nNo colon\r\n\r\n"), "refuse 400 GET"), step(0, .refuse(drain: true), "write"),
            step(0, .writeAll, "drain"), step(0.5, .read("more body"), "wait"), step(1, .endOfInput, "close")]),
        ("a drained client that never closes is closed after the drain deadline", [
            step(0, .read("BAD\r\n\r\n"), "refuse 400 -"), step(0, .refuse(drain: true), "write"), step(0, .writeAll, "drain"),
            step(1.5, .tick, "wait"), step(2.5, .tick, "close")]),
        ("Expect: 100-continue is invited before its body is read", [
            step(0, .read("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"), "continue POST /u"),
            step(0, .admitContinue, "write"), step(0, .writeAll, "wait"), step(0.1, .read("hello"), "handle POST /u")]),
        ("a refused 100-continue head is answered and its connection drained", [
            step(0, .read("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"), "continue POST /u"),
            step(0, .refuse(drain: true), "write"), step(0, .writeAll, "drain")]),
        ("an idle client's close closes at once", [step(0, .endOfInput, "close")]),
        ("a client's half close while its answer is with a worker closes after the answer", [
            step(0, .read(get), "handle GET /a"), step(0, .dispatch, "wait"), step(0, .endOfInput, "wait"),
            step(1, .worker(keepAlive: true), "write"), step(1, .writeAll, "close")]),
        ("a hang-up closes unless a worker is answering", [
            step(0, .hangUp, "close")]),
        ("a hang-up waits for the worker's answer", [
            step(0, .read(get), "handle GET /a"), step(0, .dispatch, "wait"), step(0, .hangUp, "wait")]),
        ("a full socket stops reading until the answer is out", [
            step(0, .read(get), "handle GET /a"), step(0, .answer(keepAlive: true), "write"), step(0, .writeSome(3), "write"),
            step(0, .blocked, "wait"), step(1, .writeAll, "wait")]),
        ("a stuck write is closed after the write timeout", [
            step(0, .read(get), "handle GET /a"), step(0, .answer(keepAlive: true), "write"), step(0, .blocked, "wait"),
            step(19, .tick, "wait"), step(21, .tick, "close")]),
        ("an idle connection is closed after the idle timeout, counted from its last answer", [
            step(0, .read(get), "handle GET /a"), step(0, .answer(keepAlive: true), "write"), step(5, .writeAll, "wait"),
            step(34, .tick, "wait"), step(36, .tick, "close")]),
        ("a head not complete within the header timeout gets 408", [
            step(0, .read("GET /a HTTP/1.1\r\nX-Pad: " + String(repeating: "p", count: 300) + "\r\n"), "wait"),
            step(4, .read("X: 1\r\n"), "wait"), step(9, .tick, "wait"),
            step(10.5, .tick, "late header_timeout"), step(10.5, .refuse(drain: false), "write"), step(10.5, .writeAll, "close")]),
        ("a body with no byte for the body idle timeout gets 408", [
            step(0, .read(post(1000) + String(repeating: "x", count: 200)), "wait"), step(4, .tick, "wait"), step(5.5, .tick, "late body_stalled")]),
        ("a body arriving slower than the minimum rate after its grace gets 408", [
            step(0, .read(post(10_000)), "wait"), step(2, .read("x"), "wait"), step(2.5, .tick, "wait"),
            step(4, .read("x"), "wait"), step(4.5, .tick, "late slow_upload")]),
        ("a request not complete within the request deadline gets 408", [
            step(0, .read(post(10_000) + String(repeating: "x", count: 500)), "wait"), step(4, .read("x"), "wait"),
            step(8, .read("x"), "wait"), step(11.9, .read("x"), "wait"), step(12.5, .tick, "late request_deadline")]),
        ("no deadline runs while a worker answers", [
            step(0, .read(get), "handle GET /a"), step(0, .dispatch, "wait"), step(500, .tick, "wait")]),
        ("a stop closes an idle connection", [step(0, .stop, "close")]),
        ("a stop lets the request in flight finish, then closes", [
            step(0, .read(get + getB), "handle GET /a"), step(0, .dispatch, "wait"), step(0, .stop, "wait"),
            step(1, .worker(keepAlive: true), "write"), step(1, .writeAll, "close")]),
        ("a stop takes no further request from a connection receiving one", [
            step(0, .read("GET /a HTTP/1.1\r\n"), "wait"), step(0, .stop, "wait"), step(1, .read("Host: h\r\n\r\n"), "wait")]),
    ]

    @Test(arguments: scripts)
    func followsItsScript(name: String, steps: [Step]) {
        var machine = ConnectionStateMachine(parser: RequestParser(), timeouts: Self.timeouts, now: Self.start)
        for step in steps {
            let action = Self.feed(step, to: &machine)
            #expect(Self.describe(action) == step.expect, "\(name): \(step)")
        }
    }

    /// The monotonic clock's reading when the connection opened; the steps' times count from it.
    static let start = 100.0

    static func feed(_ step: Step, to machine: inout ConnectionStateMachine) -> ConnectionStateMachine.Action {
        let now = start + step.at
        switch step.event {
        case .read(let text): return machine.bytesRead(Array(text.utf8)[...], now: now)
        case .endOfInput: return machine.endOfInput()
        case .hangUp: return machine.hangUp()
        case .stop: return machine.stop()
        case .tick: return machine.tick(now: now)
        case .answer(let keepAlive): return machine.answered(Array("HTTP/1.1 200 OK\r\n\r\n".utf8), keepAlive: keepAlive)
        case .dispatch: return machine.dispatched()
        case .worker(let keepAlive): return machine.workerAnswered(Array("HTTP/1.1 200 OK\r\n\r\n".utf8), keepAlive: keepAlive)
        case .admitContinue: return machine.continueAdmitted()
        case .refuse(let drain): return machine.refuse(Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8), drain: drain)
        case .writeAll: return machine.wrote(machine.pendingWriteCount, now: now)
        case .writeSome(let count): return machine.wrote(count, now: now)
        case .blocked: return machine.blocked()
        }
    }

    static func describe(_ action: ConnectionStateMachine.Action) -> String {
        switch action {
        case .wait: return "wait"
        case .write: return "write"
        case .close: return "close"
        case .drain: return "drain"
        case .handle(let request): return "handle \(request.method) \(request.target)"
        case .admitContinue(let head): return "continue \(head.method) \(head.target)"
        case .refuseMalformed(let error, let method): return "refuse \(error.status) \(method ?? "-")"
        case .refuseLate(let late): return "late \(late.rawValue)"
        }
    }
}
