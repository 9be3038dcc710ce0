from breezeblock import configure


@configure
def web(*deps, **options):
    return deps
