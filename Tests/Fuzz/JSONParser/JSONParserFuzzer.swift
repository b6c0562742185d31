// libFuzzer target for the JSON reader (JSONParser) and the JSON writer (JSONValue+Writing).
//
// Built by scripts/fuzz into its own binary from this folder and the HTTP layer's JSON sources; its
// seeds are in this folder's corpus/.
//
// Each input is JSON text, or not. The parser must never crash or hang on it; what it refuses, it
// refuses with a reason and an offset that fit (JSONInvariants.swift); what it reads must survive the
// writer: written, read back and written again, it is the same value and the same bytes, and inside
// an array it reads as that array's one element (or is refused as too deep, at the limit exactly).
// Any broken rule calls `fatalError`, which libFuzzer reports as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let value: JSONValue
    do {
        value = try JSONParser.parse(bytes)
    } catch {
        checkRefusal(error, of: bytes)
        return 0
    }
    checkDepth(value)
    checkRoundTrip(value)
    checkWrapped(value, bytes)
    return 0
}
