"""Policies every evaluation enforces: a config that breaks one never reaches a cluster."""

from breezeblock import check

from services import Service


@check(each=Service)
def has_an_owner(service):
    assert service.owner, f"{service.name} has no owner"


@check(each=Service)
def images_are_pinned(service):
    assert not service.image.endswith(":latest"), f"{service.name} runs an unpinned image"


@check
def prod_is_replicated(api, worker, environment):
    if environment == "prod":
        assert api.replicas >= 3 and worker.replicas >= 2
