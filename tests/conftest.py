"""Fixtures shared by every test file: small cases built with tests/factories.py, and the seed
catalogue from fixtures/ loaded once for the tests that only read it."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from campaigns import kept
from campaigns.loading import FIXTURE_FILES
from campaigns.models import dates
from tests import factories

# CI runs every property-based test on the same examples, so a failure there is one anybody can
# reproduce; at a desk the examples vary from run to run and keep finding new cases.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("dev", print_blob=True)
hypothesis_settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a page cached by another test, under a catalogue
    version that its rollback has since reused, must not be served to this one. The same goes
    for the tables each process keeps per catalogue version (search aliases, units)."""
    cache.clear()
    kept.forget()


@pytest.fixture(autouse=True)
def language_restored():
    """A request for a Chinese page leaves Chinese active on the thread; the next test starts
    in the language this one started in."""
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def source(db):
    return factories.SourceFactory(title="Short video for good", slug="short-video-for-good")


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory(name="Tencent", name_zh="腾讯", slug="tencent")


@pytest.fixture
def platform(db, organisation):
    return factories.PlatformFactory(
        name="Tencent Wesee", name_zh="腾讯微视", slug="tencent-wesee", operator=organisation
    )


@pytest.fixture
def campaign(db, source, platform):
    return factories.CampaignFactory(
        title="Wesee agricultural assistance",
        slug="wesee-agricultural-assistance",
        sources=[source],
        platforms=[platform],
        tags=["agriculture"],
    )


@pytest.fixture
def figure(db, campaign, source):
    return factories.FigureFactory(campaign=campaign, source=source)


@pytest.fixture
def unpublished_campaign(campaign):
    """The Wesee case (``campaign``) as a draft that was never published: no publication date,
    no publisher. Set in the database directly, as if typed in a shell: no revision records it
    and no count follows it."""
    from campaigns.models import Campaign, Status

    Campaign.objects.filter(pk=campaign.pk).update(
        status=Status.DRAFT, published_at=None, published_by=None
    )
    campaign.refresh_from_db()
    return campaign


@pytest.fixture
def weibo(db):
    """Sina Weibo, operated by Sina Corporation (新浪)."""
    return factories.build_weibo()


@pytest.fixture
def kwai(db):
    """Kwai (快手), operated by Kuaishou Technology (快手科技)."""
    return factories.build_kwai()


@pytest.fixture
def today(monkeypatch):
    """Sets the day ages are counted from: ``today(datetime.date(2026, 6, 1))``."""

    def set_today(day):
        monkeypatch.setattr(dates, "today", lambda: day)

    return set_today


@pytest.fixture
def gates_report(db):
    """The Gates Foundation report of May 2013 that the Ya'an case cites."""
    return factories.build_gates_report()


@pytest.fixture
def yaan_case(db, weibo, gates_report):
    """The Ya'an earthquake fundraising case: see ``factories.build_yaan_case``."""
    return factories.build_yaan_case(weibo=weibo, source=gates_report)


@pytest.fixture
def draft_case(db, weibo, gates_report):
    """A draft sharing the Ya'an case's platform, source and tag: see
    ``factories.build_draft_case``."""
    return factories.build_draft_case(weibo=weibo, source=gates_report)


@pytest.fixture
def draft_only_case(db):
    """A draft whose source, organisation, tag and figure nothing else uses, all named
    ``draft-only-...``: see ``factories.build_draft_only_case``."""
    return factories.build_draft_only_case()


@pytest.fixture
def weibo_users(db, weibo):
    """A figure about Sina Weibo, not about any case (``weibo-users``): see
    ``factories.build_weibo_users``."""
    return factories.build_weibo_users(weibo=weibo)


def signed_in(client, user):
    """``client`` signed in as ``user`` (who is ``client.user``)."""
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def sign_in(db):
    """Sign another curator in, on a client of their own: ``sign_in("alice", "Reviewer")``
    gives a test client signed in as alice, who has that role; ``client.user`` is she."""
    from django.test import Client

    return lambda username, role=None, permissions=(): signed_in(
        Client(), factories.build_curator(username, role, permissions)
    )


@pytest.fixture
def editor(client, db):
    """The test client, signed in as an Editor (``editor``)."""
    return signed_in(client, factories.build_curator("editor", "Editor"))


@pytest.fixture
def reviewer(client, db):
    """The test client, signed in as a Reviewer (``reviewer``)."""
    return signed_in(client, factories.build_curator("reviewer", "Reviewer"))


@pytest.fixture
def administrator(client, db):
    """The test client, signed in as an Administrator (``administrator``)."""
    return signed_in(client, factories.build_curator("administrator", "Administrator"))


@pytest.fixture
def viewer(client, db):
    """The test client, signed in as staff who may only view cases (``viewer``)."""
    return signed_in(client, factories.build_curator("viewer", permissions=["view_campaign"]))


@pytest.fixture
def staff(client, db):
    """The test client, signed in as staff with no permission at all (``staff``)."""
    return signed_in(client, factories.build_curator("staff"))


# --------------------------------------------------------------------------- the seed catalogue


@pytest.fixture(scope="session")
def seed_catalogue(django_db_setup, django_db_blocker):
    """The seed catalogue from fixtures/, loaded once for the whole run, for tests that read it.

    Loading it costs about half a second, so it is loaded once, with ``loaddata``, when the first
    test asks for it, and committed, so that a live server's own connection (the browser tests,
    on PostgreSQL) sees it too. Tests that use it run last (``pytest_collection_modifyitems``
    below), after every test that expects an empty database. Each of them also uses the
    function-scoped ``db`` fixture (through ``pytest.mark.django_db`` or by name), so whatever
    it writes, even emptying and loading the catalogue again, is rolled back and the next test
    finds the seed as the files have it. A test using ``transaction=True`` or
    ``transactional_db`` empties the database when it ends, so it must not use this fixture;
    collection stops with an error if one does, or if a test forgets ``db``.

    The database is emptied again when the run ends, with every connection closed (Playwright's
    greenlets open connections of their own) so that PostgreSQL can drop the test database.
    """
    with django_db_blocker.unblock():
        call_command("loaddata", *FIXTURE_FILES, verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
        connections.close_all()


def is_transactional(item):
    """Whether a test empties the database when it ends, as transactional tests do."""
    marker = item.get_closest_marker("django_db")
    marked = marker is not None and bool(
        marker.kwargs.get("transaction")
        or marker.kwargs.get("reset_sequences")
        or (marker.args and marker.args[0])
    )
    return marked or not {"transactional_db", "live_server"}.isdisjoint(item.fixturenames)


def uses_db(item):
    """Whether a test runs in a transaction rolled back after it (the ``db`` fixture)."""
    return "db" in item.fixturenames or item.get_closest_marker("django_db") is not None


def pytest_configure(config):
    """With workers (``make test``: ``-n auto``), each worker has a test database of its own
    and xdist hands out the tests in their order of collection (``--dist load``), so that each
    worker runs every test expecting an empty database before it loads the seed catalogue
    (``pytest_collection_modifyitems`` puts those last). The other ways of handing them out
    group tests by their ids, out of that order (and schemathesis gives all its API operations'
    tests one id, so all but one of them would not run)."""
    dist = config.getoption("dist", "no")
    if dist not in ("no", "load"):
        raise pytest.UsageError(
            f"--dist {dist}: run the suite on workers with -n N (--dist load), which keeps the "
            "tests in order, so that the seed catalogue is loaded after every test expecting an "
            "empty database."
        )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the tests that use the seed catalogue last, in their own order, so the tests that
    expect an empty database have all run before it is loaded."""
    seeded = [item for item in items if "seed_catalogue" in getattr(item, "fixturenames", ())]
    misused = [
        f"{item.nodeid}: {'transactional' if is_transactional(item) else 'no db fixture'}"
        for item in seeded
        if is_transactional(item) or not uses_db(item)
    ]
    if misused:
        raise pytest.UsageError(
            "Tests using seed_catalogue must use the db fixture (or pytest.mark.django_db) and "
            "must not be transactional:\n  " + "\n  ".join(misused)
        )
    chosen = set(seeded)
    items[:] = [item for item in items if item not in chosen] + seeded
