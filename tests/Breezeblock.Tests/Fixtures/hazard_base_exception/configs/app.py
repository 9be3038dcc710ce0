from breezeblock import configure


class Custom(BaseException):
    pass


@configure
def a():
    raise Custom('custom')
