import Glibc

/// The kernel's table of IPv4 TCP sockets (/proc/net/tcp): an honest count of the connections a
/// client opened to a port, since a closed one stays listed (TIME_WAIT) for a minute.
enum TCPTable {
    /// The sockets, in any state, whose remote end is `port`, keyed `localaddress:localport` as the
    /// kernel writes them (hex).
    /// - Throws: `SocketTestError` when /proc/net/tcp cannot be read.
    static func sockets(connectedToPort port: Int) throws -> Set<String> {
        var sockets: Set<String> = []
        for line in try procNetTCP().split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 3, let remotePort = fields[2].split(separator: ":").last,
                  Int(remotePort, radix: 16) == port else { continue }
            sockets.insert(String(fields[1]))
        }
        return sockets
    }

    /// Reads the table to its end: /proc files report a size of 0, so a reader trusting the size gets nothing.
    private static func procNetTCP() throws -> String {
        let fd = open("/proc/net/tcp", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SocketTestError("cannot open /proc/net/tcp", code: errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw SocketTestError("cannot read /proc/net/tcp", code: errno) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
