/// Lenient reads of one value, for handlers whose refusal of a wrong type is their own code rather
/// than `invalid_field` (`JSONObjectReader` reads strictly).
extension JSONValue {
    /// The text of a JSON string, nil for anything else.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// A whole number, also one written with a zero fraction (`5.0`); nil for fractions, booleans and
    /// everything else.
    public var wholeNumber: Int? {
        switch self {
        case .integer(let whole): return whole
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        default: return nil
        }
    }
}
