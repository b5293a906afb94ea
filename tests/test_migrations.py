"""Migrations that move data: a database made before them keeps every row."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_OWN_TAGS = [("campaigns", "0002_change_times")]


def migrate(targets):
    """Migrate the test database to ``targets`` and return the models as they stand there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_tags_made_with_taggit_move_to_the_catalogues_own_tags_with_their_campaigns():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE_OWN_TAGS)
    try:
        OldTag = old.get_model("taggit", "Tag")
        OldCampaign = old.get_model("campaigns", "Campaign")
        OldTaggedCampaign = old.get_model("campaigns", "TaggedCampaign")
        earthquake = OldTag.objects.create(name="earthquake", slug="earthquake")
        OldTag.objects.create(name="unused", slug="unused")
        campaign = OldCampaign.objects.create(title="Ya'an earthquake relief", slug="yaan")
        OldTaggedCampaign.objects.create(content_object=campaign, tag=earthquake)
    finally:
        new = migrate(latest)

    Tag = new.get_model("campaigns", "Tag")
    Campaign = new.get_model("campaigns", "Campaign")
    assert list(Tag.objects.order_by("name").values_list("name", "slug", "name_zh")) == [
        ("earthquake", "earthquake", ""),
        ("unused", "unused", ""),
    ]
    yaan = Campaign.objects.get(slug="yaan")
    assert [tagged.tag.name for tagged in yaan.tagged_items.all()] == ["earthquake"]
    # Ids were copied, so the next tag must still get a free one (PostgreSQL's sequence).
    Tag.objects.create(name="climate change", slug="climate-change")
    assert Tag.objects.count() == 3
    assert not new.get_model("taggit", "Tag").objects.exists()  # no stale second list


@pytest.mark.django_db(transaction=True)
def test_the_tag_migration_can_be_undone_without_losing_campaign_tags():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        new = migrate(latest)
        Tag = new.get_model("campaigns", "Tag")
        Campaign = new.get_model("campaigns", "Campaign")
        TaggedCampaign = new.get_model("campaigns", "TaggedCampaign")
        tag = Tag.objects.create(name="earthquake", slug="earthquake", name_zh="地震")
        campaign = Campaign.objects.create(title="Ya'an earthquake relief", slug="yaan")
        TaggedCampaign.objects.create(content_object=campaign, tag=tag)
        # Curators' later changes: a tag deleted and made again, two tags' names swapped.
        Tag.objects.create(name="relief", slug="relief").delete()
        Tag.objects.create(name="relief", slug="relief")
        first = Tag.objects.create(name="first", slug="first")
        second = Tag.objects.create(name="second", slug="second")
        Tag.objects.filter(pk=first.pk).update(name="placeholder", slug="placeholder")
        Tag.objects.filter(pk=second.pk).update(name="first", slug="first")
        Tag.objects.filter(pk=first.pk).update(name="second", slug="second")

        old = migrate(BEFORE_OWN_TAGS)
        OldTaggedCampaign = old.get_model("campaigns", "TaggedCampaign")
        assert [(t.content_object.slug, t.tag.name) for t in OldTaggedCampaign.objects.all()] == [
            ("yaan", "earthquake")
        ]
        OldTag = old.get_model("taggit", "Tag")
        names = dict(OldTag.objects.values_list("pk", "name"))
        assert sorted(names.values()) == ["earthquake", "first", "relief", "second"]
        assert names[first.pk] == "second" and names[second.pk] == "first"
    finally:
        migrate(latest)


@pytest.mark.django_db
def test_unc_wilmington_becomes_the_target_of_its_campaign_without_a_second_row():
    import importlib

    from django.apps import apps

    from tests import factories

    migration = importlib.import_module("campaigns.migrations.0023_unc_wilmington_target")
    campaign = factories.CampaignFactory(slug=migration.CAMPAIGN)
    uncw = factories.OrganisationFactory(slug=migration.ORGANISATION)
    part = factories.ParticipationFactory(campaign=campaign, organisation=uncw, role="beneficiary")

    migration.name_the_target(apps, None)

    part.refresh_from_db()
    assert part.role == "target"
    # A database that loaded the new seed before migrating has both rows: the old one goes.
    factories.ParticipationFactory(campaign=campaign, organisation=uncw, role="beneficiary")
    migration.name_the_target(apps, None)
    assert list(campaign.participations.values_list("role", flat=True)) == ["target"]


BEFORE_SEED_CORRECTIONS = [("campaigns", "0026_scope_other_trend")]


@pytest.mark.django_db(transaction=True)
def test_the_seed_corrections_reach_a_database_that_loaded_the_old_seed():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE_SEED_CORRECTIONS)
    try:
        Source = old.get_model("campaigns", "Source")
        Campaign = old.get_model("campaigns", "Campaign")
        Figure = old.get_model("campaigns", "Figure")
        source = Source.objects.create(slug="ecns-2020", title="10 county magistrates")
        fields = {"cause": "rural_livelihoods", "approach": "live_commerce"}
        trend = Campaign.objects.create(
            slug="weibo-taking-photos-to-save-girls-and-guys",
            title="Taking Photos to Save Girls",
            summary="A dating trend.",
            description="",
            scope="commercial",
            **fields,
        )
        search = Campaign.objects.create(
            slug="yaan-earthquake-missing-person-search",
            title="Shared missing-person search",
            summary=(
                "Sina Weibo, Tencent Weibo, Baidu and Alibaba's Yitao pooled their information "
                "so that a single search for a relative missing after the Ya'an earthquake "
                "returned results from all of them."
            ),
            description="A curator's own description.",
            **fields,
        )
        apples = Campaign.objects.create(
            slug="song-xiaoying-apple-live-stream",
            title="Apples",
            summary="",
            description="",
            status="published",
            **fields,
        )
        Figure.objects.create(
            key="song-xiaoying-turnover-usd",
            campaign=apples,
            source=source,
            label="Sales turnover, in US dollars",
            value=77781,
            unit="USD",
            kind="money",
            qualifier="exactly",
            stated_as="77,781 USD",
        )
    finally:
        new = migrate(latest)

    Campaign = new.get_model("campaigns", "Campaign")
    Correction = new.get_model("campaigns", "Correction")
    assert Campaign.objects.get(pk=trend.pk).scope == "other_trend"
    corrected = Campaign.objects.get(pk=search.pk)
    assert corrected.summary.startswith(
        "Sina Weibo, Tencent Weibo, Baidu and Alibaba's Yitao decided to share information"
    )
    assert corrected.description == "A curator's own description."  # not the old seed's: kept
    assert "decided" in corrected.search_text and "pooled" not in corrected.search_text
    figure = new.get_model("campaigns", "Figure").objects.get(key="song-xiaoying-turnover-usd")
    assert figure.qualifier == "nearly"
    (correction,) = Correction.objects.filter(figure=figure)
    assert (correction.before, correction.after) == ("exactly 77,781 USD", "nearly 77,781 USD")


@pytest.mark.django_db(transaction=True)
def test_the_seeds_cases_in_a_database_are_placed_as_the_seed_files_place_them():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate([("campaigns", "0038_figure_conversions_index")])
    try:
        OldCampaign = old.get_model("campaigns", "Campaign")
        for slug, country in [
            ("yaan-earthquake-weibo-fundraising", "CN"),
            ("wang-shuai-flower-videos-wesee", ""),  # a curator took the country away
            ("a-curators-own-case", "CN"),
        ]:
            OldCampaign.objects.create(title=slug, slug=slug, country=country)
    finally:
        new = migrate(latest)

    Campaign = new.get_model("campaigns", "Campaign")
    assert dict(Campaign.objects.order_by("slug").values_list("slug", "division")) == {
        "a-curators-own-case": None,
        "wang-shuai-flower-videos-wesee": None,
        "yaan-earthquake-weibo-fundraising": "511800",
    }
    Division = new.get_model("campaigns", "Division")
    assert Division.objects.get(code="511800").name == "Ya'an"


@pytest.mark.django_db(transaction=True)
def test_the_seeds_cases_in_a_database_gain_their_formats_and_documents_naming_them():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate([("campaigns", "0043_measures")])
    try:
        OldCampaign = old.get_model("campaigns", "Campaign")
        for slug in ["song-xiaoying-apple-live-stream", "a-curators-own-case"]:
            OldCampaign.objects.create(title=slug, slug=slug, approach="live_commerce")
    finally:
        new = migrate(latest)

    Campaign = new.get_model("campaigns", "Campaign")
    assert dict(Campaign.objects.order_by("slug").values_list("slug", "formats")) == {
        "a-curators-own-case": "",
        "song-xiaoying-apple-live-stream": "live_stream",
    }
    # Written again: the live stream's document names its format, and selling no longer
    # says live stream.
    documents = dict(Campaign.objects.values_list("slug", "search_text"))
    assert "直播" in documents["song-xiaoying-apple-live-stream"].split()
    assert "直播" not in documents["a-curators-own-case"].split()
    assert "livestream" not in documents["a-curators-own-case"].split()
