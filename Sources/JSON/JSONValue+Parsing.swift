extension JSONValue {
    /// Reads JSON text (RFC 8259, UTF-8) with `JSONParser`: one value of any kind, whitespace around it.
    /// - Throws: `JSONSyntaxError` when the bytes are not one JSON value.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try JSONParser.parse(bytes)
    }
}
