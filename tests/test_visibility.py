"""One visibility rule for every entity: a platform, like an organisation, a source or a tag, is
public only through published content (a published case runs on it, a public figure is about
it); an organisation is public through a public platform it runs. And the admin's "view on
site" shortcut tells the address of a case that is not public only to those who may preview it."""

import html
import re

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, Figure, Organisation, Platform, Source, Tag
from tests import factories
from tests.pages import page

pytestmark = pytest.mark.django_db

SLUG = "draft-only-platform"


@pytest.fixture
def draft_only_platform(draft_case):
    """A platform only the draft runs on, with an operator nothing else makes public."""
    operator = factories.OrganisationFactory(name="Draft Platform Inc", slug="draft-platform-inc")
    platform = factories.PlatformFactory(name="Draft-only platform", slug=SLUG, operator=operator)
    draft_case.platforms.add(platform)
    return platform


def shown_anywhere(client):
    """Where readers could find the platform: its page, the list, the API, the sitemap."""
    return {
        "page": client.get(f"/platforms/{SLUG}/").status_code == 200,
        "list": "Draft-only platform" in client.get("/platforms/").content.decode(),
        "api list": SLUG in client.get("/api/platforms?limit=100").content.decode(),
        "api item": client.get(f"/api/platforms/{SLUG}").status_code == 200,
        "sitemap": SLUG in client.get("/sitemap-platforms.xml").content.decode(),
        "operator": client.get("/organisations/draft-platform-inc/").status_code == 200,
    }


NOWHERE = dict.fromkeys(["page", "list", "api list", "api item", "sitemap", "operator"], False)
EVERYWHERE = dict.fromkeys(NOWHERE, True)


def test_a_platform_linked_only_to_a_draft_is_not_public_anywhere(
    client, yaan_case, draft_only_platform
):
    assert shown_anywhere(client) == NOWHERE
    assert not Platform.objects.public().filter(slug=SLUG).exists()
    assert not Organisation.objects.public().filter(slug="draft-platform-inc").exists()


def test_publishing_the_case_makes_the_platform_and_its_operator_public(
    client, yaan_case, draft_case, draft_only_platform
):
    services.publish_campaigns(campaigns=Campaign.objects.filter(pk=draft_case.pk))

    assert shown_anywhere(client) == EVERYWHERE

    services.unpublish_campaigns(campaigns=Campaign.objects.filter(pk=draft_case.pk))

    assert shown_anywhere(client) == NOWHERE


def test_a_public_figure_about_the_platform_makes_it_public_until_it_is_deleted(
    client, yaan_case, draft_only_platform
):
    figure = factories.FigureFactory(
        key="platform-users",
        campaign=None,
        platform=draft_only_platform,
        source=yaan_case.sources.first(),
        label="Monthly users",
    )
    assert shown_anywhere(client) == EVERYWHERE

    figure.delete()

    assert shown_anywhere(client) == NOWHERE


def test_a_draft_figure_about_the_platform_does_not_make_it_public(
    client, yaan_case, draft_case, draft_only_platform
):
    Figure.objects.filter(key="draft-figure").update(platform=draft_only_platform)
    factories.FigureFactory(
        key="second-draft-figure",
        campaign=draft_case,
        platform=draft_only_platform,
        source=yaan_case.sources.first(),
    )

    assert shown_anywhere(client) == NOWHERE


def test_a_public_operator_does_not_make_its_other_platforms_public(client, yaan_case, weibo):
    assert Organisation.objects.public().filter(pk=weibo.operator_id).exists()
    factories.PlatformFactory(name="Draft-only platform", slug=SLUG, operator=weibo.operator)

    public = shown_anywhere(client)

    assert {where: shown for where, shown in public.items() if where != "operator"} == {
        where: False for where in NOWHERE if where != "operator"
    }
    page = client.get(weibo.operator.get_absolute_url()).content.decode()
    assert "Sina Weibo" in page and "Draft-only platform" not in page


def test_moving_a_public_platform_to_another_operator_moves_the_operators_visibility(
    yaan_case,
):
    first = factories.OrganisationFactory(name="First owner", slug="first-owner")
    second = factories.OrganisationFactory(name="Second owner", slug="second-owner")
    platform = factories.PlatformFactory(name="Sold platform", slug="sold", operator=first)
    factories.FigureFactory(
        key="sold-users", campaign=None, platform=platform, source=yaan_case.sources.first()
    )
    public = Organisation.objects.public()
    assert (public.filter(pk=first.pk).exists(), public.filter(pk=second.pk).exists()) == (
        True,
        False,
    )

    platform.operator = second
    platform.save()

    assert (public.filter(pk=first.pk).exists(), public.filter(pk=second.pk).exists()) == (
        False,
        True,
    )


@pytest.mark.parametrize("address", ["/campaigns/", "/figures/", "/campaigns/?q=Draft-only"])
def test_the_filters_and_the_search_offer_no_draft_only_platform(
    client, yaan_case, draft_only_platform, address
):
    html = page(client, address)

    assert "Sina Weibo (新浪微博)" in html  # the platform menu offers the public platform
    assert "Draft-only platform" not in html


# --------------------------------------------------------------------------- view on site


def view_on_site(model, pk):
    content_type = ContentType.objects.get_for_model(model)
    return reverse("admin_view_on_site", args=[content_type.pk, pk])


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))


@pytest.mark.parametrize(
    "permissions",
    [(), ("view_organisation",), ("change_campaign",)],
    ids=["no permissions", "other models only", "change without preview"],
)
def test_view_on_site_of_a_draft_is_not_found_for_staff_who_may_not_preview_it(
    staff, draft_case, permissions
):
    grant(staff.user, *permissions)

    response = staff.get(view_on_site(Campaign, draft_case.pk))

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "unchecked-draft" not in response.content.decode()
    assert "Location" not in response


def test_view_on_site_of_a_draft_leads_those_who_may_preview_it_to_its_address(staff, draft_case):
    grant(staff.user, "view_campaign")

    response = staff.get(view_on_site(Campaign, draft_case.pk))

    assert response.status_code == 302
    assert response["Location"].endswith("/campaigns/unchecked-draft/")


def test_view_on_site_of_a_published_case_leads_staff_who_may_change_cases_to_it(staff, yaan_case):
    grant(staff.user, "change_campaign")

    response = staff.get(view_on_site(Campaign, yaan_case.pk))

    assert response.status_code == 302
    assert response["Location"].endswith(yaan_case.get_absolute_url())


@pytest.mark.parametrize("object_id", ["999999", "abc", "٣"])
def test_view_on_site_of_a_case_that_is_not_there_is_not_found(staff, object_id):
    grant(staff.user, "change_campaign")

    assert staff.get(view_on_site(Campaign, object_id)).status_code == 404


# --------------------------------------------------------------------------- one rule


def test_the_kept_flags_agree_with_the_visibility_rule_on_a_varied_catalogue(seed_catalogue, db):
    cases = list(Campaign.objects.order_by("slug"))
    services.unpublish_campaigns(
        campaigns=Campaign.objects.filter(pk__in=[c.pk for c in cases[::4]])
    )
    services.withdraw(campaigns=Campaign.objects.filter(pk=cases[1].pk), reason="Retracted.")
    figures = list(Figure.objects.order_by("key").values_list("pk", flat=True))
    Figure.objects.filter(pk__in=figures[::5]).delete()
    draft = Campaign.objects.filter(status="draft").first()
    lonely = factories.PlatformFactory(slug="only-a-drafts-figure")
    factories.FigureFactory(campaign=draft, platform=lonely, source=draft.sources.first())
    sector = factories.PlatformFactory(slug="about-itself")
    factories.FigureFactory(campaign=None, platform=sector, source=Source.objects.first())
    reference = factories.SourceFactory(
        slug="a-reference", cited_by=Source.objects.public().first()
    )
    assert reference.pk

    for model in (Platform, Organisation, Source, Tag):
        kept = set(model.objects.public().values_list("slug", flat=True))
        ruled = set(model.objects.public_by_rule().values_list("slug", flat=True))
        assert kept == ruled, model.__name__
    assert "about-itself" in set(Platform.objects.public().values_list("slug", flat=True))
    assert not Platform.objects.public().filter(slug="only-a-drafts-figure").exists()


STATED = re.compile(r"(?:also )?stated as “([^”]+)”")


@pytest.mark.parametrize("kind", ["platforms", "organisations"])
def test_a_page_and_the_api_show_the_same_figures_about_each_platform_and_organisation(
    seed_catalogue, db, client, kind
):
    model = Platform if kind == "platforms" else Organisation
    compared = 0
    for subject in model.objects.public():
        page = html.unescape(client.get(f"/{kind}/{subject.slug}/").content.decode())
        api = client.get(f"/api/{kind}/{subject.slug}").json()
        on_page = sorted(STATED.findall(page))
        in_api = sorted(figure["stated_as"] for figure in api["figures"])
        assert on_page == in_api, subject.slug
        compared += len(in_api)
    assert compared > 0
