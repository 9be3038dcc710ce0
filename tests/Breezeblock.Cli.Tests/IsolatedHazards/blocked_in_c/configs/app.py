import time
from breezeblock import configure


@configure
def sleepy():
    time.sleep(60)
