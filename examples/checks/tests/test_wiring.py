"""Tests of the wiring, run only by `breezeblock test` (a file under tests/ is a test file)."""

from breezeblock import check


@check
def services_reach_their_environments_database(api, worker, database):
    assert api.env["DATABASE_HOST"] == database["host"]
    assert worker.env["DATABASE_HOST"] == database["host"]


@check
def ports_do_not_clash(api, worker):
    assert api.port != worker.port
