"""What follows a change (campaigns/derived.py): one read of a row before its save, what it is
followed by brought in step once per unit of work, whichever way the rows were written; and a
change to anything that belongs to a campaign counts as a change to the campaign."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from campaigns import derived, services
from campaigns.models import Campaign, CatalogueVersion, Figure, Source, Tag
from campaigns.models.counts import recount_everything
from tests import factories

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(datetime.datetime(2020, 1, 1))


@pytest.fixture
def untouched(campaign):
    """The campaign, marked as last changed long ago."""
    Campaign.objects.filter(pk=campaign.pk).update(updated_at=LONG_AGO)
    return campaign


def changed(campaign):
    return Campaign.objects.get(pk=campaign.pk).updated_at > LONG_AGO


def test_editing_a_participant_marks_its_campaign_changed(untouched):
    participation = factories.ParticipationFactory(campaign=untouched)
    Campaign.objects.filter(pk=untouched.pk).update(updated_at=LONG_AGO)
    participation.note = "deputy county magistrate"
    participation.save()
    assert changed(untouched)


def test_removing_a_participant_marks_its_campaign_changed(untouched):
    participation = factories.ParticipationFactory(campaign=untouched)
    Campaign.objects.filter(pk=untouched.pk).update(updated_at=LONG_AGO)
    participation.delete()
    assert changed(untouched)


def test_tagging_a_campaign_marks_it_changed(untouched):
    untouched.tags.add("live-streaming")
    assert changed(untouched)


def test_renaming_a_tag_marks_every_campaign_carrying_it_changed(untouched):
    other = factories.CampaignFactory(tags=["agriculture"])
    Campaign.objects.update(updated_at=LONG_AGO)
    tag = Tag.objects.get(name="agriculture")
    tag.name = "agriculture and farming"
    tag.save()
    assert changed(untouched)
    assert changed(other)


def test_linking_a_platform_from_either_side_marks_the_campaign_changed(untouched):
    platform = factories.PlatformFactory(slug="douyin")
    untouched.platforms.add(platform)
    assert changed(untouched)
    Campaign.objects.filter(pk=untouched.pk).update(updated_at=LONG_AGO)
    platform.campaigns.clear()
    assert changed(untouched)


def test_an_unrelated_campaign_is_left_alone(untouched):
    other = factories.CampaignFactory()
    Campaign.objects.filter(pk=other.pk).update(updated_at=LONG_AGO)
    factories.ParticipationFactory(campaign=untouched)
    assert changed(untouched)
    assert not changed(other)


# --------------------------------------------------------------------------- one path


def statements(queries, start):
    return [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(start)]


def test_a_figures_save_reads_its_row_once_and_recounts_only_what_it_moved(figure):
    first_source = figure.source
    with CaptureQueriesContext(connection) as queries:
        figure.label = "Videos made"
        figure.save()

    reads = statements(queries.captured_queries, "SELECT")
    assert len(reads) == 1, "one read of the row as it was, before the save"
    assert not [sql for sql in queries.captured_queries if "_count = (SELECT" in sql["sql"]]

    other = factories.SourceFactory(slug="other-source")
    figure.campaign.sources.add(other)
    with CaptureQueriesContext(connection) as queries:
        figure.source = other
        figure.save()

    recounts = [q["sql"] for q in queries.captured_queries if "UPDATE campaigns_source" in q["sql"]]
    assert recounts, "moving a figure to another source recounts the sources"
    assert Source.objects.get(pk=other.pk).public_figure_count == 1
    assert Source.objects.get(pk=first_source.pk).public_figure_count == 0


def test_a_unit_of_work_brings_what_follows_in_step_once(campaign, source):
    figures = [factories.FigureFactory(campaign=campaign, source=source) for _ in range(3)]
    before = CatalogueVersion.current().number

    with CaptureQueriesContext(connection) as queries, derived.unit():
        for number, figure in enumerate(figures):
            figure.label = f"Renamed {number}"
            figure.stated_as = f"{number} things"
            figure.save()
        Figure.objects.filter(pk=figures[0].pk).delete()

    recounts = [q["sql"] for q in queries.captured_queries if "SET figure_count" in q["sql"]]
    bumps = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("UPDATE") and '"number" + 1' in q["sql"]
    ]
    assert len(recounts) == 1
    assert len(bumps) == 1
    assert CatalogueVersion.current().number == before + 1
    assert Campaign.objects.get(pk=campaign.pk).figure_count == 2  # three made, one deleted


def test_a_unit_that_fails_leaves_counts_and_version_as_they_were(campaign, source):
    before = CatalogueVersion.current().number
    count = Campaign.objects.get(pk=campaign.pk).figure_count

    with pytest.raises(RuntimeError), derived.unit():
        factories.FigureFactory(campaign=campaign, source=source)
        raise RuntimeError("the curator's request failed")

    assert Campaign.objects.get(pk=campaign.pk).figure_count == count
    assert CatalogueVersion.current().number == before


def test_a_draft_edited_in_a_unit_makes_no_new_version(draft_case):
    before = CatalogueVersion.current().number

    with derived.unit():
        draft_case.summary = "Checked now."
        draft_case.save()
        draft_case.figures.update(label="Checked draft figure")

    assert CatalogueVersion.current().number == before


def test_publishing_through_a_service_recounts_what_the_case_links_to(draft_case):
    platform = draft_case.platforms.get()
    count = platform.published_campaign_count

    services.publish_campaigns(campaigns=Campaign.objects.filter(pk=draft_case.pk))

    platform.refresh_from_db()
    assert platform.published_campaign_count == count + 1
    kept = {
        model: list(model.objects.values_list("pk", "published_campaign_count"))
        for model in (Source, Tag)
    }
    recount_everything()
    assert kept == {
        model: list(model.objects.values_list("pk", "published_campaign_count"))
        for model in (Source, Tag)
    }


def test_a_saved_row_carries_no_state_for_a_later_step(figure, campaign):
    figure.label = "Videos made"
    figure.save()
    campaign.title = "Renamed case"
    campaign.save()

    for obj in (figure, campaign):
        leftovers = [name for name in vars(obj) if name.startswith("_") and name.endswith("before")]
        assert leftovers == []
    kept = connection.derived_changes.before
    assert (Figure, figure.pk) not in kept and (Campaign, campaign.pk) not in kept


def test_deleting_a_platform_takes_its_name_out_of_its_campaigns_search_documents(campaign):
    from campaigns.models import Platform

    platform = factories.PlatformFactory(name="Vanishing Video", slug="vanishing")
    campaign.platforms.add(platform)
    assert Campaign.objects.public().search("vanishing").exists()

    Platform.objects.filter(pk=platform.pk).delete()

    assert not Campaign.objects.public().search("vanishing").exists()
    assert Campaign.objects.public().filter(pk=campaign.pk).exists()
