import os
from breezeblock import configure


@configure
def stubborn():
    try:
        os._exit(0)
    except Exception:
        return 'caught'
    return 'never'
