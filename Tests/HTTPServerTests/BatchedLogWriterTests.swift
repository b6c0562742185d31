import Foundation
import Glibc
import HTTP
import Testing

/// A pipe whose read end a test drains; the write end is what the writer writes to. The tests write
/// less than a pipe's 64 KiB, so no write blocks.
private final class LogPipe {
    let readFD: Int32
    let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SocketTestError("pipe failed", code: errno) }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        Glibc.close(readFD)
        Glibc.close(writeFD)
    }

    /// Everything readable within `seconds` (waiting for the first byte, then taking what is there).
    func read(within seconds: Double) -> String {
        var bytes: [UInt8] = []
        var descriptor = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
        var timeout = Int32(seconds * 1000)
        while poll(&descriptor, 1, timeout) > 0 {
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(readFD, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            timeout = 0
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

@Suite struct BatchedLogWriterTests {
    @Test func closeWritesEveryQueuedLineInOrder() throws {
        let pipe = try LogPipe()
        // An interval far beyond the test, so only close() can have written the lines.
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 60)
        let lines = (0..<1_000).map { "line \($0)\n" }
        for line in lines { writer.enqueue(line) }
        writer.close()
        #expect(pipe.read(within: 1) == lines.joined())
    }

    @Test func queuedLinesAreWrittenWithinTheInterval() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 0.1)
        defer { writer.close() }
        writer.enqueue("first\n")
        writer.enqueue("second\n")
        #expect(pipe.read(within: 2) == "first\nsecond\n")
    }

    @Test func nothingIsWrittenBeforeTheIntervalWhileTheBatchIsSmall() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 60)
        defer { writer.close() }
        writer.enqueue("waiting\n")
        #expect(pipe.read(within: 0.2) == "")
    }

    @Test func aFullBatchIsWrittenBeforeTheInterval() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 60, batchBytes: 100)
        defer { writer.close() }
        let line = String(repeating: "x", count: 59) + "\n"
        writer.enqueue(line)
        writer.enqueue(line)
        #expect(pipe.read(within: 2) == line + line)
    }

    @Test func immediateLinesComeAfterTheQueuedOnes() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 60)
        defer { writer.close() }
        writer.enqueue("access 1\n")
        writer.enqueue("access 2\n")
        writer.write("error\n")
        #expect(pipe.read(within: 1) == "access 1\naccess 2\nerror\n")
    }

    @Test func linesBeyondTheCapacityAreDroppedCountedAndReported() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 60, batchBytes: 1 << 20, capacity: 21,
                                      dropNotice: { "dropped \($0)\n" })
        for index in 0..<5 { writer.enqueue("line \(index)\n") }
        #expect(writer.droppedLines == 2)
        writer.close()
        #expect(pipe.read(within: 1) == "dropped 2\nline 0\nline 1\nline 2\n")
        #expect(writer.droppedLines == 2)
    }

    @Test func linesAfterCloseAreWrittenAtOnce() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 60)
        writer.close()
        writer.enqueue("late\n")
        #expect(pipe.read(within: 1) == "late\n")
    }

    @Test func linesFromManyThreadsAreAllWrittenWhole() throws {
        let pipe = try LogPipe()
        let writer = BatchedLogWriter(fd: pipe.writeFD, flushInterval: 0.01, batchBytes: 512)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<500 { writer.enqueue("t\(thread) \(index)\n") }
        }
        writer.close()
        let lines = pipe.read(within: 1).split(separator: "\n")
        #expect(lines.count == 8 * 500)
        for thread in 0..<8 {
            let own = lines.filter { $0.hasPrefix("t\(thread) ") }
            #expect(own == (0..<500).map { "t\(thread) \($0)"[...] })
        }
    }
}
