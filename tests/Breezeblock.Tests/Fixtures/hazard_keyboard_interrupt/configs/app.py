from breezeblock import configure


@configure
def a():
    raise KeyboardInterrupt
