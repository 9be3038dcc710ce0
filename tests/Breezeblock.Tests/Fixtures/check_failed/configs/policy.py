from breezeblock import check

from services import Service


@check
def enough_replicas(web):
    assert web["replicas"] >= 2


@check(each=Service)
def has_owner(service):
    assert service.owner, f"{service.name} has no owner"


@check
def pinned_image(web):
    assert len(web["image"].split(":")) == 2 and not web["image"].endswith(":latest")
