from breezeblock import configure


@configure
def a():
    class Broken(Exception):
        def __str__(self):
            raise RuntimeError('no')



    raise Broken()
