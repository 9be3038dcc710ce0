def port():
    return 80  # a helper, but nothing is marked @configure
