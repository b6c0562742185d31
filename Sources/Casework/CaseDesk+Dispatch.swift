import Complaints
import Foundation
import HubStore
import Postgres
import Queue

/// A message the module cannot interpret; it is retried and, if it never parses, dead-lettered.
struct UnreadableMessage: Error, CustomStringConvertible {
    let description: String
}

extension CaseDesk {
    /// Handles `complaint.received`: the case enters this module's work queue as dispatched, with
    /// its verification deadline. Redelivery after a crash finds it dispatched already and does nothing.
    public func dispatch(_ connection: PostgresConnection, _ message: QueueMessage) throws {
        let payload = message.json
        guard payload["type"] as? String == "complaint.received", let id = payload["complaint_id"] as? Int else {
            throw UnreadableMessage(description: "message \(message.id) is not a complaint.received with a complaint_id")
        }
        guard let stored = try CaseStore.find(id: Int64(id), on: connection, forUpdate: true) else { return }
        // Moved on to another module since: that module's own message takes it in.
        guard stored.module == module else { return }
        do {
            let dispatched = try CaseStore.perform(.dispatch, on: stored, by: .system, calendar: try CategoryStore.calendar(connection),
                                                   connection: connection).after
            try afterDispatch?(connection, dispatched)
        } catch CaseStore.ActionError.refused(.notAllowedInStatus) {
            // The lifecycle says it is no longer waiting to be taken in: a redelivery, nothing left to do.
        }
    }
}
