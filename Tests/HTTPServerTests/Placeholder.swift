// placeholder until the server tests land
