import Casework

ModuleMain.run(.kir, profile: KirProfile.profile, extraRoutes: { runner in
    KirAppointmentRoutes(pool: runner.pool).router()
})
