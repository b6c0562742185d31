// Fuzzing of the request-target normaliser, the form decoder and the multipart parser, with their
// invariants. Compiled with RequestParserFuzzer.swift by scripts/fuzz.

// MARK: - Request target

/// Takes the input's first line; when it looks like a request line, its middle word (the target).
func fuzzTarget(_ bytes: [UInt8]) {
    let lineEnd = bytes.prefix(4096).firstIndex(where: { $0 == 13 || $0 == 10 }) ?? min(bytes.count, 4096)
    var line = bytes[..<lineEnd]
    let words = line.split(separator: 32, omittingEmptySubsequences: false)
    if words.count == 3 { line = words[1] }
    // As the parser would pass it (visible ASCII only), and as arbitrary text.
    let visible = String(decoding: line.filter(HTTPSyntax.isTargetByte), as: UTF8.self)
    let arbitrary = String(decoding: line, as: UTF8.self)
    for target in [visible.hasPrefix("/") ? visible : "/" + visible, arbitrary] {
        guard let (segments, query) = try? RequestTarget.parse(target) else { continue }
        checkSegments(segments)
        if let query {
            guard let mark = target.firstIndex(of: "?"), target[target.index(after: mark)...] == query else {
                fatalError("query is not what follows the first ?")
            }
        } else if target.contains(Character("?")) {
            fatalError("query lost")
        }
        // Encoding the segments again and parsing them gives the same segments.
        let encoded = "/" + segments.map(percentEncode).joined(separator: "/")
        guard let again = try? RequestTarget.parse(encoded), again.segments == segments, again.query == nil else {
            fatalError("segments do not survive a round trip: \(segments)")
        }
    }
    for plus in [false, true] {
        if let decoded = RequestTarget.percentDecode(arbitrary, plusAsSpace: plus), decoded.utf8.count > arbitrary.utf8.count {
            fatalError("percent-decoding grew the text")
        }
    }
}

func percentEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = Array("0123456789ABCDEF".utf8)
            out.unicodeScalars.append("%")
            out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
            out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
        }
    }
    return out
}

// MARK: - Forms

func fuzzForm(_ bytes: [UInt8]) {
    let body = Array(bytes.prefix(16384))
    guard let items = FormDecoder.decode(body: body) else {
        if String(validating: body, as: UTF8.self) != nil { fatalError("valid UTF-8 refused as a form") }
        return
    }
    let text = String(decoding: body, as: UTF8.self)
    let pairs = text.split(separator: "&").count
    if items.count > pairs { fatalError("more fields than pairs") }
    let viaText = FormDecoder.decode(text)
    if viaText.count != items.count || !zip(viaText, items).allSatisfy({ $0.name == $1.name && $0.value == $1.value }) {
        fatalError("body and text decoding differ")
    }
    // Encoding the fields and decoding them again gives the same fields.
    let again = FormDecoder.decode(FormDecoder.encode(items.map { ($0.name, $0.value) }))
    if again.count != items.count || !zip(again, items).allSatisfy({ $0.name == $1.name && $0.value == $1.value }) {
        fatalError("form fields do not survive a round trip")
    }
}

// MARK: - Multipart

/// The input's first line is a Content-Type value, the rest the body (or, when that line names no
/// multipart boundary, the whole input is the body under a fixed boundary).
func fuzzMultipart(_ bytes: [UInt8], rng: inout SplitMix) {
    // The default limits always, and sometimes small ones too, so a short body reaches every 413.
    var small = MultipartLimits()
    small.maxParts = rng.below(5)
    small.maxPartBytes = rng.below(80)
    small.maxHeaderBytes = rng.below(120)
    let limitsToTry = rng.below(2) == 0 ? [MultipartLimits(), small] : [MultipartLimits()]
    let lineEnd = bytes.prefix(200).firstIndex(of: 10) ?? bytes.count
    let firstLine = String(decoding: bytes[..<lineEnd].filter { $0 != 13 }, as: UTF8.self)
    if let header = HeaderParameters(firstLine) {
        if header.value != header.value.lowercased() { fatalError("parameter value not lower-cased") }
        for key in header.parameters.keys where key.isEmpty || key != key.lowercased() { fatalError("bad parameter name \(key)") }
    }
    let body: [UInt8]
    let boundary: String
    if let declared = MultipartParser.boundary(contentType: firstLine) {
        if !(1...70).contains(declared.utf8.count) { fatalError("boundary of \(declared.utf8.count) bytes") }
        body = Array(bytes[min(lineEnd + 1, bytes.count)...])
        boundary = declared
    } else {
        let boundaries = ["XyZ", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "-", "a"]
        body = bytes
        boundary = boundaries[rng.below(boundaries.count)]
    }
    for limits in limitsToTry { checkMultipart(body, boundary: boundary, limits: limits) }
}

func checkMultipart(_ body: [UInt8], boundary: String, limits: MultipartLimits) {
    let parts: [MultipartPart]
    do {
        parts = try MultipartParser.parse(body, boundary: boundary, limits: limits)
    } catch let error as HTTPError {
        if error.status != 400 && error.status != 413 { fatalError("multipart error status \(error.status)") }
        return
    } catch {
        fatalError("multipart threw \(error)")
    }
    if parts.count > limits.maxParts { fatalError("\(parts.count) parts, limit \(limits.maxParts)") }
    let delimiter = [13, 10] + Array(("--" + boundary).utf8)
    for part in parts {
        if part.body.count > limits.maxPartBytes { fatalError("part of \(part.body.count) bytes over the limit") }
        if MultipartParser.find(delimiter, in: part.body, from: 0) != nil { fatalError("a part holds the delimiter") }
        if let filename = part.filename, filename.contains(where: { $0 == "/" || $0 == "\\" }) {
            fatalError("file name keeps a path: \(filename)")
        }
        if let filename = part.filename, filename.utf8.contains(where: { $0 == 47 || $0 == 92 }) {
            fatalError("file name keeps a path separator byte: \(Array(filename.utf8))")
        }
    }
}
