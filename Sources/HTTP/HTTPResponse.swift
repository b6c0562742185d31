import Foundation

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

    /// A JSON response from a Foundation property-list object (dictionaries, arrays, strings, numbers).
    public static func json(_ object: Any, status: Int = 200) -> HTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return json(bytes: [UInt8](data), status: status)
    }

    /// A JSON response from an `Encodable` value.
    public static func json<T: Encodable>(encoding value: T, status: Int = 200) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return json(bytes: [UInt8](data), status: status)
    }

    /// The hub's error shape: `{"error": {"code", "message"}}`, plus optional extra members.
    public static func error(_ status: Int, code: String, message: String, extra: [String: Any] = [:]) -> HTTPResponse {
        var error: [String: Any] = ["code": code, "message": message]
        for (key, value) in extra { error[key] = value }
        return json(["error": error], status: status)
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
        var head = "HTTP/1.1 \(status) \(HTTPStatus.reason(status))\r\n"
        for field in headers.fields where !field.name.caseInsensitiveEquals("Content-Length")
            && !field.name.caseInsensitiveEquals("Connection") && !field.name.caseInsensitiveEquals("Date")
            && !field.name.caseInsensitiveEquals("Transfer-Encoding") {
            head += field.name + ": " + field.value + "\r\n"
        }
        head += "Date: " + date + "\r\n"
        if status >= 200 && status != 204 && status != 304 {
            head += "Content-Length: \(body.count)\r\n"
        }
        if close { head += "Connection: close\r\n" }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if includeBody && status != 204 && status != 304 { bytes.append(contentsOf: body) }
        return bytes
    }
}
