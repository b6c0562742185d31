import Synchronization

/// One place for a connection in the pool. Its state moves by compare-and-exchange, so taking an
/// idle connection and giving it back need no lock; `connection` is touched only by the one
/// thread that moved the slot out of `idle` or `empty` (it owns the slot until it stores it back).
final class PoolSlot: @unchecked Sendable {
    enum State: Int {
        /// No connection: whoever claims the slot opens one.
        case empty
        /// A connection waits to be lent.
        case idle
        /// Lent, or being opened or closed by the thread that claimed it.
        case owned
    }

    private let state = Atomic<Int>(State.empty.rawValue)
    /// Set while the slot is `idle` or `owned`; nil while `empty`.
    var connection: PostgresConnection?

    /// Claims the slot if it is in `expected`; the caller then owns it.
    func claim(from expected: State) -> Bool {
        state.compareExchange(expected: expected.rawValue, desired: State.owned.rawValue,
                              ordering: .sequentiallyConsistent).exchanged
    }

    /// Hands an owned slot back, holding a connection (`idle`) or none (`empty`).
    func release(as newState: State) {
        state.store(newState.rawValue, ordering: .sequentiallyConsistent)
    }

    var current: State { State(rawValue: state.load(ordering: .sequentiallyConsistent))! }
}
