/// A response ready to be written: status, headers and a complete body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    /// A JSON response from already-encoded bytes.
    public static func json(bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }

    /// A JSON answer built of typed values.
    public static func json(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        json(bytes: value.bytes, status: status)
    }

    /// The hub's error shape: `{"error": {"code", "message"}}`, plus optional extra members.
    public static func error(_ status: Int, code: String, message: String, extra: [String: JSONValue] = [:]) -> HTTPResponse {
        var error: [String: JSONValue] = ["code": .string(code), "message": .string(message)]
        for (key, value) in extra { error[key] = value }
        return json(.object(["error": .object(error)]), status: status)
    }

    /// An HTML page with the security headers every page carries.
    public static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/html; charset=utf-8")
        headers.add("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        headers.add("X-Content-Type-Options", "nosniff")
        headers.add("Referrer-Policy", "no-referrer")
        headers.add("X-Frame-Options", "DENY")
        return HTTPResponse(status: status, headers: headers, body: Array(html.utf8))
    }

    /// A redirect; 303 sends the browser to GET the location after a POST.
    public static func redirect(to location: String, status: Int = 303) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Location", location)
        headers.add("Content-Type", "text/plain; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: Array("See \(location)\n".utf8))
    }

    /// Stored image bytes, served so a browser never runs them as anything else.
    public static func image(_ bytes: [UInt8], mediaType: String, cacheControl: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add("Content-Type", mediaType)
        headers.add("X-Content-Type-Options", "nosniff")
        headers.add("Content-Security-Policy", "default-src 'none'; sandbox")
        headers.add("Cache-Control", cacheControl)
        return HTTPResponse(status: 200, headers: headers, body: bytes)
    }

    /// Serialises status line, headers (with Content-Length and Date) and body.
    /// - Parameters:
    ///   - includeBody: false for HEAD, whose answer carries the headers but no body.
    ///   - close: adds `Connection: close`.
    public func serialized(includeBody: Bool = true, close: Bool = false, date: String) -> [UInt8] {
        let hasBody = status != 204 && status != 304
        var bytes: [UInt8] = []
        var headerBytes = 0
        for field in headers.fields { headerBytes += field.name.utf8.count + field.value.utf8.count + 4 }
        bytes.reserveCapacity(128 + headerBytes + (includeBody && hasBody ? body.count : 0))
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        bytes.append(contentsOf: String(status).utf8)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: HTTPStatus.reason(status).utf8)
        bytes.append(contentsOf: "\r\n".utf8)
        for field in headers.fields where !Self.isFraming(field.name) {
            bytes.append(contentsOf: field.name.utf8)
            bytes.append(contentsOf: ": ".utf8)
            bytes.append(contentsOf: field.value.utf8)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        bytes.append(contentsOf: "Date: ".utf8)
        bytes.append(contentsOf: date.utf8)
        bytes.append(contentsOf: "\r\n".utf8)
        if status >= 200 && hasBody {
            bytes.append(contentsOf: "Content-Length: ".utf8)
            bytes.append(contentsOf: String(body.count).utf8)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        if close { bytes.append(contentsOf: "Connection: close\r\n".utf8) }
        bytes.append(contentsOf: "\r\n".utf8)
        if includeBody && hasBody { bytes.append(contentsOf: body) }
        return bytes
    }

    /// Fields the server writes itself, whatever a handler set.
    private static func isFraming(_ name: String) -> Bool {
        name.caseInsensitiveEquals("Content-Length") || name.caseInsensitiveEquals("Connection")
            || name.caseInsensitiveEquals("Date") || name.caseInsensitiveEquals("Transfer-Encoding")
    }
}
