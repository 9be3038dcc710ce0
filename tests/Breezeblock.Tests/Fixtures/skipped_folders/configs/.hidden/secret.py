this is not python either
