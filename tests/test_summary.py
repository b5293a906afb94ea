"""The catalogue's summary: the same counts as the tables give, counted again after any change,
and never kept under a version it does not describe."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns import services
from campaigns.models import (
    Campaign,
    CatalogueSummary,
    CatalogueVersion,
    Cause,
    Figure,
    Source,
    Status,
)
from campaigns.models.summary import FIRST_OF_EACH_YEAR
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    """Cases over three years, one of them a draft, with figures of two units."""
    cases = []
    for n in range(FIRST_OF_EACH_YEAR + 2):
        cases.append(factories.CampaignFactory(start_date=datetime.date(2015, 1, 1 + n)))
    cases.append(
        factories.CampaignFactory(
            start_date=datetime.date(2019, 5, 1), cause=Cause.DISASTER_RELIEF, country="NP"
        )
    )
    cases.append(factories.CampaignFactory(start_date=None, start_precision=""))
    factories.CampaignFactory(status=Status.DRAFT, country="US")
    for case in cases[:3]:
        factories.FigureFactory(campaign=case)
    factories.FigureFactory(campaign=cases[0], unit="percent", value=12)
    return cases


def test_the_summary_counts_what_the_tables_hold(catalogue):
    summary = CatalogueSummary.current()
    published = Campaign.objects.public()

    assert summary.campaigns == published.count() == len(catalogue)
    assert summary.figures == Figure.objects.public().count() == 4
    assert summary.sources == Source.objects.public().count()
    assert summary.causes == [
        [Cause.RURAL_LIVELIHOODS, len(catalogue) - 1],
        [Cause.DISASTER_RELIEF, 1],
    ]
    assert summary.years == [[2015, FIRST_OF_EACH_YEAR + 2], [2019, 1], [None, 1]]
    assert summary.most_common_unit == "videos"
    assert summary.figures_in("percent") == 1
    assert summary.countries == ["CN", "NP"]  # not the draft's
    assert [year for year, _pks in summary.first_of_each_year] == [2015, 2019, None]
    assert summary.timeline_ids == [
        case.pk for case in published.first_of_each_year(FIRST_OF_EACH_YEAR)
    ]
    assert len(summary.first_of_each_year[0][1]) == FIRST_OF_EACH_YEAR


def test_it_is_kept_and_read_back_until_the_catalogue_changes(catalogue):
    first = CatalogueSummary.current()
    version = CatalogueVersion.current()

    assert version.summary_of == version.number
    assert CatalogueSummary.current() == first

    services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=catalogue[-2].pk))

    assert CatalogueSummary.current().campaigns == first.campaigns - 1
    assert CatalogueSummary.current().countries == ["CN"]


@pytest.mark.parametrize("change", ["figure", "delete", "source"])
def test_every_kind_of_change_is_counted_again(catalogue, change):
    before = CatalogueSummary.current()
    if change == "figure":
        factories.FigureFactory(campaign=catalogue[5])
    elif change == "delete":
        catalogue[0].delete()
    else:
        factories.CampaignFactory(sources=[factories.SourceFactory(slug="new-report")])

    after = CatalogueSummary.current()

    assert after != before
    assert after == CatalogueSummary.count()


def test_a_summary_counted_while_the_catalogue_changed_is_not_kept(catalogue, monkeypatch):
    count = CatalogueSummary.count

    def count_while_an_edit_lands():
        summary = count()
        CatalogueVersion.bump()  # another request's edit, between the count and the keeping
        return summary

    monkeypatch.setattr(CatalogueSummary, "count", count_while_an_edit_lands)
    CatalogueSummary.current()
    version = CatalogueVersion.current()

    assert version.summary_of != version.number


def test_a_summary_kept_by_an_older_release_is_counted_again(catalogue):
    version = CatalogueVersion.current()
    CatalogueVersion.objects.filter(pk=version.pk).update(
        summary={"campaigns": 1, "retired_field": 2}, summary_of=version.number
    )

    assert CatalogueSummary.current() == CatalogueSummary.count()


def test_the_version_every_request_reads_leaves_the_summary_out(client, catalogue):
    CatalogueSummary.current()

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sources/").status_code == 200

    version_reads = [q["sql"] for q in queries if "catalogueversion" in q["sql"]]
    assert version_reads
    assert not any('."summary"' in sql for sql in version_reads)


# --------------------------------------------------------------------------- counted by writers


def counting(queries):
    """The queries that count the summary (its GROUP BYs of the published cases)."""
    return [q["sql"] for q in queries if "GROUP BY" in q["sql"].upper()]


def publish(case):
    services.publish_campaigns(campaigns=Campaign.objects.filter(pk=case.pk))


def unpublish(case):
    services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=case.pk))


def save_in_the_admin(case):
    from django.test import Client

    from tests.factories import build_curator
    from tests.pages import change_url, form_data

    reviewer = Client()
    reviewer.force_login(build_curator("summary-reviewer", "Reviewer"))
    form = form_data(reviewer.get(change_url(case)))
    form["cause"] = Cause.DISASTER_RELIEF
    assert reviewer.post(change_url(case), dict(form.lists())).status_code == 302


def recount(case):
    from django.core.management import call_command

    call_command("recount_catalogue", verbosity=0)


@pytest.mark.parametrize("change", [publish, unpublish, save_in_the_admin, recount])
def test_every_write_path_counts_the_summary_so_the_next_reader_does_not(client, catalogue, change):
    case = catalogue[3] if change is not publish else factories.CampaignFactory(status=Status.DRAFT)
    number = CatalogueVersion.current().number

    change(case)

    version = CatalogueVersion.current()
    assert version.number > number
    assert version.summary_of == version.number, "counted by the change itself"
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert counting(queries.captured_queries) == [], "the reader counts nothing"
    assert CatalogueSummary.current() == CatalogueSummary.count()
