/// Reads one HTTP/1.1 response from a client connection: status line, headers, and a body framed by
/// Content-Length, chunked coding, or the end of the stream.
enum ResponseReader {
    /// - Parameters:
    ///   - maxBody: the largest body taken; beyond it `HTTPClientError.responseTooLarge` is thrown
    ///     (the connection is then not reusable: the caller drops it).
    /// - Returns: the response and whether the connection can carry another request.
    static func read(from connection: ClientConnection, method: String, deadline: Double,
                     maxBody: Int = .max) throws -> (HTTPResponse, Bool) {
        var (status, version, headers) = try readHead(from: connection, deadline: deadline)
        // Interim answers (100 Continue, 103 Early Hints) come before the final one; they are not it.
        while (100..<200).contains(status) && status != 101 {
            (status, version, headers) = try readHead(from: connection, deadline: deadline)
        }
        var keepAlive = !(headers["Connection"]?.lowercased().contains("close") ?? false) && version == "HTTP/1.1"
        var body: [UInt8] = []
        if method == "HEAD" || status == 204 || status == 304 || (100..<200).contains(status) {
            // No body.
        } else if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            body = try readChunked(connection, deadline: deadline, maxBody: maxBody)
        } else if let lengthText = headers["Content-Length"] {
            guard let length = Int(lengthText), length >= 0 else { throw HTTPClientError.malformedResponse("bad Content-Length") }
            guard length <= maxBody else { throw HTTPClientError.responseTooLarge(maxBody) }
            while connection.buffer.count < length {
                guard try connection.fill(deadline: deadline) else { throw HTTPClientError.connectionClosed }
            }
            body = Array(connection.buffer[0..<length])
            connection.buffer.removeFirst(length)
        } else {
            while try connection.fill(deadline: deadline) {
                guard connection.buffer.count <= maxBody else { throw HTTPClientError.responseTooLarge(maxBody) }
            }
            body = connection.buffer
            connection.buffer.removeAll()
            keepAlive = false
        }
        headers.remove("Transfer-Encoding")
        headers.remove("Content-Length")
        headers.remove("Connection")
        headers.remove("Keep-Alive")
        return (HTTPResponse(status: status, headers: headers, body: body), keepAlive && connection.buffer.isEmpty)
    }

    /// Reads a status line and its header fields.
    private static func readHead(from connection: ClientConnection, deadline: Double) throws
        -> (status: Int, version: String, headers: HTTPHeaders) {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = find(connection.buffer, [13, 10, 13, 10])
            if headEnd == nil {
                guard connection.buffer.count < 64 * 1024 else { throw HTTPClientError.malformedResponse("head too large") }
                guard try connection.fill(deadline: deadline) else { throw HTTPClientError.connectionClosed }
            }
        }
        let head = String(decoding: connection.buffer[0..<headEnd!], as: UTF8.self)
        connection.buffer.removeFirst(headEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw HTTPClientError.malformedResponse("bad status line")
        }
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw HTTPClientError.malformedResponse("bad header") }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingASCIIWhitespace())
        }
        return (status, String(statusLine[0]), headers)
    }

    private static func readChunked(_ connection: ClientConnection, deadline: Double, maxBody: Int) throws -> [UInt8] {
        var body: [UInt8] = []
        func line() throws -> String {
            while true {
                if let end = find(connection.buffer, [13, 10]) {
                    let text = String(decoding: connection.buffer[0..<end], as: UTF8.self)
                    connection.buffer.removeFirst(end + 2)
                    return text
                }
                guard try connection.fill(deadline: deadline) else { throw HTTPClientError.connectionClosed }
            }
        }
        while true {
            let sizeText = try line().prefix { $0 != ";" }.trimmingASCIIWhitespace()
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw HTTPClientError.malformedResponse("bad chunk") }
            guard size <= maxBody - body.count else { throw HTTPClientError.responseTooLarge(maxBody) }
            if size == 0 {
                while try !line().isEmpty {}
                return body
            }
            while connection.buffer.count < size + 2 {
                guard try connection.fill(deadline: deadline) else { throw HTTPClientError.connectionClosed }
            }
            body.append(contentsOf: connection.buffer[0..<size])
            connection.buffer.removeFirst(size + 2)
        }
    }

    static func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
