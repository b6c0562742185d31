/// What middleware learns about a request before its handler runs (the staff session, the page's
/// language), kept per request as typed values: a key names its value's type, so a handler reads
/// what a middleware stored without casts. A new context is empty; it lives as long as the request.
public struct RequestContext: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// The value stored under `key`, or nil when no middleware stored one.
    public subscript<Key: RequestContextKey>(_ key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}

/// Names one kind of value a request context holds: `enum StaffSessionKey: RequestContextKey
/// { typealias Value = StaffSession }`.
public protocol RequestContextKey {
    associatedtype Value: Sendable
}
