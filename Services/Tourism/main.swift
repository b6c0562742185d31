import Casework

ModuleMain.run(.tourism, profile: TourismProfile.profile)
