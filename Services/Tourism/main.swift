import Casework

ModuleMain.run(.tourism)
