from breezeblock import configure


@configure
def gateway(web):
    return {"upstream": web["port"]}


@configure
def dashboard():
    return "runs anyway: it needs nothing that failed"
