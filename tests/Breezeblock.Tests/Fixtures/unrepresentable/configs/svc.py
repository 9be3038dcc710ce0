from breezeblock import configure


def on_request(request):
    return request


@configure
def svc():
    return {"handlers": ["static", "auth", on_request]}
