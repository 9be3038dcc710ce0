from breezeblock import configure
import base  # fails with it


@configure
def worker():
    return {"queue": "jobs"}


@configure
def scheduler(worker, missing_thing):
    return worker
