/// The request line, its target and the field lines of a head (RFC 9112 §3 and §5).
extension RequestParser {
    typealias RequestLine = (method: String, target: String, minor: Int)

    func parseRequestLine(_ range: Range<Int>) -> Result<RequestLine, HTTPParseError> {
        let line = buffer[range]
        let bad = HTTPParseError(400, "bad_request_line", "malformed request line")
        guard let firstSpace = line.firstIndex(of: 32) else { return .failure(bad) }
        guard let lastSpace = line.lastIndex(of: 32), lastSpace > firstSpace else { return .failure(bad) }
        let method = line[line.startIndex..<firstSpace]
        let target = line[(firstSpace + 1)..<lastSpace]
        let version = line[(lastSpace + 1)...]
        guard !method.isEmpty, method.allSatisfy(HTTPSyntax.isTokenByte) else {
            return .failure(HTTPParseError(400, "bad_method", "method is not a token"))
        }
        guard !target.isEmpty, target.allSatisfy(HTTPSyntax.isTargetByte) else { return .failure(bad) }
        guard version.count == 8 else { return .failure(bad) }
        let v = version.startIndex
        let major = version[v + 5], minor = version[v + 7]
        guard version[v..<(v + 5)].elementsEqual("HTTP/".utf8), version[v + 6] == UInt8(ascii: "."),
              (48...57).contains(major), (48...57).contains(minor) else {
            return .failure(bad)
        }
        guard major == UInt8(ascii: "1"), minor <= UInt8(ascii: "1") else {
            return .failure(HTTPParseError(505, "version_not_supported", "only HTTP/1.0 and HTTP/1.1 are served"))
        }
        // A fragment is the client's own business and never sent (RFC 9112 §3.2, RFC 9110 §7.1).
        guard !target.contains(UInt8(ascii: "#")) else {
            return .failure(HTTPParseError(400, "bad_target", "a request target never carries a fragment (#)"))
        }
        return .success((String(decoding: method, as: UTF8.self), String(decoding: target, as: UTF8.self),
                         Int(minor - 48)))
    }

    /// The request's target as the parser hands it over: origin form (an absolute-form target is
    /// reduced to its path and query, and its authority returned, to replace the Host header), with
    /// its normalised segments and raw query.
    func resolveTarget(of line: RequestLine)
        -> Result<(target: String, segments: [String], query: String?, authority: String?), HTTPParseError> {
        if line.target == "*" {
            guard line.method == "OPTIONS" else { return .failure(HTTPParseError(400, "bad_target", "* is only for OPTIONS")) }
            return .success(("*", [], nil, nil))
        }
        do {
            var target = line.target
            var authority: String?
            if target.first != "/" {
                guard let absolute = try RequestTarget.absoluteForm(target) else {
                    return .failure(HTTPParseError(400, "bad_target", "only origin-form and absolute-form request targets are served"))
                }
                guard limits.servedAuthorities.serves(absolute.authority, scheme: absolute.scheme) else {
                    return .failure(HTTPParseError(421, "misdirected_request", "this server does not answer for \(absolute.authority)"))
                }
                authority = absolute.authority
                target = absolute.originForm
            }
            let (segments, query) = try RequestTarget.parse(target)
            return .success((target, segments, query, authority))
        } catch let error as HTTPParseError {
            return .failure(error)
        } catch {
            return .failure(HTTPParseError(400, "bad_target", "malformed request target"))
        }
    }

    /// One header or trailer field line: `name: value`, the value without its surrounding whitespace.
    func parseHeaderLine(_ range: Range<Int>) -> Result<(String, String), HTTPParseError> {
        let line = buffer[range]
        if let first = line.first, first == 32 || first == 9 {
            return .failure(HTTPParseError(400, "obsolete_line_folding", "obsolete line folding is not accepted"))
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            if line.count > limits.fieldBytes { return .failure(fieldTooLarge("name")) }
            return .failure(HTTPParseError(400, "bad_header", "header line without a colon"))
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty else { return .failure(HTTPParseError(400, "bad_header", "empty header name")) }
        guard name.count <= limits.fieldBytes else { return .failure(fieldTooLarge("name")) }
        if let last = name.last, last == 32 || last == 9 {
            return .failure(HTTPParseError(400, "bad_header", "whitespace before the colon"))
        }
        guard name.allSatisfy(HTTPSyntax.isTokenByte) else {
            return .failure(HTTPParseError(400, "bad_header", "invalid character in header name"))
        }
        var value = line[(colon + 1)...]
        guard value.allSatisfy(HTTPSyntax.isFieldValueByte) else {
            return .failure(HTTPParseError(400, "bad_header", "control character in header value"))
        }
        while let first = value.first, first == 32 || first == 9 { value = value.dropFirst() }
        while let last = value.last, last == 32 || last == 9 { value = value.dropLast() }
        guard value.count <= limits.fieldBytes else { return .failure(fieldTooLarge("value")) }
        return .success((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
    }

    private func fieldTooLarge(_ part: String) -> HTTPParseError {
        HTTPParseError(431, "header_field_too_large", "a header field's \(part) exceeds \(limits.fieldBytes) bytes")
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self).utf8[...]
        while let first = scalars.first, first == 32 || first == 9 { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == 32 || last == 9 { scalars = scalars.dropLast() }
        return String(decoding: scalars, as: UTF8.self)
    }
}
