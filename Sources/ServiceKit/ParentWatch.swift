import Foundation
import Glibc

/// For services started by a test or a supervisor that may be killed without stopping them
/// (`HUB_EXIT_WITH_PARENT=1`): when the parent process goes away, the service stops itself the
/// graceful way (SIGTERM to itself), so nothing is left running.
enum ParentWatch {
    static func start(logger: Logger) {
        let parent = getppid()
        let thread = Thread {
            while getppid() == parent { Thread.sleep(forTimeInterval: 0.5) }
            logger.warning("parent process ended; stopping", ["parent": Int(parent)])
            kill(getpid(), SIGTERM)
        }
        thread.name = "parent-watch"
        thread.start()
    }
}
