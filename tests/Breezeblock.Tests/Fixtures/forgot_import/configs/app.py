@configure
def web():
    return 1
