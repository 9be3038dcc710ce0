from breezeblock import configure


@configure
def a():
    return {'s': 'x\ud800'}
