import Casework

ModuleMain.run(.social)
