import Casework

ModuleMain.run(.social, profile: SocialProfile.profile)
