import Casework

ModuleMain.run(.kir)
