from breezeblock import configure
from util import check_port


@configure
def web():
    return {"port": check_port(70000)}
