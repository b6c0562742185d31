import Casework

ModuleMain.run(.publicWorks, profile: PublicWorksProfile.profile, afterDispatch: TrustedReporters.verifyIfTrusted)
