"""Long lists stay cheap: the case list and the figures table page only so deep, and a broad
search is counted about rather than to its last case (on PostgreSQL; SQLite counts)."""

import datetime
import itertools
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from campaigns.models import Campaign, CampaignSort, Cause, Figure, Platform, Scope, Status
from campaigns.models import base as models_base
from campaigns.search.backends import backend
from campaigns.views import campaigns as list_views
from campaigns.views import figures as figure_views
from tests import factories

pytestmark = pytest.mark.django_db

POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def flood_cases(db, weibo):
    """25 published cases about floods, newest last."""
    return [
        factories.CampaignFactory(
            title=f"Flood relief {number}", slug=f"flood-relief-{number}", platforms=[weibo]
        )
        for number in range(25)
    ]


def test_the_list_pages_only_so_deep_and_says_where_it_stops(client, flood_cases, monkeypatch):
    monkeypatch.setattr(list_views, "LIST_PAGES", 1)  # 25 cases, 20 a page: page 2 is too deep

    response = client.get("/campaigns/?page=2")

    page = response.context["page"]
    assert response.status_code == 200
    assert page.number == 1
    assert not page.has_next()
    assert page.end_index() == 20  # this page's last case, not the list's count
    assert page.paginator.count == 25
    text = response.content.decode()
    assert "Pages stop at page 1, the first 20 in this order" in text
    assert "Pages stop here, at page 1" in text
    assert 'rel="next"' not in text


def test_a_list_within_its_bound_pages_to_its_end(client, flood_cases):
    response = client.get("/campaigns/?page=2")

    page = response.context["page"]
    assert page.number == 2
    assert page.start_index() == 21
    assert page.end_index() == 25
    assert not page.paginator.bounded
    assert "Pages stop" not in response.content.decode()


def test_the_figures_table_pages_only_so_deep(client, campaign, source, monkeypatch):
    for number in range(3):
        factories.FigureFactory(campaign=campaign, source=source, key=f"more-{number}")
    monkeypatch.setattr(figure_views, "FIGURES_PER_PAGE", 1)
    monkeypatch.setattr(figure_views, "LIST_PAGES", 2)

    response = client.get("/figures/?page=3")

    assert response.context["page"].number == 2
    assert "Pages stop at page 2, the first 2 in this order" in response.content.decode()


def test_a_search_matching_few_cases_is_counted_exactly(client, flood_cases):
    response = client.get("/campaigns/?q=flood")

    assert response.context["paginator"].count == 25
    assert not response.context["paginator"].estimated
    assert "25 cases" in response.content.decode()


def test_a_broad_search_is_counted_about_on_postgresql(client, flood_cases, monkeypatch):
    monkeypatch.setattr(models_base, "COUNTED_EXACTLY_UP_TO", 10)

    response = client.get("/campaigns/?q=flood")
    api = client.get("/api/campaigns?q=flood").json()

    paginator = response.context["paginator"]
    if POSTGRESQL:  # the planner's estimate, never below what was counted (11)
        assert paginator.estimated
        assert paginator.count >= 11
        assert f"about {paginator.count} cases" in response.content.decode()
        assert api["count_estimated"] is True
        assert api["count"] >= 11
    else:  # SQLite has no estimate: it counts
        assert (paginator.count, paginator.estimated) == (25, False)
        assert (api["count"], api["count_estimated"]) == (25, False)
    assert len(api["items"]) == 20


def test_counting_or_estimating_stops_early_on_postgresql(flood_cases, django_assert_num_queries):
    matches = Campaign.objects.public().search("flood")

    with django_assert_num_queries(2 if POSTGRESQL else 1):  # capped count, then EXPLAIN
        count, estimated = matches.count_or_estimate(exact_up_to=3)

    assert estimated is POSTGRESQL
    assert count >= 4 if POSTGRESQL else count == 25
    assert matches.count_or_estimate(exact_up_to=100) == (25, False)


def test_a_search_is_counted_through_the_indexes_on_postgresql(flood_cases):
    matches = Campaign.objects.public().search("flood")

    with CaptureQueriesContext(connection) as queries:
        assert matches.count_matches() == (25, False)

    statements = [query["sql"] for query in queries]
    counts = [n for n, sql in enumerate(statements) if "COUNT(" in sql]
    assert len(counts) == 1
    if POSTGRESQL:  # not by walking the table, which reads every row's document to test it
        before, after = statements[: counts[0]], statements[counts[0] + 1 :]
        assert any("SET LOCAL enable_seqscan = off" in sql for sql in before)
        assert any("RESET enable_seqscan" in sql for sql in after)


@pytest.mark.skipif(not POSTGRESQL, reason="SQLite counts every search exactly")
def test_a_broad_search_page_ranks_only_through_the_indexes(client, flood_cases, monkeypatch):
    """The list's page of a broad search is read by ``page_of_broad_search`` alone: nothing
    else, such as the page's last item's number, ranks every match outside the planner's
    settings (that took 400 ms at 100,000 cases, for a page whose own query takes 25)."""
    monkeypatch.setattr(models_base, "COUNTED_EXACTLY_UP_TO", 10)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/campaigns/?q=flood")

    assert response.context["paginator"].estimated
    assert len(response.context["page"].object_list) == 20
    assert response.context["page"].end_index() == 20
    inside, ranked_outside = False, []
    for query in queries:
        sql = query["sql"]
        if "SET LOCAL enable_seqscan = off" in sql:
            inside = True
        elif "RESET enable_seqscan" in sql:
            inside = False
        elif "ts_rank(" in sql and not inside:
            ranked_outside.append(sql)
    assert ranked_outside == []
    assert sum("ts_rank(" in query["sql"] for query in queries) == 1


@pytest.fixture
def many_videos(campaign, source, monkeypatch):
    """Twelve figures in videos (100 to 111), more than are counted exactly (10 here)."""
    for number in range(12):
        factories.FigureFactory(
            campaign=campaign, source=source, key=f"videos-{number}", value=100 + number
        )
    monkeypatch.setattr(models_base, "COUNTED_EXACTLY_UP_TO", 10)


def test_the_chart_of_many_figures_of_one_unit_says_about_how_many_on_postgresql(
    client, many_videos
):

    response = client.get("/figures/?unit=videos")

    chart = response.context["chart"]
    assert [bar.value for bar in chart["bars"]][:3] == [111, 110, 109]  # largest first
    text = response.content.decode()
    if POSTGRESQL:
        assert chart["estimated"]
        assert f"largest of about {chart['total']} figures in videos" in text
    else:
        assert (chart["total"], chart["estimated"]) == (12, False)
        assert "largest of the 12 figures in videos" in text


def test_a_filtered_figures_table_of_many_figures_is_counted_about_on_postgresql(
    client, many_videos
):

    response = client.get("/figures/?unit=videos&sort=largest")

    paginator = response.context["paginator"]
    page = response.context["page"]
    text = response.content.decode()
    if POSTGRESQL:  # the planner's estimate, never below what was counted (11)
        assert paginator.estimated
        assert paginator.count >= 11
        assert f"about {paginator.count} figures" in text
    else:  # SQLite has no estimate: it counts
        assert (paginator.count, paginator.estimated) == (12, False)
        assert "12 figures" in text
    assert [figure.value for figure in page.object_list][:3] == [111, 110, 109]
    assert len(page.object_list) == 12  # a whole page, whatever the estimate says


def test_the_unfiltered_figures_table_is_counted_by_the_catalogue_summary(client, campaign, source):
    factories.FigureFactory(campaign=campaign, source=source, key="videos-1", unit="videos")

    response = client.get("/figures/")

    assert not response.context["paginator"].estimated
    assert response.context["paginator"].count == Figure.objects.public().stated_once().count()


def test_a_broad_search_ranks_cases_whose_titles_match_first_then_newest(
    client, weibo, monkeypatch
):
    for year in (2011, 2012):  # the word in the title, in older cases
        factories.CampaignFactory(
            title=f"Flood appeal {year}",
            slug=f"flood-appeal-{year}",
            start_date=datetime.date(year, 5, 1),
        )
    for year in (2019, 2020, 2021):  # the word only in the summary, in newer ones
        factories.CampaignFactory(
            title=f"Relief work {year}",
            slug=f"relief-work-{year}",
            summary="Volunteers helped after the flood.",
            start_date=datetime.date(year, 5, 1),
        )
    monkeypatch.setattr(models_base, "COUNTED_EXACTLY_UP_TO", 2)

    page = client.get("/campaigns/?q=flood").context["page"]
    api = client.get("/api/campaigns?q=flood").json()

    expected = [
        "flood-appeal-2012",
        "flood-appeal-2011",
        "relief-work-2021",
        "relief-work-2020",
        "relief-work-2019",
    ]
    assert [campaign.slug for campaign in page.object_list] == expected
    assert [item["slug"] for item in api["items"]] == expected
    second = client.get("/api/campaigns?q=flood&limit=2&offset=2").json()
    assert [item["slug"] for item in second["items"]] == expected[2:4]


@pytest.mark.skipif(not POSTGRESQL, reason="the planner's settings are PostgreSQL's")
def test_reading_matches_by_index_leaves_the_planner_as_it_found_it(db):
    def setting():
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            return cursor.fetchone()[0]

    with backend().reading_matches_by_index():  # inside the test's own transaction
        assert setting() == "off"
    assert setting() == "on"


def test_a_broad_search_takes_each_page_from_its_title_matches_first_in_the_same_order(weibo):
    """A page of a broad search is found among the cases whose titles hold a word of the
    search first (``page_of_ranked``), and only then among the rest: every page is the one
    ranking all the matches gives, whether the titles fill it, fall short or hold some words."""
    titles = ["Tea garden fair", "Garden tea", "Tea harvest", "Garden club", "Harvest fair"]
    for number in range(12):
        factories.CampaignFactory(
            title=f"{titles[number % len(titles)]} {number}",
            slug=f"tea-{number}",
            summary="Pickers sold tea from the garden online.",
            start_date=datetime.date(2010 + number % 4, 5, 1),
        )
    ranked = Campaign.objects.public().search("tea garden").ranked_by_titles()
    every = list(ranked)
    assert len(every) == 12

    for start, stop in [(0, 3), (3, 6), (0, 12), (5, 12), (10, 13)]:
        page = ranked.page_of_broad_search(start, stop)
        assert [case.slug for case in page] == [case.slug for case in every[start:stop]]


@pytest.fixture
def mixed_cases(db, weibo, kwai):
    """30 published cases on Weibo or Kwai or both, of three causes, some with figures, some
    without a start date, some sharing a title; a draft and a commercial case on both."""
    causes = [Cause.DISASTER_RELIEF, Cause.RURAL_LIVELIHOODS, Cause.PUBLIC_HEALTH]
    for number in range(30):
        campaign = factories.CampaignFactory(
            title=f"Case {number % 7}" if number % 3 else f"案例 {number}",
            title_zh=f"案例 {number}",
            slug=f"mixed-{number}",
            cause=causes[number % 3],
            start_date=None if number % 5 == 0 else datetime.date(2010 + number % 4, 1, 1),
            platforms=[kwai] if number % 2 else [kwai, weibo],
        )
        factories.FigureFactory.create_batch(number % 4, campaign=campaign)
    factories.CampaignFactory(slug="mixed-draft", status=Status.DRAFT, platforms=[kwai, weibo])
    factories.CampaignFactory(slug="mixed-commercial", scope=Scope.COMMERCIAL, platforms=[kwai])


@pytest.mark.parametrize("language, prefix", [("en", ""), ("zh-hans", "/zh-hans")])
@pytest.mark.parametrize("sort", [value for value in CampaignSort.values if value != "relevance"])
def test_a_filtered_lists_pages_hold_its_cases_in_its_order(
    client, mixed_cases, sort, language, prefix
):
    """A filtered list's page is read by its cases' ids first (``page_by_ids``): each page
    holds the cases that reading every row in the list's order would, in that order."""
    selected = Campaign.objects.public().social_good().on_platforms(["kwai"])
    assert selected.count() > 20  # two pages
    with translation.override(language):
        for filters, cases in [
            ("platform=kwai", selected),
            ("platform=kwai&cause=disaster_relief", selected.filter(cause="disaster_relief")),
            ("platform=weibo&scope=all", Campaign.objects.public().on_platforms(["weibo"])),
        ]:
            expected = list(cases.sorted_by(sort).values_list("slug", flat=True))
            pages = []
            for number in range(1, (len(expected) + 19) // 20 + 1):
                response = client.get(f"{prefix}/campaigns/?{filters}&sort={sort}&page={number}")
                pages.append([campaign.slug for campaign in response.context["page"]])
            assert pages == [expected[start : start + 20] for start in range(0, len(expected), 20)]


def test_a_filtered_lists_page_reads_the_rows_of_its_own_cases_only(client, mixed_cases):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/campaigns/?platform=kwai&cause=rural_livelihoods&sort=figures")

    assert response.status_code == 200
    rows = [query["sql"] for query in queries if '"campaigns_campaign"."summary"' in query["sql"]]
    assert len(rows) == 1
    outer, _, chosen = rows[0].partition(" IN (SELECT ")
    assert "campaigns_platform" not in outer and "cause" not in outer.partition("WHERE")[2]
    assert "campaigns_platform" in chosen and "LIMIT 20" in chosen


def test_a_filtered_list_that_selects_nothing_asks_for_no_page(client, mixed_cases):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/campaigns/?platform=kwai&cause=child_protection")

    assert response.context["paginator"].count == 0
    assert not any('"campaigns_campaign"."summary"' in query["sql"] for query in queries)


@pytest.mark.skipif(not POSTGRESQL, reason="the covering index is PostgreSQL's")
def test_a_filtered_lists_ids_and_counts_can_be_read_from_one_index(client, mixed_cases):
    """Every column of the cases' table that a filtered list's page chooses its cases by, and
    that its counts by place read, is in the index of published cases by cause, so PostgreSQL
    can read them without the table (``Index Only Scan``) whatever the filters."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attribute.attname FROM pg_index AS index JOIN pg_attribute AS attribute"
            " ON attribute.attrelid = index.indrelid AND attribute.attnum = ANY(index.indkey)"
            " WHERE index.indexrelid = 'campaign_published_cause_listing'::regclass"
        )
        covered = {name for (name,) in cursor.fetchall()} | {"status"}  # status: its predicate
    factories.CampaignFactory(
        slug="yaan-live",
        cause=Cause.DISASTER_RELIEF,
        division_id="511800",
        formats="short_video,live_stream",
        start_date=datetime.date(2013, 4, 20),
        platforms=[Platform.objects.get(slug="kwai")],
    )
    filters = (
        "platform=kwai&cause=disaster_relief&approach=live_commerce&country=CN&province=51"
        "&format=live_stream&year_from=2011&year_to=2013&scope=social_good"
    )
    client.get("/campaigns/")  # the catalogue's summary, counted once for the catalogue
    for prefix, sort in itertools.product(["", "/zh-hans"], CampaignSort.values):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{prefix}/campaigns/?{filters}&sort={sort}")
        grouped = [query["sql"] for query in queries if "GROUP BY" in query["sql"]]
        rows = [
            query["sql"] for query in queries if '"campaigns_campaign"."summary"' in query["sql"]
        ]
        chosen = [sql.partition(" IN (SELECT ")[2].rpartition(") ORDER BY")[0] for sql in rows]
        assert [case.slug for case in response.context["page"]] == ["yaan-live"]
        assert len(grouped) == 1 and len(chosen) == 1
        for sql in grouped + chosen:
            table = re.search(r'FROM "campaigns_campaign"( [A-Z]\d+)?', sql).group(1)
            name = table.strip() if table else '"campaigns_campaign"'
            read = set(re.findall(rf'{re.escape(name)}\."(\w+)"', sql))
            assert {"cause", "id"} <= read <= covered, (prefix, sort, read - covered)
