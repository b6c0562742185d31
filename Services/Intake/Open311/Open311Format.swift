import HTTP

/// The two answer formats, chosen by the resource's extension (`services.json`, `services.xml`).
enum Open311Format: String, Sendable, CaseIterable {
    case json, xml

    /// The content types GeoReport v2 names, always UTF-8.
    var contentType: String {
        switch self {
        case .json: return "application/json; charset=utf-8"
        case .xml: return "text/xml; charset=utf-8"
        }
    }

    /// The media types discovery lists for an endpoint.
    static let mediaTypes = ["text/xml", "application/json"]

    /// Renders a document in this format.
    func response(_ document: Open311Document, status: Int = 200) -> HTTPResponse {
        let body = self == .json ? Open311JSONWriter.write(document) : Array(Open311XMLWriter.write(document).utf8)
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        headers.add("X-Content-Type-Options", "nosniff")
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}

/// A request path below `/open311/v2/` split into what it names: `requests/ABC.json` is the
/// segments `["requests", "ABC"]` in format `json`.
struct Open311Resource: Sendable, Equatable {
    let segments: [String]
    /// The format, or nil when the last segment has no extension or an unknown one.
    let format: Open311Format?
    /// The extension as sent, for the error message.
    let fileExtension: String?

    init(segments pathSegments: [String]) {
        guard let last = pathSegments.last, let dot = last.lastIndex(of: "."), dot != last.startIndex else {
            segments = pathSegments
            format = nil
            fileExtension = nil
            return
        }
        let name = String(last[..<dot])
        let ext = String(last[last.index(after: dot)...])
        segments = pathSegments.dropLast() + [name]
        fileExtension = ext
        format = Open311Format(rawValue: ext.lowercased())
    }
}
