import Glibc

/// Blocks SIGTERM, SIGINT and SIGPIPE for the whole process (threads created afterwards inherit the
/// mask) and lets the main thread wait for the termination signals synchronously.
struct SignalWaiter {
    private var set = sigset_t()

    init() {
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Returns the name of the signal that arrived.
    func wait() -> String {
        var copy = set
        var received: Int32 = 0
        while sigwait(&copy, &received) != 0 {}
        return received == SIGTERM ? "SIGTERM" : "SIGINT"
    }
}
