import Glibc

/// Closing a TCP socket whose received bytes were never read makes the kernel reset the connection,
/// and a reset destroys what the peer has not read yet: an answer the server wrote just before. A
/// connection being drained after a refusal may still hold the client's last bytes and its FIN when
/// the server, woken late on a starved machine, finds the drain's time over; reading them first lets
/// the close end in a FIN, and the client keeps the answer.
enum DiscardingClose {
    /// Reads and drops whatever `fd` has already received (never waiting), then closes it.
    /// - Parameter limit: the most bytes dropped; a client still sending past it gets the reset.
    static func close(_ fd: Int32, limit: Int = 1 << 20) {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        var dropped = 0
        while dropped < limit {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count <= 0 { break }
            dropped += count
        }
        Glibc.close(fd)
    }
}
