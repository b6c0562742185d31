import Foundation

extension RunningHub {
    /// Submits a complaint through the gateway's JSON API and waits until its public status is `status`.
    /// - Returns: the tracking code.
    public func submitted(_ body: [String: Any], until status: String = "dispatched") throws -> String {
        let created = try post("/api/v1/complaints", json: body)
        guard let code = created.jsonObject["tracking_code"] as? String else {
            throw TestSupportError("submission failed: \(created.status) \(created.text)")
        }
        try waitForStatus(code, status)
        return code
    }
}
