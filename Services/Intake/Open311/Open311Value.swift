/// A format-neutral Open311 answer: one tree, rendered as JSON or as XML. Members keep their order,
/// and a list knows the element name each of its items takes in XML (`<services><service>…`).
indirect enum Open311Value: Sendable {
    case text(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case object([(String, Open311Value)])
    case list(item: String, [Open311Value])

    /// Text, or null when absent.
    static func text(_ value: String?) -> Open311Value { value.map { .text($0) } ?? .null }

    /// A number, or null when absent.
    static func number(_ value: Double?) -> Open311Value { value.map { .number($0) } ?? .null }
}

/// A complete answer: the root element's name for XML and the tree. JSON has no root name: an
/// answer that is a list in XML is a JSON array.
struct Open311Document: Sendable {
    let root: String
    let value: Open311Value
}
