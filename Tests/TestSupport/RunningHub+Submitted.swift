import Foundation

extension RunningHub {
    /// Submits a complaint through the gateway's JSON API and waits until its public status is `status`.
    /// - Returns: the tracking code.
    public func submitted(_ body: [String: Any], until status: String = "dispatched", timeout: Double = 15) throws -> String {
        let created = try post("/api/v1/complaints", json: body)
        guard let code = created.jsonObject["tracking_code"] as? String else {
            throw TestSupportError("submission failed: \(created.status) \(created.text)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while try get("/api/v1/complaints/\(code)").jsonObject["status"] as? String != status {
            guard Date() < deadline else { throw TestSupportError("case \(code) did not reach \(status)") }
            usleep(50_000)
        }
        return code
    }
}
