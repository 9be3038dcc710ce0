import signal
from breezeblock import configure


@configure
def handles():
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
