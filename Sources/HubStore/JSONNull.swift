import Foundation

/// The value for a JSON member that may be null: the value itself, or `NSNull`.
public func orNull<T>(_ value: T?) -> Any {
    guard let value else { return NSNull() }
    return value
}
