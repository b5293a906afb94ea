"""Fixtures shared by every test file."""

import os

import pytest
from django.utils import translation
from hypothesis import settings as hypothesis_settings

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
