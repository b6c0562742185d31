import Foundation

extension HTTPRequest {
    /// The body as a JSON object, for typed reads of its members.
    /// - Throws: `HTTPError` 415 when the body is not declared JSON, 400 when it is not a JSON object.
    public func jsonBody() throws -> JSONObjectReader {
        guard mediaType == "application/json" || mediaType?.hasSuffix("+json") == true else {
            throw HTTPError(415, "unsupported_media_type", "send the body as application/json")
        }
        guard !body.isEmpty else { throw HTTPError(400, "malformed_json", "the request body is empty") }
        guard let value = try? JSONValue.parse(body) else {
            throw HTTPError(400, "malformed_json", "the request body is not valid JSON")
        }
        guard case .object(let members) = value else {
            throw HTTPError(400, "malformed_json", "the request body must be a JSON object")
        }
        return JSONObjectReader(members)
    }

    /// The body as urlencoded form fields.
    /// - Throws: `HTTPError` 400 when it is not valid UTF-8.
    public func formFields() throws -> [(name: String, value: String)] {
        guard let fields = FormDecoder.decode(body: body) else {
            throw HTTPError(400, "malformed_form", "the form body is not valid UTF-8")
        }
        return fields
    }

    /// A cookie's value from the Cookie header.
    public func cookie(_ name: String) -> String? {
        for header in headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                    return parts[1].trimmingCharacters(in: .whitespaces)
                }
            }
        }
        return nil
    }
}

extension HTTPRequest {
    /// The body as multipart/form-data parts.
    /// - Throws: `HTTPError` 415 when the body is not multipart/form-data with a boundary, 400/413 from the parser.
    public func multipartParts(limits: MultipartLimits = MultipartLimits()) throws -> [MultipartPart] {
        guard let boundary = MultipartParser.boundary(contentType: headers["Content-Type"]) else {
            throw HTTPError(415, "unsupported_media_type", "send the form as multipart/form-data with a boundary")
        }
        return try MultipartParser.parse(body, boundary: boundary, limits: limits)
    }
}

extension HTTPRequest {
    /// An HTML form as posted, urlencoded or multipart: its text fields in order, and the non-empty
    /// files sent under `fileField`.
    /// - Throws: `HTTPError` 415 for other media types, 400/413 from the parsers.
    public func formSubmission(fileField: String) throws -> (fields: [(name: String, value: String)], files: [[UInt8]]) {
        switch mediaType {
        case "application/x-www-form-urlencoded":
            return (try formFields(), [])
        case "multipart/form-data":
            let parts = try multipartParts()
            return (parts.filter { $0.filename == nil }.compactMap { part in part.text.map { (part.name, $0) } },
                    parts.filter { $0.name == fileField && $0.filename != nil && !$0.body.isEmpty }.map(\.body))
        default:
            throw HTTPError(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded or multipart/form-data")
        }
    }
}
