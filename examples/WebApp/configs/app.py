from breezeblock import configure
from upstreams import upstreams_for


@configure
def app(environment, catalog_token):
    production = environment == "Production"
    return {
        "Port": 8080 if production else 5080,
        "CatalogToken": catalog_token,  # a breezeblock.Secret: the app gets the value, output and logs show (secret)
        "Features": {"NewCheckout": not production, "DarkMode": True},
        "Upstreams": upstreams_for(environment),
    }
