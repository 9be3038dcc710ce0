import functools
from breezeblock import configure


def logged(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        return function(*args, **kwargs)
    return wrapper


@configure
def base():
    return 10


@configure
@logged
def wrapped(base):
    return base + 1


class Scaler:
    def __call__(self, base, factor=3):
        return base * factor


configure(name="scaled")(Scaler())
configure(name="shifted")(functools.partial(lambda base, offset: base + offset, offset=5))
