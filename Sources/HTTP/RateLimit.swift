/// A rate limit as middleware: a client (`HTTPRequest.clientAddress`) without a token is refused
/// with 429 and Retry-After, rendered by the group (JSON, or a page on the pages' groups): from the
/// request's head, before its body is read, when the limiter knows it there (the in-memory
/// `RateLimiter` always does), else in the handler chain (see `RateLimiting`).
public struct RateLimit: HeadMiddleware {
    public let limiter: any RateLimiting

    public init(_ limiter: any RateLimiting) { self.limiter = limiter }

    /// The limiter's head step: a refusal with the seconds until the client's next token, or nil.
    public func admit(_ request: HTTPRequest) -> (any HTTPResponseError)? {
        limiter.admitAtHead(request.clientAddress).map(RateLimited.init(retryAfter:))
    }

    /// The limiter's step in the chain, for a request the head admitted.
    /// - Throws: `RateLimited` when the client has no token after all.
    public func handle(_ request: HTTPRequest, context: RequestContext, next: ContextHandler) throws -> HTTPResponse {
        if let wait = limiter.admitInChain(request.clientAddress) { throw RateLimited(retryAfter: wait) }
        return try next(request, context)
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
