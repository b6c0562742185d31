import Complaints
import HTTP

/// Headers every service adds to its answers, in one place rather than in each handler: staff JSON
/// is never cached (`Cache-Control: no-store`, finding 13), and HTML answers carry
/// `Strict-Transport-Security` when the site is https (`HUB_PUBLIC_URL`).
public struct ResponsePolicy: Sendable {
    let strictTransportSecurity: String?

    public init(edge: PublicEdge) { strictTransportSecurity = edge.strictTransportSecurity }

    /// The middleware for every route. An error that renders itself (`HTTPResponseError`) a handler
    /// throws is rendered here as JSON, so refusals get the headers too.
    public func middleware(_ handler: @escaping HTTPHandler) -> HTTPHandler {
        let policy = self
        return { request in
            var response: HTTPResponse
            do {
                response = try handler(request)
            } catch let error as any HTTPResponseError {
                response = error.jsonResponse
            }
            policy.apply(to: &response, for: request)
            return response
        }
    }

    func apply(to response: inout HTTPResponse, for request: HTTPRequest) {
        let type = response.headers["Content-Type"] ?? ""
        if StaffSide.isAPI(request.path) && type.hasPrefix("application/json") {
            response.headers.set("Cache-Control", "no-store")
        }
        if let strictTransportSecurity, type.hasPrefix("text/html"), response.headers["Strict-Transport-Security"] == nil {
            response.headers.add("Strict-Transport-Security", strictTransportSecurity)
        }
    }
}
