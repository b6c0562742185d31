import Complaints
import HTTP
import ServiceKit

/// Forwards a request to the module that owns it, over pooled keep-alive connections. X-Forwarded-For
/// is replaced by the one client address the gateway resolved (`HTTPRequest.clientAddress`: the peer,
/// or what a trusted proxy in front reported), which the module believes because the gateway is a peer
/// it trusts.
struct Proxy: Sendable {
    let upstreams: Upstreams
    let logger: Logger
    let client = HTTPClient(connectTimeout: 2, responseTimeout: 30)

    /// Headers that concern only the hop they arrived on. `Expect` among them: the gateway has already
    /// answered the client's expectation and holds the whole body.
    private static let hopByHop = ["Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Upgrade", "Expect",
                                   "Proxy-Authorization", "Proxy-Authenticate", "X-Forwarded-For", "X-Request-Id"]

    /// The module's answer, or the gateway's own for a module that did not answer (502, 504).
    func forward(_ request: HTTPRequest, to module: ModuleName) -> HTTPResponse {
        do {
            return try send(request, to: module)
        } catch {
            return error.response
        }
    }

    /// The module's answer.
    /// - Throws: `HTTPError` 504 when the module did not answer in time, 502 when it could not be reached.
    func send(_ request: HTTPRequest, to module: ModuleName) throws(HTTPError) -> HTTPResponse {
        var outgoing = request
        for name in Self.hopByHop { outgoing.headers.remove(name) }
        outgoing.headers.add("X-Forwarded-For", request.clientAddress)
        outgoing.headers.add("X-Request-Id", request.requestID)
        let upstream = upstreams[module]
        do {
            return try client.send(outgoing, to: upstream)
        } catch HTTPClientError.timedOut {
            logger.warning("upstream timed out", ["id": request.requestID, "module": module.rawValue])
            throw HTTPError(504, "upstream_timeout", "the \(module.rawValue) service did not answer in time")
        } catch {
            logger.warning("upstream unavailable", ["id": request.requestID, "module": module.rawValue,
                                                    "error": String(describing: error)])
            throw HTTPError(502, "upstream_unavailable", "the \(module.rawValue) service is unavailable")
        }
    }
}
