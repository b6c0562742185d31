import Casework

// Intake takes every submission and also runs the general desk: the categories no specialised module owns.
ModuleMain.run(.intake) { runner in
    var router = SubmissionRoutes(pool: runner.pool, logger: runner.logger).router()
    router.merge(Open311Routes(pool: runner.pool, logger: runner.logger).router())
    return router
}
