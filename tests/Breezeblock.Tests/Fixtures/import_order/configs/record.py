RUNS = []


def ran(name):
    RUNS.append(name)
