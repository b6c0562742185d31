import Casework
import Complaints
import HTTP
import HubStore
import Postgres
import ServiceKit

/// The walk-in desk's use case, for its JSON path and its pages: staff (not validators or
/// inspectors) enter a visitor's complaint, naming the intake channel it came through; the channel's
/// record and the audit entry (the officer and their address) are written in the submission's
/// transaction, so a refused channel or complaint leaves nothing stored.
struct DeskSubmissions: Sendable {
    let submissions: SubmissionRoutes

    /// The intake channels the desk offers, to an account that enters complaints there.
    /// - Throws: `Refusal.deskStaffOnly`, `PostgresError`.
    func offered(to account: Account) throws -> [IntakeChannel] {
        try account.role.checkEntersDeskComplaints()
        return try offered()
    }

    /// The intake channels the desk offers.
    func offered() throws -> [IntakeChannel] {
        try submissions.pool.withConnection { try ChannelStore.offered(on: $0) }
    }

    /// Checks who enters the complaint, then (only for a role that may) the channel named.
    /// - Returns: the channel, or nil when none was named (the JSON path's older clients).
    /// - Throws: `Refusal.deskStaffOnly`, `Refusal.unknownIntakeChannel`, and what reading `code` throws.
    func check(_ account: Account, intakeChannel code: @autoclosure () throws -> String?) throws -> IntakeChannel? {
        try account.role.checkEntersDeskComplaints()
        return try IntakeChannel.chosen(try code(), from: offered())
    }

    /// The writes a desk submission adds to its transaction: which channel it came through, and the audit entry.
    func recording(_ channel: IntakeChannel?, by account: Account,
                   through request: HTTPRequest) -> @Sendable (PostgresConnection, ComplaintStore.Receipt) throws -> Void {
        { connection, receipt in
            if let channel { try ChannelStore.record(channel, complaintID: receipt.id, on: connection) }
            var after = ["channel": Channel.desk.rawValue]
            if let channel { after["intake_channel"] = channel.code }
            try AuditLog.record("desk_submission", by: Acting(account.actor, through: request), complaintID: receipt.id,
                                after: after, on: connection)
        }
    }

    /// The desk pages' use case: a form reused after an edit (back button) stores a complaint of its own, as the citizen's form does.
    func submit(_ entry: SubmissionRequest, intakeChannel code: String?, by account: Account,
                through request: HTTPRequest) throws -> DeskIntake.Outcome {
        let channel = try check(account, intakeChannel: code)
        var entry = entry
        entry.submission.channel = .desk
        let recording = recording(channel, by: account, through: request)
        var outcome = try submissions.submit(entry, from: request.clientAddress, recording: recording)
        if case .keyReused = outcome {
            entry.idempotencyKey = nil
            outcome = try submissions.submit(entry, from: request.clientAddress, recording: recording)
        }
        switch outcome {
        case .stored(let receipt, _, _): return .stored(receipt.trackingCode)
        case .refused(let refusal): return .refused(refusal)
        case .keyReused: throw Refusal.idempotencyKeyReused()  // not reached: the second try carries no key
        }
    }

    /// The desk for the staff pages.
    func intake(site: PublicURL) -> DeskIntake {
        let desk = self
        return DeskIntake(site: site, notices: submissions.notices, channels: { try desk.offered() },
                          submit: { entry, code, account, request in
                              try desk.submit(entry, intakeChannel: code, by: account, through: request)
                          })
    }
}

extension SubmissionRoutes {
    /// The submission routes of the service `runner` runs (its pool, logger and photo allowance).
    init(runner: ServiceRunner) {
        self.init(pool: runner.pool, reads: runner.reads, logger: runner.logger, quota: runner.photoQuota(),
                  notices: runner.configuration.notifications.channels)
    }
}
