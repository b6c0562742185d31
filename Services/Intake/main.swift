import Casework

// Intake takes every submission and also runs the general desk: the categories no specialised module owns.
ModuleMain.run(.intake, extraRoutes: { runner in
    let submissions = SubmissionRoutes(pool: runner.pool, logger: runner.logger)
    var router = submissions.router()
    router.merge(ChannelRoutes(submissions: submissions, smsSecret: runner.environment.values["HUB_SMS_WEBHOOK_SECRET"]).router())
    router.merge(Open311Routes(pool: runner.pool, logger: runner.logger).router())
    router.merge(CitizenFeedbackRoutes(pool: runner.pool).router())
    return router
})
