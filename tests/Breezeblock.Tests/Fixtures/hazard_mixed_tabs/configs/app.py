from breezeblock import configure

@configure
def a():
    if True:
	x = 1
        return x
