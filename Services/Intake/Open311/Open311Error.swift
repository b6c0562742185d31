import HTTP

/// An Open311 error answer: the HTTP status and one or more `{code, description}` entries, each
/// code being the HTTP status it stands for, as GeoReport v2 shows them.
struct Open311Error: Error, Sendable {
    let status: Int
    let descriptions: [String]
    /// The Allow header of a 405.
    var allow: String?

    init(_ status: Int, _ description: String) {
        self.status = status
        descriptions = [description]
    }

    init(_ status: Int, _ descriptions: [String]) {
        self.status = status
        self.descriptions = descriptions
    }

    /// `[{"code": 400, "description": "…"}]` or `<errors><error><code>400</code>…</error></errors>`.
    var document: Open311Document {
        Open311Document(root: "errors", value: .list(item: "error", descriptions.map { description in
            .object([("code", .integer(status)), ("description", .text(description))])
        }))
    }

    /// The answer in `format`; XML (the format every GeoReport server must speak) when unknown.
    func response(_ format: Open311Format?) -> HTTPResponse {
        (format ?? .xml).response(document, status: status)
    }

    static func notFound(_ what: String) -> Open311Error { Open311Error(404, what) }
    static func badRequest(_ what: String) -> Open311Error { Open311Error(400, what) }
}

extension Open311Error {
    /// 405 for a method the resource does not serve; `allow` goes into the Allow header.
    static func methodNotAllowed(allow: String) -> Open311Error {
        var error = Open311Error(405, "method not allowed here; use \(allow)")
        error.allow = allow
        return error
    }
}
