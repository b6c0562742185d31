import Casework

ModuleMain.run(.publicWorks)
