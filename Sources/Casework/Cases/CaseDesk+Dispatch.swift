import Complaints
import Foundation
import HubStore
import Postgres
import Queue

extension CaseDesk {
    /// Handles `ComplaintReceived`: the case enters this module's work queue as dispatched, with
    /// its verification deadline. Redelivery after a crash finds it dispatched already and does
    /// nothing. A message that is not a `ComplaintReceived` this service reads is dead-lettered at once.
    public func dispatch(_ connection: PostgresConnection, _ message: QueueMessage) throws {
        let received: ComplaintReceived
        do {
            received = try MessageEnvelope.decode(ComplaintReceived.self, from: message.payload)
        } catch {
            throw UnprocessableMessage("message \(message.id): \(error)")
        }
        guard let stored = try CaseStore.find(id: received.complaintID, on: connection, forUpdate: true) else { return }
        // Moved on to another module since: that module's own message takes it in.
        guard stored.module == module else { return }
        let context = try CaseStore.context(for: .dispatch, on: stored, calendar: try CategoryStore.calendar(connection),
                                            connection: connection)
        // Refused only when it is no longer waiting to be taken in: a redelivery, nothing left to do.
        guard case .success(let change) = Lifecycle.apply(.dispatch, to: stored, by: .system, at: Date(), context: context) else { return }
        let dispatched = try CaseStore.write(change, on: connection)
        try afterDispatch?(connection, dispatched)
    }
}
