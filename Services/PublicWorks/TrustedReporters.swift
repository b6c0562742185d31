import Complaints
import HubStore
import Postgres

/// Reports from registered village and kelurahan officials, known by a contact an authenticated
/// channel gave (see `VerifiedReporterStore.reportedByVerified`), skip verification: once taken in,
/// the case is verified by the module itself. The note saying why is written only when the reporter
/// is not anonymous: on an anonymous case it would tell staff who reported.
enum TrustedReporters {
    static let reason = "Dilaporkan oleh aparat desa/kelurahan terverifikasi; verifikasi dilewati."

    @Sendable static func verifyIfTrusted(_ connection: PostgresConnection, _ dispatched: Case, _ calendar: WorkingCalendar) throws -> Case {
        guard try VerifiedReporterStore.reportedByVerified(caseID: dispatched.id, on: connection) else { return dispatched }
        return try CaseStore.perform(.verify, on: dispatched, by: .system, reason: dispatched.anonymous ? nil : reason,
                                     calendar: calendar, connection: connection).after
    }
}
