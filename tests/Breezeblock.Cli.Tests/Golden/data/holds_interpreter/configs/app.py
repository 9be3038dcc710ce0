from breezeblock import configure


@configure
def total():
    return sum(range(10**11))  # C code that keeps the interpreter for minutes: no bytecode runs to stop it at
