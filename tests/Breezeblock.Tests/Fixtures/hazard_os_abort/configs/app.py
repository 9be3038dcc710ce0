import os
from breezeblock import configure


@configure
def aborts():
    os.abort()
