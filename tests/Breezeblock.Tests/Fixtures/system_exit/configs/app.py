import sys
from breezeblock import configure


@configure
def quits():
    sys.exit(3)
