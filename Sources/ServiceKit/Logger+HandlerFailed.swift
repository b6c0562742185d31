import HTTP

extension Logger {
    /// Logs an error a handler threw, under the request's id, so the id a client quotes finds it; the
    /// path without its tracking code (`LogRedaction`).
    public func handlerFailed(_ request: HTTPRequest, _ error: any Error) {
        self.error("handler failed", ["id": request.requestID, "path": LogRedaction.path(request.path),
                                      "error": String(describing: error)])
    }
}
