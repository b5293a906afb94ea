"""The forgiving filter forms behind the lists, downloads and API."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import translation

from campaigns.filters import MAX_QUERY_LENGTH, CampaignFilterForm, CampaignQuery, FigureFilterForm
from campaigns.models import Campaign, Cause, Figure, Status
from tests import factories

pytestmark = pytest.mark.django_db


def campaign_filter(query):
    """The campaign filter form for a query string, and the slugs it selects."""
    form = CampaignFilterForm(data=QueryDict(query))
    slugs = list(
        form.filter(Campaign.objects.public().for_listing()).values_list("slug", flat=True)
    )
    return form, slugs


@pytest.fixture
def two_platform_catalogue(weibo, kwai):
    """Three published cases and a draft, on two platforms, in three years."""
    relief = factories.CampaignFactory(
        title="Ya'an earthquake response",
        slug="yaan-earthquake",
        start_date=datetime.date(2013, 4, 20),
        cause=Cause.DISASTER_RELIEF,
        platforms=[weibo],
        tags=["earthquake"],
    )
    farmers = factories.CampaignFactory(
        title="Happy village farmers",
        slug="happy-village",
        start_date=datetime.date(2018, 5, 1),
        platforms=[kwai],
        country="CN",
    )
    both = factories.CampaignFactory(
        title="Anti-poverty livestreams",
        slug="anti-poverty",
        start_date=datetime.date(2020, 3, 1),
        platforms=[kwai, weibo],
        country="US",
    )
    factories.FigureFactory(campaign=farmers)
    factories.FigureFactory(campaign=farmers)
    factories.FigureFactory(campaign=both)
    factories.CampaignFactory(
        title="Secret draft", slug="secret-draft", status=Status.DRAFT, platforms=[weibo]
    )
    return relief, farmers, both


def test_no_filters_lists_every_published_case_newest_first(two_platform_catalogue):
    form, slugs = campaign_filter("")
    assert slugs == ["anti-poverty", "happy-village", "yaan-earthquake"]
    assert form.notes == []
    assert form.active_filters == []


def test_platform_filter_keeps_cases_on_any_of_the_chosen_platforms(two_platform_catalogue):
    _form, slugs = campaign_filter("platform=kwai")
    assert slugs == ["anti-poverty", "happy-village"]
    _form, slugs = campaign_filter("platform=kwai&platform=sina-weibo")
    assert slugs == ["anti-poverty", "happy-village", "yaan-earthquake"]


def test_unknown_platform_is_ignored_with_a_note_and_the_known_one_still_applies(
    two_platform_catalogue,
):
    form, slugs = campaign_filter("platform=foo&platform=kwai")
    assert slugs == ["anti-poverty", "happy-village"]
    assert form.notes == ["Unknown platform “foo” was ignored."]


def test_a_year_that_is_not_a_number_is_ignored_with_a_note(two_platform_catalogue):
    form, slugs = campaign_filter("year_to=zz&year_from=2015")
    assert slugs == ["anti-poverty", "happy-village"]
    assert form.notes == ["“zz” is not a year; ignored."]


def test_years_given_the_wrong_way_round_are_swapped_with_a_note(two_platform_catalogue):
    form, slugs = campaign_filter("year_from=2019&year_to=2013")
    assert slugs == ["happy-village", "yaan-earthquake"]
    assert form.notes == ["The years were the wrong way round; showing 2013 to 2019."]


def test_filters_combine(two_platform_catalogue):
    _form, slugs = campaign_filter("platform=sina-weibo&cause=disaster_relief")
    assert slugs == ["yaan-earthquake"]
    _form, slugs = campaign_filter("platform=kwai&country=US")
    assert slugs == ["anti-poverty"]
    _form, slugs = campaign_filter("tag=earthquake&year_from=2014")
    assert slugs == []


def test_a_platform_with_only_draft_cases_is_not_offered(db, weibo):
    factories.CampaignFactory(slug="secret", status=Status.DRAFT, platforms=[weibo])
    form, _slugs = campaign_filter("platform=sina-weibo")
    assert form.fields["platform"].choices == []
    assert form.notes == ["Unknown platform “sina-weibo” was ignored."]


def test_unknown_sort_falls_back_to_newest_with_a_note(two_platform_catalogue):
    form, slugs = campaign_filter("sort=sideways")
    assert slugs == ["anti-poverty", "happy-village", "yaan-earthquake"]
    assert form.notes == ["Unknown sort order “sideways” was ignored."]


def test_cases_can_be_sorted_by_their_number_of_figures(two_platform_catalogue):
    _form, slugs = campaign_filter("sort=figures")
    assert slugs == ["happy-village", "anti-poverty", "yaan-earthquake"]
    _form, slugs = campaign_filter("sort=oldest")
    assert slugs == ["yaan-earthquake", "happy-village", "anti-poverty"]
    _form, slugs = campaign_filter("sort=title")
    assert slugs == ["anti-poverty", "happy-village", "yaan-earthquake"]


def test_a_very_long_search_is_cut_short_with_a_note(two_platform_catalogue):
    form, _slugs = campaign_filter("q=" + "x" * 10_000)
    assert len(form.cleaned_data["q"]) == MAX_QUERY_LENGTH
    assert form.notes == [
        "Your search was longer than 200 characters; only the first 200 were used."
    ]


def test_many_unknown_values_are_summed_up_in_one_note(two_platform_catalogue):
    form, slugs = campaign_filter("&".join(f"platform=nope-{n}" for n in range(500)))
    assert len(slugs) == 3
    assert form.notes == ["500 unknown values of “Platform” were ignored."]


def test_each_active_filter_links_to_the_same_query_without_it(two_platform_catalogue):
    form, _slugs = campaign_filter("platform=kwai&platform=sina-weibo&year_from=2015&page=3")
    chips = {(chip.label, chip.value): chip.remove_url for chip in form.active_filters}
    assert chips == {
        ("Platform", "Kwai (快手)"): "?platform=sina-weibo&year_from=2015",
        ("Platform", "Sina Weibo (新浪微博)"): "?platform=kwai&year_from=2015",
        ("From year", "2015"): "?platform=kwai&platform=sina-weibo",
    }


def test_query_string_replaces_a_value_and_drops_empty_ones(two_platform_catalogue):
    form, _slugs = campaign_filter("cause=disaster_relief&sort=title")
    assert form.query_string(sort="oldest") == "?cause=disaster_relief&sort=oldest"
    assert form.query_string(cause="") == "?sort=title"


def test_figure_filter_selects_by_unit_and_platform(two_platform_catalogue, weibo_users):
    form = FigureFilterForm(data=QueryDict("unit=users&platform=sina-weibo"))
    figures = form.filter(Figure.objects.public())
    assert [figure.key for figure in figures] == ["weibo-users"]
    form = FigureFilterForm(data=QueryDict("unit=nonsense&year=abc&sort=largest"))
    assert form.notes == [
        "Unknown unit “nonsense” was ignored.",
        "“abc” is not a year; ignored.",
    ]
    assert form.filter(Figure.objects.public()).count() == 4


def test_on_chinese_pages_choices_put_the_chinese_name_first(two_platform_catalogue):
    with translation.override("zh-hans"):
        form, _slugs = campaign_filter("platform=kwai")
        assert ("kwai", "快手 (Kwai) · 2") in form.fields["platform"].choices


def test_the_organisation_and_tag_menus_list_the_busiest_and_take_any_other(monkeypatch):
    monkeypatch.setattr("campaigns.filters.forms.MENU_LENGTH", 2)
    busy, busier, quiet = (
        factories.OrganisationFactory(slug=slug, name=slug.title())
        for slug in ("busy", "busier", "quiet")
    )
    for organisation, cases, tag in ((busy, 2, "usual"), (busier, 3, "common"), (quiet, 1, "rare")):
        for _number in range(cases):
            factories.ParticipationFactory(
                organisation=organisation, campaign=factories.CampaignFactory(tags=[tag])
            )
    for _number in range(3):
        factories.CampaignFactory(tags=["common", "usual"])
    hidden = factories.OrganisationFactory(slug="only-in-a-draft")
    factories.ParticipationFactory(
        organisation=hidden, campaign=factories.CampaignFactory(status=Status.DRAFT)
    )

    form, _slugs = campaign_filter("")
    assert [key for key, _label in form.fields["organisation"].choices] == ["", "busier", "busy"]
    assert [key for key, _label in form.fields["tag"].choices] == ["", "common", "usual"]

    form, slugs = campaign_filter("organisation=quiet&tag=rare")
    assert len(slugs) == 1 and form.notes == []
    assert ("quiet", "Quiet") in form.fields["organisation"].choices
    assert [chip.value for chip in form.active_filters] == ["Quiet", "rare"]

    form, slugs = campaign_filter("organisation=only-in-a-draft")
    assert form.notes == ["Unknown organisation “only-in-a-draft” was ignored."]
    assert len(slugs) == 9


@pytest.mark.parametrize(
    "query, narrowed",
    [
        (CampaignQuery(), False),
        (CampaignQuery(scope="all", sort="title"), False),
        (CampaignQuery(q="   "), False),
        (CampaignQuery(q="flood"), True),
        (CampaignQuery(platforms=("kwai",)), True),
        (CampaignQuery(year_to=2015), True),
        (CampaignQuery(province="51"), True),
    ],
)
def test_a_query_knows_whether_it_narrows_its_scope(query, narrowed):
    assert query.narrowed is narrowed
