import Complaints
import HubStore
import Postgres

extension ComplaintSubmission {
    /// The submission checked as the submit use case checks it, against the categories stored.
    public func validated(on connection: PostgresConnection) throws -> ValidSubmission {
        try ValidSubmission(self, knownCategories: CategoryStore.knownCategories(connection))
    }
}
