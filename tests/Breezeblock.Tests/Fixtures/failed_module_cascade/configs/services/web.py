from breezeblock import configure


@configure
def web(database, cache, codec):
    return {"db": database["host"], "cache": cache["host"], "codec": codec}


@configure
def api(cache):
    return {"cache": cache["host"]}


@configure
def gateway(web, api):
    return [web, api]
