/// One part of a `multipart/form-data` body.
public struct MultipartPart: Sendable {
    /// The form field name.
    public let name: String
    /// The file name the browser sent, for file fields (path parts stripped).
    public let filename: String?
    /// The part's declared media type; the bytes decide what a file really is.
    public let contentType: String?
    public let body: [UInt8]

    /// The body as text, for ordinary fields.
    public var text: String? { String(validating: body, as: UTF8.self) }
}

/// Limits on multipart bodies, each answered with 413 when exceeded.
public struct MultipartLimits: Sendable {
    public var maxParts = 32
    public var maxPartBytes = 6 * 1024 * 1024
    public var maxHeaderBytes = 8 * 1024

    public init() {}
}

/// A pure `multipart/form-data` parser (RFC 7578 over RFC 2046's framing) for complete bodies.
public enum MultipartParser {
    /// The boundary from a Content-Type header, or nil when it is not multipart/form-data with a
    /// valid boundary (1–70 characters).
    public static func boundary(contentType: String?) -> String? {
        guard let contentType, let header = HeaderParameters(contentType), header.value == "multipart/form-data",
              let boundary = header.parameters["boundary"], (1...70).contains(boundary.utf8.count) else { return nil }
        return boundary
    }

    /// Splits a body into parts.
    /// - Throws: `HTTPError` 400 `malformed_multipart` for broken framing or headers, 413
    ///   `multipart_too_large` past the limits.
    public static func parse(_ body: [UInt8], boundary: String, limits: MultipartLimits = MultipartLimits()) throws -> [MultipartPart] {
        let dashBoundary = Array(("--" + boundary).utf8)
        let delimiter = [13, 10] + dashBoundary
        // The first boundary may start the body or follow a preamble ending in CRLF.
        var index: Int
        if body.starts(with: dashBoundary) {
            index = dashBoundary.count
        } else if let found = find(delimiter, in: body, from: 0) {
            index = found + delimiter.count
        } else {
            throw malformed("no boundary found")
        }
        var parts: [MultipartPart] = []
        while true {
            if body.count - index >= 2, body[index] == UInt8(ascii: "-"), body[index + 1] == UInt8(ascii: "-") {
                return parts  // the close delimiter; anything after it is epilogue
            }
            while index < body.count, body[index] == 32 || body[index] == 9 { index += 1 }  // transport padding
            guard body.count - index >= 2, body[index] == 13, body[index + 1] == 10 else {
                throw malformed("boundary not followed by CRLF")
            }
            index += 2
            guard let headerEnd = find([13, 10, 13, 10], in: body, from: index, limit: limits.maxHeaderBytes) else {
                throw malformed("part headers not terminated")
            }
            let headers = try partHeaders(body[index..<headerEnd])
            let contentStart = headerEnd + 4
            guard let next = find(delimiter, in: body, from: contentStart) else { throw malformed("part not terminated") }
            guard next - contentStart <= limits.maxPartBytes else {
                throw HTTPError(413, "multipart_too_large", "a part exceeds \(limits.maxPartBytes) bytes")
            }
            guard parts.count < limits.maxParts else {
                throw HTTPError(413, "multipart_too_large", "more than \(limits.maxParts) parts")
            }
            guard let disposition = headers["content-disposition"].flatMap(HeaderParameters.init),
                  disposition.value == "form-data", let name = disposition.parameters["name"] else {
                throw malformed("part without Content-Disposition: form-data; name=…")
            }
            parts.append(MultipartPart(name: name, filename: disposition.parameters["filename"].map(baseName),
                                       contentType: headers["content-type"], body: Array(body[contentStart..<next])))
            index = next + delimiter.count
        }
    }

    private static func partHeaders(_ bytes: ArraySlice<UInt8>) throws -> [String: String] {
        var headers: [String: String] = [:]
        guard !bytes.isEmpty else { return headers }
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            var line = line
            if line.last == 13 { line = line.dropLast() }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw malformed("part header without a colon") }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            guard !name.isEmpty, name.utf8.allSatisfy(HTTPSyntax.isTokenByte),
                  line[(colon + 1)...].allSatisfy(HTTPSyntax.isFieldValueByte) else {
                throw malformed("invalid part header")
            }
            headers[name] = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace()
        }
        return headers
    }

    /// Browsers on some systems send a full path; only the last component is the file's name.
    private static func baseName(_ filename: String) -> String {
        // Bytes, not Characters: a separator followed by a combining mark is one Character.
        let bytes = Array(filename.utf8)
        let start = bytes.lastIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }).map { $0 + 1 } ?? 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    private static func malformed(_ why: String) -> HTTPError {
        HTTPError(400, "malformed_multipart", "malformed multipart body: \(why)")
    }

    /// The first index of `needle` in `haystack` at or after `from` (within `limit` bytes when given).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, limit: Int? = nil) -> Int? {
        guard let first = needle.first else { return nil }
        let end = min(haystack.count - needle.count, limit.map { from + $0 } ?? Int.max)
        guard from <= end else { return nil }
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            var index = from
            while index <= end {
                if buffer[index] == first {
                    var matched = true
                    for offset in 1..<needle.count where buffer[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }
}
