import Casework

// Intake takes every submission and also runs the general desk: the categories no specialised module owns.
ModuleMain.run(.intake) { runner in
    SubmissionRoutes(pool: runner.pool, logger: runner.logger).router()
}
