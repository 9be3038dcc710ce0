import signal
from breezeblock import configure


@configure
def alarms():
    signal.alarm(1)
