/// A value read from one `{name}` segment of a route. Each type says which texts it accepts, range
/// included, so no handler hands the database a value it would refuse (a position past `integer`,
/// an id past `bigint`): such a segment names nothing, and the client gets a 404.
public protocol PathParameterValue: Sendable {
    /// - Returns: nil when the text is not a value of this type.
    init?(pathParameter text: String)
}

extension HTTPRequest {
    /// The matched route's `{name}` segment read as `T`, or nil when it is absent or not a `T`.
    public func pathParameter<T: PathParameterValue>(_ name: String, as type: T.Type = T.self) -> T? {
        pathParameters[name].flatMap(T.init(pathParameter:))
    }

    /// The matched route's `{name}` segment read as `T`.
    /// - Throws: `notFound` when the segment is absent or not a `T`.
    public func pathParameter<T: PathParameterValue>(_ name: String, as type: T.Type = T.self,
                                                     orThrow notFound: @autoclosure () -> any HTTPResponseError) throws -> T {
        guard let value = pathParameter(name, as: type) else { throw notFound() }
        return value
    }
}

/// Positions (PostgreSQL `integer`) and ids (`bigint`) in paths: 1 or more, decimal digits only
/// (no sign, no spaces), within the column's range.
extension FixedWidthInteger where Self: SignedInteger {
    public init?(pathParameter text: String) {
        guard !text.isEmpty, text.utf8.count <= 40, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Self(text, radix: 10), value >= 1 else { return nil }
        self = value
    }
}

extension Int32: PathParameterValue {}
extension Int64: PathParameterValue {}

/// Names (an action, a file) are matched by the handler against what it knows.
extension String: PathParameterValue {
    public init?(pathParameter text: String) { self = text }
}
