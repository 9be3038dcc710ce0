from breezeblock import configure
from upstreams import upstreams_for


@configure
def app(environment):
    production = environment == "Production"
    return {
        "Port": 8080 if production else 5080,
        "Features": {"NewCheckout": not production, "DarkMode": True},
        "Upstreams": upstreams_for(environment),
    }
