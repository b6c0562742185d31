/// Blank text, decided scalar by scalar on Unicode's White_Space property: the same set the
/// OpenAPI document's `pattern` for non-blank text names (tab to carriage return, space, U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), so the server and the
/// schema refuse exactly the same texts. A combining mark after a space is not blank.
extension String {
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }

    /// The text without leading and trailing White_Space scalars.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
