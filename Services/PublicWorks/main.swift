import Casework

ModuleMain.run(.publicWorks, profile: PublicWorksProfile.profile, afterDispatch: TrustedReporters.verifyIfTrusted,
               extraRoutes: { runner in ShiftRosterRoutes(pool: runner.pool).router() })
