from breezeblock import configure
import record
from zzz import helpers

record.ran("a")


@configure
def runs():
    return sorted(record.RUNS)


@configure
def helper_value():
    return helpers.VALUE
