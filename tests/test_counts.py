"""The counts and visibility flags kept on rows stay true after every kind of change."""

import sqlite3

import pytest
from django.core.management import call_command
from django.db import connection

from campaigns import services
from campaigns.models import (
    Campaign,
    CatalogueVersion,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Status,
    Tag,
)
from campaigns.models.counts import recount, recount_everything
from tests import factories

pytestmark = pytest.mark.django_db

KEPT = {
    Campaign: ["figure_count"],
    Platform: ["published_campaign_count"],
    Tag: ["published_campaign_count"],
    Organisation: ["published_campaign_count", "is_public"],
    Source: ["published_campaign_count", "public_figure_count", "is_public"],
}


def snapshot():
    """Every kept count and flag, by model and row."""
    return {
        model.__name__: {row[0]: row[1:] for row in model.objects.values_list("pk", *fields)}
        for model, fields in KEPT.items()
    }


def assert_in_step():
    """The kept counts are what counting everything again gives."""
    kept = snapshot()
    recount_everything()
    assert kept == snapshot()


@pytest.fixture
def weibo_case(db):
    """A published case on Weibo, tagged, with an organiser and a figure, and its source."""
    weibo = factories.build_weibo()
    source = factories.SourceFactory(slug="case-report")
    case = factories.CampaignFactory(
        slug="weibo-case", platforms=[weibo], sources=[source], tags=["earthquake"]
    )
    factories.ParticipationFactory(
        campaign=case, organisation=factories.OrganisationFactory(slug="organiser")
    )
    factories.FigureFactory(key="case-figure", campaign=case, source=source)
    return case


def counts_of(case):
    """The counts of the rows ``case`` links to, as readers see them."""
    return {
        "platform": Platform.objects.get(slug="sina-weibo").published_campaign_count,
        "tag": Tag.objects.get(slug="earthquake").published_campaign_count,
        "organiser": Organisation.objects.get(slug="organiser").published_campaign_count,
        "organiser public": Organisation.objects.get(slug="organiser").is_public,
        "source": Source.objects.get(slug="case-report").published_campaign_count,
        "source figures": Source.objects.get(slug="case-report").public_figure_count,
        "source public": Source.objects.get(slug="case-report").is_public,
        "figures": Campaign.objects.get(pk=case.pk).figure_count,
    }


PUBLISHED = {
    "platform": 1,
    "tag": 1,
    "organiser": 1,
    "organiser public": True,
    "source": 1,
    "source figures": 1,
    "source public": True,
    "figures": 1,
}
HIDDEN = {**PUBLISHED, "platform": 0, "tag": 0, "organiser": 0, "source": 0}
HIDDEN |= {"organiser public": False, "source figures": 0, "source public": False}


def test_a_new_published_case_is_counted_everywhere(weibo_case):
    assert counts_of(weibo_case) == PUBLISHED
    assert_in_step()


def test_unpublishing_and_publishing_in_bulk_recounts(weibo_case):
    services.unpublish_campaigns(campaigns=Campaign.objects.all())
    assert counts_of(weibo_case) == HIDDEN

    services.publish_campaigns(campaigns=Campaign.objects.all())
    assert counts_of(weibo_case) == PUBLISHED
    assert_in_step()


def test_saving_a_case_as_a_draft_recounts(weibo_case):
    weibo_case.status = Status.DRAFT
    weibo_case.save()

    assert counts_of(weibo_case) == HIDDEN
    assert_in_step()


def test_unlinking_a_platform_or_a_source_recounts_it_both_ways(weibo_case):
    weibo = Platform.objects.get(slug="sina-weibo")
    weibo_case.platforms.remove(weibo)
    assert counts_of(weibo_case)["platform"] == 0

    weibo.campaigns.add(weibo_case)
    assert counts_of(weibo_case)["platform"] == 1

    weibo.campaigns.clear()
    assert counts_of(weibo_case)["platform"] == 0
    assert_in_step()


def test_clearing_a_cases_sources_recounts_them(weibo_case):
    Figure.objects.all().delete()
    weibo_case.sources.clear()

    assert counts_of(weibo_case)["source"] == 0
    assert counts_of(weibo_case)["source public"] is False
    assert_in_step()


def test_moving_a_participation_to_another_organisation_recounts_both(weibo_case):
    participation = Participation.objects.get()
    participation.organisation = factories.OrganisationFactory(slug="newcomer")
    participation.save()

    assert counts_of(weibo_case)["organiser"] == 0
    assert counts_of(weibo_case)["organiser public"] is False
    assert Organisation.objects.get(slug="newcomer").is_public
    assert_in_step()


def test_taking_a_tag_off_recounts_it(weibo_case):
    weibo_case.tags.remove("earthquake")

    assert counts_of(weibo_case)["tag"] == 0
    assert not Tag.objects.public().filter(slug="earthquake").exists()
    assert_in_step()


def test_a_figure_moved_deleted_or_about_an_organisation_recounts(weibo_case):
    other = factories.SourceFactory(slug="other-report")
    weibo_case.sources.add(other)
    figure = Figure.objects.get()
    figure.source = other
    figure.save()
    assert counts_of(weibo_case)["source figures"] == 0
    assert Source.objects.get(slug="other-report").public_figure_count == 1

    about = factories.OrganisationFactory(slug="described")
    factories.FigureFactory(
        key="sector", campaign=None, organisation=about, source=factories.SourceFactory()
    )
    assert Organisation.objects.get(slug="described").is_public

    Figure.objects.filter(key="sector").delete()
    assert not Organisation.objects.get(slug="described").is_public
    figure.delete()
    assert Campaign.objects.get(pk=weibo_case.pk).figure_count == 0
    assert_in_step()


def test_a_platforms_operator_is_public_and_stops_being_when_it_changes(weibo_case):
    weibo = Platform.objects.get(slug="sina-weibo")
    first = weibo.operator
    assert Organisation.objects.get(pk=first.pk).is_public

    weibo.operator = factories.OrganisationFactory(slug="new-operator")
    weibo.save()

    assert not Organisation.objects.get(pk=first.pk).is_public
    assert Organisation.objects.get(slug="new-operator").is_public
    assert_in_step()


def test_a_reference_of_a_public_source_is_public_and_stops_being_when_moved(weibo_case):
    report = Source.objects.get(slug="case-report")
    reference = factories.SourceFactory(slug="reference", cited_by=report, reference_number=1)
    assert Source.objects.get(slug="reference").is_public

    reference.cited_by, reference.reference_number = None, None
    reference.save()

    assert not Source.objects.get(slug="reference").is_public
    assert_in_step()


def test_deleting_a_case_recounts_what_it_linked_to(weibo_case):
    weibo_case.delete()

    assert Platform.objects.get(slug="sina-weibo").published_campaign_count == 0
    assert Tag.objects.get(slug="earthquake").published_campaign_count == 0
    assert not Organisation.objects.get(slug="organiser").is_public
    assert not Source.objects.get(slug="case-report").is_public
    assert_in_step()


def test_the_seed_catalogue_loaded_with_loaddata_is_counted(seed_catalogue, db):
    published = set(Campaign.objects.public())
    public_figures = [
        f for f in Figure.objects.all() if f.campaign is None or f.campaign in published
    ]
    taking_part = {p.organisation for p in Participation.objects.all() if p.campaign in published}
    described = {f.organisation for f in public_figures if f.organisation}
    operators = {platform.operator for platform in Platform.objects.all() if platform.operator}
    backing = {s for c in published for s in c.sources.all()} | {f.source for f in public_figures}
    near = {s.cited_by for s in backing if s.cited_by} | set(
        Source.objects.filter(cited_by__in=backing)
    )

    assert set(Organisation.objects.public()) == taking_part | described | operators
    assert set(Source.objects.public()) == backing | near
    assert Platform.objects.get(slug="sina-weibo").published_campaign_count == sum(
        1 for campaign in published if campaign.platforms.filter(slug="sina-weibo").exists()
    )
    assert_in_step()


def test_recount_catalogue_puts_wrong_counts_right(weibo_case):
    Platform.objects.update(published_campaign_count=99)
    Organisation.objects.update(is_public=False)

    call_command("recount_catalogue", verbosity=0)

    assert counts_of(weibo_case) == PUBLISHED


def test_the_loader_counts_once_when_every_record_is_in(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from campaigns.loading import load_catalogue, seed_fixture_paths

    with CaptureQueriesContext(connection) as queries:
        load_catalogue(paths=seed_fixture_paths())

    recounts = [q for q in queries if "SET published_campaign_count = g." in q["sql"]]
    assert len(recounts) == 4  # platforms, tags, organisations, sources: once each
    assert Organisation.objects.public().count() == 37  # with the Ministry of Commerce (issue 13)
    assert_in_step()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner statistics")
def test_recounting_everything_first_brings_the_planners_statistics_up_to_date():
    for _n in range(3):
        factories.CampaignFactory()

    recount_everything()

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'campaigns_campaign'")
        # What the statistics say the table holds: the rows of this (unfinished) transaction.
        assert cursor.fetchone()[0] == Campaign.objects.count()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's limit on a statement's values")
def test_a_recount_of_more_rows_than_sqlite_takes_in_one_statement_works():
    source = factories.SourceFactory()
    connection.ensure_connection()
    limit = sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER
    previous = connection.connection.setlimit(limit, 999)
    try:
        recount(sources=range(1, 5000), campaigns=range(1, 5000), documents=range(1, 5000))
    finally:
        connection.connection.setlimit(limit, previous)

    assert Source.objects.get(pk=source.pk).published_campaign_count == 0


def test_recount_catalogue_makes_a_new_version(weibo_case):
    before = CatalogueVersion.current().number

    call_command("recount_catalogue", verbosity=0)

    assert CatalogueVersion.current().number > before
