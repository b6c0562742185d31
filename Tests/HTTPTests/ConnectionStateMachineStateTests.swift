@testable import HTTP
import Testing

/// What the machine tells the event loop besides its actions: whether to read, to wait for the
/// socket to take writes, and which bytes to write.
@Suite struct ConnectionStateMachineStateTests {
    static func machine() -> ConnectionStateMachine {
        ConnectionStateMachine(parser: RequestParser(), timeouts: ConnectionStateMachineTests.timeouts, now: 0)
    }

    static let ok = Array("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".utf8)

    @Test func readingStopsWhileAWorkerAnswersAndResumesOnceTheAnswerIsOut() {
        var machine = Self.machine()
        _ = machine.bytesRead(Array(ConnectionStateMachineTests.get.utf8)[...], now: 0)
        _ = machine.dispatched()
        #expect(!machine.reading)
        _ = machine.workerAnswered(Self.ok, keepAlive: true)
        #expect(!machine.reading)
        _ = machine.wrote(machine.pendingWriteCount, now: 0)
        #expect(machine.reading)
    }

    @Test func aFullSocketAsksToBeToldWhenItIsWritableAndStopsReading() {
        var machine = Self.machine()
        _ = machine.bytesRead(Array(ConnectionStateMachineTests.get.utf8)[...], now: 0)
        _ = machine.answered(Self.ok, keepAlive: true)
        _ = machine.wrote(5, now: 0)
        _ = machine.blocked()
        #expect(machine.writeBlocked && !machine.reading)
        #expect(Array(machine.pendingWrite) == Array(Self.ok[5...]))
        _ = machine.wrote(machine.pendingWriteCount, now: 1)
        #expect(!machine.writeBlocked && machine.reading && !machine.hasPendingWrites)
    }

    @Test func pipelinedAnswersAreQueuedInOrder() {
        var machine = Self.machine()
        let text = ConnectionStateMachineTests.get + ConnectionStateMachineTests.getB
        guard case .handle = machine.bytesRead(Array(text.utf8)[...], now: 0) else { Issue.record("not handled"); return }
        _ = machine.answered(Array("first".utf8), keepAlive: true)
        _ = machine.answered(Array("second".utf8), keepAlive: true)
        #expect(String(decoding: machine.pendingWrite, as: UTF8.self) == "firstsecond")
    }

    @Test func aClientPipeliningFasterThanItReadsIsNotAnsweredFurtherUntilItReads() {
        var machine = Self.machine()
        let text = String(repeating: ConnectionStateMachineTests.get, count: 3)
        _ = machine.bytesRead(Array(text.utf8)[...], now: 0)
        let large = [UInt8](repeating: 65, count: ConnectionStateMachine.pendingWriteLimit)
        guard case .write = machine.answered(large, keepAlive: true) else { Issue.record("took another request"); return }
        guard case .handle = machine.wrote(machine.pendingWriteCount, now: 0) else { Issue.record("next not taken"); return }
    }

    @Test func aContinueInvitationIsTheInterimAnswer() {
        var machine = Self.machine()
        let head = "POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"
        _ = machine.bytesRead(Array(head.utf8)[...], now: 0)
        _ = machine.continueAdmitted()
        #expect(String(decoding: machine.pendingWrite, as: UTF8.self) == "HTTP/1.1 100 Continue\r\n\r\n")
    }

    @Test func aDrainingConnectionDropsWhatArrivesAndKeepsReading() {
        var machine = Self.machine()
        _ = machine.bytesRead(Array("BAD\r\n\r\n".utf8)[...], now: 0)
        _ = machine.refuse(Self.ok, drain: true)
        _ = machine.wrote(machine.pendingWriteCount, now: 0)
        #expect(machine.draining && machine.reading)
        let buffered = machine.parser.bufferedByteCount
        _ = machine.bytesRead(Array(ConnectionStateMachineTests.get.utf8)[...], now: 1)
        #expect(machine.parser.bufferedByteCount == buffered)
    }
}
