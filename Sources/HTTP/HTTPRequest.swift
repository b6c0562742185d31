import Foundation

/// A complete, validated request as the parser hands it over.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The request-target exactly as received (for logs and proxying).
    public var target: String
    /// The percent-decoded, normalised path segments.
    public var pathSegments: [String]
    /// The raw query string after `?`, without decoding.
    public var rawQuery: String?
    public var versionMinor: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Values of `{name}` segments of the matched route.
    public var pathParameters: [String: String] = [:]
    /// The peer's address as the socket reported it.
    public var remoteAddress: String = ""
    /// The client's address, resolved once by the server from the peer and, when the peer is a trusted
    /// proxy, X-Forwarded-For (`TrustedProxies`). Rate limits, login throttling and logs use this one.
    public var clientAddress: String = ""
    /// The id under which this request is logged and forwarded.
    public var requestID: String = ""

    public init(method: String, target: String, pathSegments: [String], rawQuery: String?, versionMinor: Int = 1,
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.pathSegments = pathSegments
        self.rawQuery = rawQuery
        self.versionMinor = versionMinor
        self.headers = headers
        self.body = body
    }

    /// The normalised path, `/` joined.
    public var path: String { "/" + pathSegments.joined(separator: "/") }

    /// Decoded query parameters in order.
    public var queryItems: [(name: String, value: String)] {
        guard let rawQuery else { return [] }
        return FormDecoder.decode(rawQuery)
    }

    /// The first value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The media type of the body without parameters, lower-cased (`application/json`).
    public var mediaType: String? {
        headers["Content-Type"].map {
            $0.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
    }

    /// Whether the client wants the connection kept open after this request.
    public var wantsKeepAlive: Bool {
        let tokens = headers.values("Connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if tokens.contains("close") { return false }
        return versionMinor >= 1 || tokens.contains("keep-alive")
    }
}
