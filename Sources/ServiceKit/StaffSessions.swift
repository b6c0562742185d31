import Complaints

/// Where a session token is looked up: the account store, passed in by the service (ServiceKit knows
/// no store), or a table in tests.
public struct StaffSessions: Sendable {
    private let lookup: @Sendable (String) throws -> StaffSession?

    /// - Parameter lookup: the live session behind a token, or nil; throws when the store is away.
    public init(_ lookup: @escaping @Sendable (String) throws -> StaffSession?) { self.lookup = lookup }

    /// The live session behind `token`, or nil.
    public func session(forToken token: String) throws -> StaffSession? { try lookup(token) }
}
