import Complaints
import Foundation
import HubStore
import Postgres
import Queue
import Synchronization

extension CaseDesk {
    /// Handles a batch of `ComplaintReceived`: each case enters this module's work queue as
    /// dispatched, with its verification deadline. The batch's cases are locked and the calendar read
    /// once, in one round trip. Redelivery after a crash finds a case dispatched already and does
    /// nothing. A message that is not a `ComplaintReceived` this service reads is dead-lettered at once.
    public func dispatch(_ connection: PostgresConnection, _ messages: [QueueMessage]) throws -> QueueConsumer.Handler {
        let ids = messages.compactMap { try? Self.received(in: $0).complaintID }
        let batch = try CaseStore.lockForDispatch(ids: ids, on: connection)
        // A batch may carry two messages of one case (a redelivery beside a move): the second sees the first's change.
        let cases = Mutex(batch.cases)
        return { [self] connection, message in
            let received = try Self.received(in: message)
            guard let stored = cases.withLock({ $0[received.complaintID] }) else { return }
            if let dispatched = try dispatch(stored, calendar: batch.calendar, on: connection) {
                cases.withLock { $0[dispatched.id] = dispatched }
            }
        }
    }

    /// Takes one locked case in; nil when there is nothing to do, else the case as it was left.
    private func dispatch(_ stored: Case, calendar: WorkingCalendar, on connection: PostgresConnection) throws -> Case? {
        // Moved on to another module since: that module's own message takes it in.
        guard stored.module == module else { return nil }
        let context = try CaseStore.context(for: .dispatch, on: stored, calendar: calendar, connection: connection)
        // Refused only when it is no longer waiting to be taken in: a redelivery, nothing left to do.
        guard case .success(let change) = Lifecycle.apply(.dispatch, to: stored, by: .system, at: Date(), context: context) else { return nil }
        let dispatched = try CaseStore.write(change, on: connection)
        return try afterDispatch?(connection, dispatched, calendar) ?? dispatched
    }

    private static func received(in message: QueueMessage) throws -> ComplaintReceived {
        do {
            return try MessageEnvelope.decode(ComplaintReceived.self, from: message.payload)
        } catch {
            throw UnprocessableMessage("message \(message.id): \(error)")
        }
    }
}
