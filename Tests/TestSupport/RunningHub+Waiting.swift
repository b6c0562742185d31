import Foundation

/// Waiting for what the services do on their own (a module taking a case in, a sweep), with a
/// deadline instead of a fixed pause: a test proceeds as soon as the state is there, and a loaded
/// machine only makes it slower, never wrong.
extension RunningHub {
    /// How long a test waits for a state the services reach by themselves; only a broken hub waits
    /// this long.
    public static let settleSeconds: Double = 60

    /// The statuses a submission's answer may carry: intake reads the case back after the commit and
    /// its NOTIFY, so the owning module may have dispatched it already.
    public static let justSubmitted: Set<String> = ["received", "dispatched"]

    /// Polls the public view of `code` until `condition` holds, and answers that view.
    /// - Throws: `TestSupportError` with the last view when `seconds` pass first.
    @discardableResult
    public func waitForPublicView(_ code: String, _ what: String, seconds: Double = RunningHub.settleSeconds,
                                  until condition: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let view = try get("/api/v1/complaints/\(code)").jsonObject
            if condition(view) { return view }
            guard Date() < deadline else {
                throw TestSupportError("\(code): \(what) did not happen in \(seconds) s; last view \(view)")
            }
            usleep(50_000)
        }
    }

    /// Polls the public view of each case until its status is `status`; answers the last view of each.
    @discardableResult
    public func waitForStatus(_ codes: [String], _ status: String = "dispatched") throws -> [[String: Any]] {
        try codes.map { code in try waitForPublicView(code, "status \(status)") { $0["status"] as? String == status } }
    }

    /// Polls the public view of `code` until its status is `status`; answers that view.
    @discardableResult
    public func waitForStatus(_ code: String, _ status: String = "dispatched") throws -> [String: Any] {
        try waitForStatus([code], status)[0]
    }
}
