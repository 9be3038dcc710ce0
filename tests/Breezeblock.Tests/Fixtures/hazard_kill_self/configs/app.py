import os
import signal
from breezeblock import configure


@configure
def kills():
    os.kill(os.getpid(), signal.SIGTERM)
