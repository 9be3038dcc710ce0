from breezeblock import configure


@configure
def a():
    return {'x': float('nan')}
