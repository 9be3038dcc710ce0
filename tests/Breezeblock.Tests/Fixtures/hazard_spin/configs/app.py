from breezeblock import configure


@configure
def spin():
    while True: pass
