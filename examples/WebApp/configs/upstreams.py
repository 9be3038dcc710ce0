from webapp import Upstream

REGIONS = ["eu", "us"]


def upstreams_for(environment):
    weight = 100 // len(REGIONS)
    return [Upstream(name=f"catalog-{region}", url=f"https://catalog.{region}.example.com/", weight=weight) for region in REGIONS]
