import Glibc

/// How many malloc arenas a service lets glibc keep. Unbounded, glibc gives a thread that allocates
/// while another holds an arena one of its own, up to eight per core, and each arena keeps the
/// memory freed in it: with the HTTP workers that is about a MiB more resident under load, for no
/// gain on a service whose threads mostly wait on PostgreSQL (each thread's tcache still serves
/// most allocations without a lock).
enum MallocArenas {
    /// The limit a service sets (two), or nil when the operator set `MALLOC_ARENA_MAX`: glibc read
    /// that at start, and it stands.
    static func limit(operatorSetting: String?) -> Int32? {
        operatorSetting == nil ? 2 : nil
    }

    /// Sets the limit; call before the service starts threads, which keep the arenas they have.
    static func install() {
        guard let limit = limit(operatorSetting: getenv("MALLOC_ARENA_MAX").map { String(cString: $0) }),
              let mallopt = dlsym(nil, "mallopt") else { return }
        // mallopt and M_ARENA_MAX come from <malloc.h>, which the Glibc module does not export (and
        // ServiceKit imports no C module of its own): the function is looked up in the process.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        _ = unsafeBitCast(mallopt, to: Mallopt.self)(arenaMax, limit)
    }

    /// `M_ARENA_MAX` of <malloc.h>.
    private static let arenaMax: Int32 = -8
}
