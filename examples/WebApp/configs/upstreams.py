from webapp import Upstream, catalog_url

REGIONS = ["eu", "us"]


def upstreams_for(environment):
    weight = 100 // len(REGIONS)
    return [Upstream(name=f"catalog-{region}", url=catalog_url(region), weight=weight) for region in REGIONS]
