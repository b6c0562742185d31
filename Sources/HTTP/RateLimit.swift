/// The rate limiter as middleware: a client (`HTTPRequest.clientAddress`) without a token is refused
/// from the request's head, before its body is read, with 429 and Retry-After, rendered by the
/// group (JSON, or a page on the pages' groups).
public struct RateLimit: HeadMiddleware {
    public let limiter: RateLimiter

    public init(_ limiter: RateLimiter) { self.limiter = limiter }

    /// Takes the client's token, or refuses with the seconds until its next one.
    public func admit(_ request: HTTPRequest) -> (any HTTPResponseError)? {
        limiter.take(request.clientAddress).map(RateLimited.init(retryAfter:))
    }
}

/// A client that asked too often: 429 `rate_limited`, told when to come back.
public struct RateLimited: HTTPResponseError, Equatable {
    /// Seconds until the client's next token.
    public let retryAfter: Int

    public init(retryAfter: Int) { self.retryAfter = retryAfter }

    public var status: Int { 429 }
    public var code: String { "rate_limited" }

    public var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add("Retry-After", String(retryAfter))
        return headers
    }

    public func message(language: String) -> String {
        language == "en" ? "too many requests; retry in \(retryAfter) s" : "terlalu banyak permintaan; coba lagi dalam \(retryAfter) detik"
    }
}
