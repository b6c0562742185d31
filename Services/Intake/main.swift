import Casework
import Complaints
import HubStore
import Notifications

// Intake takes every submission and also runs the general desk: the categories no specialised module owns.
ModuleMain.run(.intake, deskIntake: { runner in
    DeskSubmissions(submissions: SubmissionRoutes(runner: runner)).intake(site: runner.configuration.edge.siteURL)
}, letters: LetterDesk.intake, extraRoutes: { runner in
    let submissions = SubmissionRoutes(runner: runner)
    let pool = runner.pool
    runner.periodically("photo-quota-cleanup", every: 3600) {
        try pool.withConnection { try PhotoQuota.forgetPastDays(on: $0) }
    }
    // The reporter's notices: delivered from here, and their contacts deleted when their time is up.
    let notifications = runner.configuration.notifications
    let logger = runner.logger
    let sender = ReporterSender(pool: pool, settings: notifications, site: runner.edge.siteURL, log: { logger.warning($0) })
    runner.consume(queue: Destination.reporter.queue, batchSize: 8) { connection, message in try sender.handle(connection, message) }
    sender.installMetrics(on: runner.metrics)
    // Each new hazard report to the command centre (issue 17), when HUB_HAZARD_WEBHOOK_URL is set.
    let hazards = HazardWebhook(url: notifications.hazardWebhook, secret: notifications.hazardWebhookSecret, site: runner.edge.siteURL)
    runner.consume(queue: Destination.commandCentre.queue, batchSize: 8) { connection, message in try hazards.handle(connection, message) }
    runner.periodically("contact-retention", every: Double(runner.configuration.sweepSeconds)) {
        _ = try pool.withConnection { try ContactRetention.sweep(keepingDays: notifications.contactRetentionDays, on: $0) }
    }
    // The public statistics follow changed complaints within about a minute (issue 17).
    runner.periodically("statistics", every: Double(min(runner.configuration.sweepSeconds, 30))) {
        _ = try pool.withConnection { try StatisticsRefresher.refresh(on: $0) }
    }
    var router = submissions.router()
    let configuration = runner.configuration
    router.merge(ChannelRoutes(submissions: submissions, smsSecret: configuration.smsWebhookSecret).router())
    router.merge(Open311Routes(pool: runner.pool, reads: runner.reads, logger: runner.logger,
                               settings: Open311Settings(configuration.open311, site: configuration.edge.siteURL)).router())
    router.merge(CitizenFeedbackRoutes(reads: runner.reads).router())
    router.merge(ReplyRoutes(reads: runner.reads, quota: runner.photoQuota(), textSecret: notifications.textGatewaySecret).router())
    // Lost codes and followers (issue 14), and the shared limits' old windows.
    router.merge(LostCodeRoutes(pool: runner.pool).router())
    router.merge(FollowerRoutes(pool: runner.pool).router())
    runner.periodically("rate-limit-windows", every: 3600) {
        _ = try pool.withConnection { try SharedRateLimit.forgetPast(on: $0) }
    }
    router.merge(LetterRoutes(desk: .intake(runner)).router())
    return router
})
