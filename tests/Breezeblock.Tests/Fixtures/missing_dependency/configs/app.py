from breezeblock import configure


@configure
def web(databse):
    return databse


@configure
def worker(queue_url):
    return queue_url
