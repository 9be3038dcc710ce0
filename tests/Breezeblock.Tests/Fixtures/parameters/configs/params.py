from breezeblock import configure


@configure
def base():
    return 10


@configure
def with_default(base, replicas=3, *, region="eu", zone):
    return {"base": base, "replicas": replicas, "region": region, "zone": zone}


@configure
def positional_only(base, scale=2, /, offset=1):
    return base * scale + offset


@configure
def overridden():
    raise RuntimeError("an input replaces this config, so it must not run")


@configure
def uses_overridden(overridden):
    return overridden
