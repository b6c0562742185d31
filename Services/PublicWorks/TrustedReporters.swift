import Complaints
import HubStore
import Postgres

/// Reports from registered village and kelurahan officials skip verification: once taken in, the
/// case is verified by the module itself, with an internal note saying why.
enum TrustedReporters {
    @Sendable static func verifyIfTrusted(_ connection: PostgresConnection, _ dispatched: StoredCase) throws {
        guard try VerifiedReporterStore.reportedByVerified(caseID: dispatched.id, on: connection) else { return }
        try CaseStore.perform(.verify, on: dispatched, by: .system,
                              reason: "Dilaporkan oleh aparat desa/kelurahan terverifikasi; verifikasi dilewati.",
                              calendar: try CategoryStore.calendar(connection), connection: connection)
    }
}
