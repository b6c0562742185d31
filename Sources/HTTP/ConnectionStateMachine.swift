/// One server connection's protocol state as a value, in the manner of postgres-nio's
/// `ConnectionStateMachine`: the event loop feeds it what happened on the socket (bytes read, the end
/// of input, bytes written, a worker's answer, a clock tick) and performs the `Action` it returns. It
/// owns the request parser and the bytes waiting to be written, decides keep-alive, pipelining, the
/// close after a refusal and the deadlines, and touches no socket, so every rule is testable with
/// plain values (Tests/HTTPTests/ConnectionStateMachineTests.swift).
struct ConnectionStateMachine {
    /// What the event loop does next; it then reports the outcome as the next event.
    enum Action {
        /// Nothing until the next socket event, worker answer or tick.
        case wait
        /// Write `pendingWrite`, reporting `wrote(_:now:)` until it is out, or `blocked()`.
        case write
        /// Close the connection.
        case close
        /// End the sending side and read and drop what the client still sends (a refused client reads
        /// its answer, not a reset) until it closes or the drain deadline passes.
        case drain
        /// A complete request: answer it inline (`answered`) or hand it to a worker (`dispatched`).
        case handle(HTTPRequest)
        /// A head asking `Expect: 100-continue`: admit it (`continueAdmitted`) or `refuse` it.
        case admitContinue(HTTPRequest)
        /// The bytes are not an acceptable request: `refuse` it with this error (or the head-time
        /// refusal that cut its body short). `method` is the request's, when its line parsed.
        case refuseMalformed(HTTPParseError, method: String?)
        /// The request missed a deadline: `refuse` it with 408.
        case refuseLate(ServerRefusal)
    }

    private(set) var parser: RequestParser
    let timeouts: ConnectionTimeouts
    /// Bytes of answers waiting to be written; the part before `writeOffset` is out already.
    private(set) var writeBuffer: [UInt8] = []
    private(set) var writeOffset = 0
    /// A request is with a worker; later pipelined requests wait so answers stay in order.
    private(set) var inFlight = false
    /// Close once everything queued is written (no keep-alive, a refusal, the peer's close, a stop).
    private(set) var closeAfterWrite = false
    /// Drain rather than close at once, after a refusal the client may still be sending a body for.
    private(set) var drainBeforeClose = false
    private(set) var draining = false
    private(set) var drainDeadline = 0.0
    /// The loop reads from the socket only while this holds.
    private(set) var reading = true
    /// The last write found the socket full: wait until it is writable.
    private(set) var writeBlocked = false
    /// Inline answers queued since the last write, written together once no more can be taken.
    private var answeredSinceWrite = false
    private(set) var lastRead: Double
    private(set) var lastWriteProgress: Double
    /// When the first byte of the request being received arrived (0 when idle).
    private(set) var requestStarted = 0.0
    /// Bytes received since `requestStarted`, for the minimum upload rate.
    private(set) var requestBytes = 0

    /// Bytes of inline answers queued before they must be written out: a client pipelining faster than
    /// it reads is not answered further until it reads.
    static let pendingWriteLimit = 256 * 1024

    init(parser: RequestParser, timeouts: ConnectionTimeouts, now: Double) {
        self.parser = parser
        self.timeouts = timeouts
        lastRead = now
        lastWriteProgress = now
    }

    var hasPendingWrites: Bool { writeOffset < writeBuffer.count }
    var pendingWriteCount: Int { writeBuffer.count - writeOffset }
    /// The bytes still to be written.
    var pendingWrite: ArraySlice<UInt8> { writeBuffer[writeOffset...] }
    /// Nothing received, nothing owed: a stop may close it at once.
    var isIdle: Bool { !inFlight && !hasPendingWrites && parser.isIdle }

    // MARK: reading

    /// Bytes arrived from the client.
    mutating func bytesRead(_ bytes: ArraySlice<UInt8>, now: Double) -> Action {
        guard !draining else { return .wait }
        if parser.isIdle {
            requestStarted = now
            requestBytes = 0
        }
        requestBytes += bytes.count
        lastRead = now
        parser.append(bytes)
        return takeNext()
    }

    /// The client closed its sending side.
    mutating func endOfInput() -> Action {
        if draining { return .close }
        // Nothing more can be answered once in-flight work is written.
        guard inFlight || hasPendingWrites else { return .close }
        closeAfterWrite = true
        reading = false
        return .wait
    }

    /// The socket reported an error or a hang-up: closed at once unless a worker is answering.
    mutating func hangUp() -> Action { inFlight ? .wait : .close }

    /// Takes the next request from the parser while none is with a worker.
    private mutating func takeNext() -> Action {
        guard !inFlight && !closeAfterWrite else { return answeredSinceWrite ? .write : .wait }
        switch parser.next() {
        case .needMore:
            reading = true
            return answeredSinceWrite ? .write : .wait
        case .expectsContinue(let head):
            return .admitContinue(head)
        case .failure(let error):
            return .refuseMalformed(error, method: parser.lastRequestMethod)
        case .request(let request):
            requestStarted = 0
            requestBytes = parser.bufferedByteCount
            return .handle(request)
        }
    }

    // MARK: answering

    /// The request from `handle` was answered inline with `bytes`.
    mutating func answered(_ bytes: [UInt8], keepAlive: Bool) -> Action {
        enqueue(bytes)
        answeredSinceWrite = true
        if !keepAlive {
            closeAfterWrite = true
            reading = false
        }
        if pendingWriteCount >= Self.pendingWriteLimit { return .write }
        return takeNext()
    }

    /// The request from `handle` went to a worker; nothing more is read until it answers.
    mutating func dispatched() -> Action {
        inFlight = true
        reading = false
        return answeredSinceWrite ? .write : .wait
    }

    /// A worker's answer to the request in flight.
    mutating func workerAnswered(_ bytes: [UInt8], keepAlive: Bool) -> Action {
        inFlight = false
        if !keepAlive { closeAfterWrite = true }
        enqueue(bytes)
        return .write
    }

    /// The head from `admitContinue` may send its body: invite it.
    mutating func continueAdmitted() -> Action {
        enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        return .write
    }

    /// Answers a request the server refuses itself, then closes once the answer is written.
    /// - Parameters:
    ///   - drain: the client may still be sending (a refused body): drain before closing.
    mutating func refuse(_ bytes: [UInt8], drain: Bool) -> Action {
        drainBeforeClose = drain
        enqueue(bytes)
        closeAfterWrite = true
        reading = false
        return .write
    }

    /// A graceful stop: an idle connection closes now, a busy one once its answer is out.
    mutating func stop() -> Action {
        if isIdle { return .close }
        closeAfterWrite = true
        return .wait
    }

    private mutating func enqueue(_ bytes: [UInt8]) {
        if writeOffset == writeBuffer.count {
            writeBuffer = bytes
            writeOffset = 0
        } else {
            writeBuffer.append(contentsOf: bytes)
        }
    }

    // MARK: writing

    /// `count` bytes of `pendingWrite` went out.
    mutating func wrote(_ count: Int, now: Double) -> Action {
        writeOffset += count
        lastWriteProgress = now
        return hasPendingWrites ? .write : writeFinished(now: now)
    }

    /// The socket is full: no more requests are read until the client takes its answers.
    mutating func blocked() -> Action {
        reading = false
        writeBlocked = true
        return .wait
    }

    private mutating func writeFinished(now: Double) -> Action {
        writeBuffer.removeAll(keepingCapacity: true)
        writeOffset = 0
        writeBlocked = false
        answeredSinceWrite = false
        if closeAfterWrite && !inFlight {
            guard drainBeforeClose else { return .close }
            draining = true
            drainDeadline = now + timeouts.drain
            reading = true
            return .drain
        }
        reading = !inFlight
        // The idle clock starts when the answer is out, not when the request came in.
        lastRead = now
        // Pipelined requests already buffered are answered next, in order.
        guard !inFlight && parser.bufferedByteCount > 0 else { return .wait }
        requestStarted = now
        requestBytes = parser.bufferedByteCount
        return takeNext()
    }
}
