"""What the list of cases offers around a search: narrowing to the facets its words name, "did
you mean" for a misspelt word, and the cases holding some of the words when none holds all."""

import io
from html import unescape

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns import derived
from campaigns.models import Approach, Campaign, CatalogueVersion, Cause, Format, Status
from campaigns.models.counts import ALL
from campaigns.search import offers
from campaigns.search.offers import narrowings, without
from tests import factories

pytestmark = pytest.mark.django_db

PLATFORMS = [("sina-weibo", "Sina Weibo", "新浪微博"), ("kwai", "Kwai", "快手")]


def named(q, countries=("CN", "ES")):
    return [(n.field, n.value, n.rest) for n in narrowings(q, PLATFORMS, countries, label)]


def label(field, value):
    return f"{field}={value}"


def test_a_search_names_causes_countries_and_platforms_in_either_language():
    assert named("disaster relief China") == [
        ("cause", Cause.DISASTER_RELIEF, "china"),
        ("country", "CN", "disaster relief"),
    ]
    assert named("Sina Weibo fundraising") == [
        ("platform", "sina-weibo", "fundraising"),
        ("approach", Approach.FUNDRAISING, "sina weibo"),
    ]
    assert named("中国助农快手") == [
        ("country", "CN", "助农快手"),
        ("cause", Cause.RURAL_LIVELIHOODS, "中国快手"),
        ("platform", "kwai", "中国助农"),
    ]


def test_a_search_names_a_format_live_streams_apart_from_selling():
    assert named("直播带货") == [
        ("format", Format.LIVE_STREAM, "带货"),
        ("approach", Approach.LIVE_COMMERCE, "直播"),
    ]
    assert named("livestream apples") == [("format", Format.LIVE_STREAM, "apples")]
    assert named("live streaming Kwai") == [
        ("format", Format.LIVE_STREAM, "kwai"),
        ("platform", "kwai", "live streaming"),
    ]


def test_the_longest_name_is_read_first_and_a_word_is_read_once():
    # "public health" is the cause's name; "health" alone is one of its everyday words.
    assert named("public health campaigns") == [
        ("cause", Cause.PUBLIC_HEALTH, "campaigns"),
    ]
    assert named("disasters") == [("cause", Cause.DISASTER_RELIEF, "")]


def test_countries_without_a_published_case_are_not_offered():
    assert named("Spain apples", countries=("CN",)) == []
    assert named("Spain apples") == [("country", "ES", "apples")]


def test_without_drops_the_words_of_every_key_it_is_given():
    assert without("Disaster relief in China", [("disaster", "relief"), ("china",)]) == "in"
    assert without("中国救灾", [("救灾",)]) == "中国"


# --------------------------------------------------------------------------- on the page


@pytest.fixture
def catalogue(db):
    factories.CampaignFactory(
        slug="apples",
        title="Apples sold by live stream",
        summary="A county sold apples.",
        description="Orders came in.",
        country="CN",
    )
    factories.CampaignFactory(
        slug="quake",
        title="Earthquake appeal",
        summary="Posts raised money.",
        description="Donors gave.",
        cause=Cause.DISASTER_RELIEF,
        approach=Approach.FUNDRAISING,
        country="CN",
    )


def get(client, **query):
    response = client.get(reverse("campaigns:campaign_list"), query)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_the_facets_a_search_names_are_offered_as_narrower_lists(client, catalogue):
    html = get(client, q="disaster relief China")

    assert "1 case" in html
    assert 'href="?q=china&cause=disaster_relief"' in html
    assert 'href="?q=disaster+relief&country=CN"' in html
    assert 'href="?cause=disaster_relief&country=CN"' in html  # all of these


def test_a_facet_already_filtered_is_not_offered_again(client, catalogue):
    html = get(client, q="disaster relief China", country="CN")

    assert "cause=disaster_relief" in html
    assert 'href="?q=disaster+relief&country=CN"' not in html
    assert "All of these" not in html


def test_a_misspelt_word_gets_a_did_you_mean_that_finds_cases(client, catalogue):
    html = get(client, q="earthqake appeal")

    assert "0 cases" in html
    assert 'Did you mean <a href="?q=earthquake+appeal">earthquake appeal</a>?' in html


def test_no_did_you_mean_when_nothing_is_near_or_the_guess_finds_nothing(client, catalogue):
    far = get(client, q="zzzzqqq")
    assert "No cases match" in far
    assert "Did you mean" not in far
    # "apple" is near "apples", but with this filter nothing would be found either.
    filtered = get(client, q="applez", cause=Cause.DISASTER_RELIEF)
    assert "No cases match" in filtered
    assert "Did you mean" not in filtered


def test_a_search_no_case_fully_matches_offers_the_cases_with_some_of_its_words(client, catalogue):
    html = get(client, q="apples earthquake")

    assert "0 cases" in html
    closest = html.split("Cases with some of your words", 1)[1]
    assert "Apples sold by live stream" in closest
    assert "Earthquake appeal" in closest


def test_closest_matches_keep_the_other_filters(client, catalogue):
    html = get(client, q="apples earthquake", cause=Cause.DISASTER_RELIEF)

    closest = html.split("Cases with some of your words", 1)[1]
    assert "Earthquake appeal" in closest
    assert "Apples sold by live stream" not in closest


# --------------------------------------------------------------------------- words kept by writers


def kept_title_words():
    return CatalogueVersion.objects.get().title_words


def test_the_words_of_titles_are_kept_by_each_change_readers_see(client, catalogue):
    get(client, q="earthqake")  # made once, the first time ever
    assert {"apples", "earthquake", "appeal"} <= set(kept_title_words())

    factories.CampaignFactory(slug="glacier", title="Glacier melt watch")

    assert {"glacier", "melt", "watch"} <= set(kept_title_words())
    assert "Did you mean" in get(client, q="glaicer")


def test_a_draft_s_title_gives_no_words_until_it_is_published(client, catalogue):
    get(client, q="earthqake")
    draft = factories.CampaignFactory(slug="tundra", title="Tundra fires", status=Status.DRAFT)
    assert "tundra" not in kept_title_words()

    with derived.unit():
        draft.status = Status.PUBLISHED
        draft.save()

    assert "tundra" in kept_title_words()


def test_a_search_finding_nothing_reads_no_title_after_a_change(client, catalogue):
    get(client, q="earthqake")
    factories.CampaignFactory(slug="glacier", title="Glacier melt watch")
    cache.clear()

    with CaptureQueriesContext(connection) as queries:
        html = get(client, q="glaicer")

    assert "Did you mean" in html
    titles = 'SELECT "campaigns_campaign"."title"'
    assert [query["sql"] for query in queries if query["sql"].startswith(titles)] == []


def test_a_recount_makes_the_words_again_without_those_no_title_holds(catalogue):
    offers.keep_title_words(ALL)
    Campaign.objects.filter(slug="quake").update(title="Flood appeal")  # by other means

    call_command("recount_catalogue", stdout=io.StringIO())

    words = kept_title_words()
    assert "flood" in words
    assert "earthquake" not in words
