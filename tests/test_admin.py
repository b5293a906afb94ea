"""The curators' admin: what a curator sees and can do at /admin/, and what it costs in queries."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from PIL import Image

from campaigns import services
from campaigns.models import (
    Campaign,
    CampaignImage,
    Evidence,
    EvidencedText,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Status,
    Tag,
)
from campaigns.units import units
from tests import factories
from tests.pages import (
    campaign_form_data,
    change_url,
    changelist_url,
    column,
    contains_html,
    figure_row,
    formset_data,
    image_row,
    inline_formset,
    messages_of,
)

pytestmark = pytest.mark.django_db

NOT_AN_IMAGE = "The file is not an image, or it is damaged. Upload a PNG, JPEG, WebP or GIF image."


# --------------------------------------------------------------------------- helpers


def png_bytes(width=8, height=8):
    """A real PNG image, made with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color=(200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def noisy_png_bytes():
    """A PNG that does not compress well: a few kilobytes."""
    image = Image.effect_noise((64, 64), 100).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def png_upload(name="logo.png", content=None):
    return SimpleUploadedFile(name, content or png_bytes(), content_type="image/png")


def text_renamed_png(name="logo.png"):
    return SimpleUploadedFile(name, b"Not a picture, just some words.", content_type="image/png")


def filter_titles(response):
    return re.findall(r'data-filter-title="([^"]+)"', response.content.decode())


@pytest.fixture
def chinese_titled_campaign(db, weibo):
    """A campaign known by its Chinese title too, on Weibo and tagged "earthquake".

    Not the shared ``yaan_case``: this one's English title names no platform, so each word the
    admin search test tries finds it through one field only."""
    return factories.CampaignFactory(
        title="Ya'an earthquake donations",
        title_zh="微博雅安地震捐款",
        slug="yaan-earthquake-donations",
        start_date=datetime.date(2013, 4, 20),
        cause="disaster_relief",
        approach="fundraising",
        platforms=[weibo],
        tags=["earthquake"],
    )


# --------------------------------------------------------------------------- the site


def test_admin_is_titled_with_the_sites_one_name(admin_client):
    response = admin_client.get(reverse("admin:index"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Curation | Social Media for Social Good</title>" in page
    assert 'id="site-name"><a href="/admin/">Social Media for Social Good</a>' in page


@pytest.mark.parametrize(
    "model", [Source, Organisation, Platform, Campaign, Participation, Figure, CampaignImage, Tag]
)
def test_every_catalogue_model_has_a_list_and_an_add_page(admin_client, model):
    assert admin_client.get(changelist_url(model)).status_code == 200
    add_url = reverse(f"admin:campaigns_{model._meta.model_name}_add")
    assert admin_client.get(add_url).status_code == 200


def test_tags_are_curated_with_their_chinese_names_and_case_counts(
    admin_client, chinese_titled_campaign
):
    Tag.objects.filter(name="earthquake").update(name_zh="地震")
    Tag.objects.create(name="unused", slug="unused")

    response = admin_client.get(changelist_url(Tag), {"q": "地震"})

    assert column(response, "name") == ["earthquake"]
    assert column(response, "name_zh") == ["地震"]
    assert column(response, "campaign_count") == ["1"]
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:campaigns_tag_changelist") in index
    assert "/admin/taggit/" not in index


def test_the_admin_is_closed_to_visitors_who_are_not_signed_in(client):
    response = client.get(changelist_url(Campaign))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


# --------------------------------------------------------------------------- campaign list


def test_campaign_list_shows_status_dates_platforms_and_number_of_figures(admin_client, source):
    platforms = [
        factories.PlatformFactory(name="Kwai", slug="kwai"),
        factories.PlatformFactory(name="Douyin", slug="douyin"),
    ]
    campaign = factories.CampaignFactory(
        title="Selling apples by live stream",
        start_date=datetime.date(2020, 2, 1),
        start_precision="month",
        end_date=datetime.date(2020, 4, 1),
        end_precision="month",
        platforms=platforms,
        sources=[source],
        tags=["agriculture", "live commerce"],
    )
    factories.FigureFactory.create_batch(3, campaign=campaign)

    response = admin_client.get(changelist_url(Campaign))

    assert response.status_code == 200
    assert column(response, "title") == ["Selling apples by live stream"]
    assert column(response, "status") == ["Published"]
    assert column(response, "dates") == ["February 2020 – April 2020"]
    assert column(response, "platform_names") == ["Douyin, Kwai"]
    assert column(response, "figure_count") == ["3"]


def test_campaign_list_offers_filters_by_status_scope_cause_approach_format_platform_and_year(
    admin_client, campaign
):
    response = admin_client.get(changelist_url(Campaign))

    assert filter_titles(response) == [
        "status",
        "scope",
        "cause",
        "approach",
        "format",
        "platforms",
        "year",
        "featured",
    ]


def test_campaign_list_offers_the_publish_and_unpublish_actions(admin_client, campaign):
    page = admin_client.get(changelist_url(Campaign)).content.decode()

    assert contains_html(page, '<option value="publish">Publish selected campaigns</option>')
    assert contains_html(page, '<option value="unpublish">Unpublish selected campaigns</option>')


def test_campaign_list_can_show_how_many_campaigns_each_filter_choice_holds(admin_client):
    factories.CampaignFactory(status=Status.DRAFT, start_date=datetime.date(2013, 4, 20))
    factories.CampaignFactory.create_batch(2, start_date=datetime.date(2020, 2, 10))

    response = admin_client.get(changelist_url(Campaign), {"_facets": "True"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Draft (1)" in page
    assert "Published (2)" in page
    assert "2013 (1)" in page
    assert "2020 (2)" in page


def test_year_filter_lists_the_years_campaigns_started_and_keeps_only_that_year(admin_client):
    factories.CampaignFactory(title="Flood alerts", start_date=datetime.date(2012, 7, 21))
    factories.CampaignFactory(title="Wesee farmers", start_date=datetime.date(2020, 2, 10))

    everything = admin_client.get(changelist_url(Campaign))
    only_2012 = admin_client.get(changelist_url(Campaign), {"year": "2012"})

    assert contains_html(everything.content.decode(), '<a href="?year=2020">2020</a>')
    assert contains_html(everything.content.decode(), '<a href="?year=2012">2012</a>')
    assert column(only_2012, "title") == ["Flood alerts"]


def test_year_filter_with_a_word_instead_of_a_year_shows_no_campaigns(admin_client, campaign):
    everything = admin_client.get(changelist_url(Campaign))
    response = admin_client.get(changelist_url(Campaign), {"year": "last-year"})

    assert column(everything, "title") == ["Wesee agricultural assistance"]
    assert response.status_code == 200
    assert column(response, "title") == []


def test_status_filter_keeps_only_drafts(admin_client, campaign):
    factories.CampaignFactory(title="Unfinished draft", status=Status.DRAFT)

    response = admin_client.get(changelist_url(Campaign), {"status__exact": "draft"})

    assert column(response, "title") == ["Unfinished draft"]


@pytest.mark.parametrize(
    "words",
    ["微博", "雅安地震", "新浪微博", "Sina Weibo", "earthquake", "China Foundation", "中国扶贫"],
)
def test_search_finds_a_campaign_by_its_english_or_chinese_names(
    admin_client, chinese_titled_campaign, words
):
    foundation = factories.OrganisationFactory(
        name="China Foundation for Poverty Alleviation", name_zh="中国扶贫基金会"
    )
    factories.ParticipationFactory(campaign=chinese_titled_campaign, organisation=foundation)
    factories.CampaignFactory(title="Wesee farmers")

    response = admin_client.get(changelist_url(Campaign), {"q": words})

    assert response.status_code == 200
    assert column(response, "title") == ["Ya'an earthquake donations"]


def test_search_matching_several_platforms_lists_a_campaign_once_with_its_true_count(
    admin_client, source
):
    campaign = factories.CampaignFactory(
        title="Weibo everywhere",
        sources=[source],
        platforms=[
            factories.PlatformFactory(name="Weibo"),
            factories.PlatformFactory(name="Weibo Live"),
        ],
    )
    factories.FigureFactory.create_batch(2, campaign=campaign)

    response = admin_client.get(changelist_url(Campaign), {"q": "weibo"})

    assert column(response, "title") == ["Weibo everywhere"]
    assert column(response, "figure_count") == ["2"]


# --------------------------------------------------------------------------- publishing


def test_publish_action_publishes_the_selected_drafts_and_says_how_many(admin_client):
    drafts = factories.CampaignFactory.create_batch(2, status=Status.DRAFT)
    untouched = factories.CampaignFactory(status=Status.DRAFT)

    response = admin_client.post(
        changelist_url(Campaign),
        {"action": "publish", "_selected_action": [draft.pk for draft in drafts]},
        follow=True,
    )

    assert response.status_code == 200
    assert messages_of(response) == ["2 campaigns were published."]
    for draft in drafts:
        draft.refresh_from_db()
        assert draft.status == Status.PUBLISHED
        assert draft.published_at is not None
    untouched.refresh_from_db()
    assert untouched.status == Status.DRAFT


def test_publish_action_says_which_campaigns_were_published_already(admin_client, campaign):
    draft = factories.CampaignFactory(status=Status.DRAFT)

    response = admin_client.post(
        changelist_url(Campaign),
        {"action": "publish", "_selected_action": [campaign.pk, draft.pk]},
        follow=True,
    )

    assert messages_of(response) == ["1 campaign was published. 1 was published already."]


def test_unpublish_action_turns_published_campaigns_back_into_drafts(admin_client, campaign):
    response = admin_client.post(
        changelist_url(Campaign),
        {"action": "unpublish", "_selected_action": [campaign.pk]},
        follow=True,
    )

    assert messages_of(response) == ["1 campaign was unpublished."]
    campaign.refresh_from_db()
    assert campaign.status == Status.DRAFT


def test_unpublishing_drafts_changes_nothing_and_warns(admin_client):
    draft = factories.CampaignFactory(status=Status.DRAFT)

    response = admin_client.post(
        changelist_url(Campaign),
        {"action": "unpublish", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert messages_of(response) == ["0 campaigns were unpublished. 1 was unpublished already."]
    assert "warning" in list(response.context["messages"])[0].tags


def test_staff_who_may_only_view_campaigns_cannot_publish_them(client, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="reading", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_campaign"))
    client.force_login(reader)
    draft = factories.CampaignFactory(status=Status.DRAFT)

    response = client.get(changelist_url(Campaign))
    client.post(changelist_url(Campaign), {"action": "publish", "_selected_action": [draft.pk]})

    assert response.status_code == 200
    assert column(response, "title") == [draft.title]
    assert "Publish selected campaigns" not in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_publishing_again_keeps_the_date_a_campaign_first_went_public(campaign):
    first_published = campaign.published_at
    services.unpublish_campaigns(campaigns=Campaign.objects.all())

    changed = services.publish_campaigns(campaigns=Campaign.objects.all())

    campaign.refresh_from_db()
    assert changed == 1
    assert campaign.status == Status.PUBLISHED
    assert campaign.published_at == first_published


def test_publishing_a_draft_stamps_when_it_first_went_public(db):
    draft = factories.CampaignFactory(status=Status.DRAFT)
    assert draft.published_at is None

    services.publish_campaigns(campaigns=Campaign.objects.filter(pk=draft.pk))

    draft.refresh_from_db()
    assert draft.published_at is not None


# --------------------------------------------------------------------------- view on site


def test_published_campaign_page_links_to_its_public_page(admin_client, campaign):
    response = admin_client.get(change_url(campaign))

    assert response.status_code == 200
    assert contains_html(
        response.content.decode(),
        f'<a href="{campaign.get_absolute_url()}" class="viewsitelink">View on site</a>',
    )


def test_draft_campaign_page_links_to_its_preview(admin_client):
    draft = factories.CampaignFactory(status=Status.DRAFT)

    response = admin_client.get(change_url(draft))

    assert response.status_code == 200
    assert "View on site" in response.content.decode()
    preview = admin_client.get(draft.get_absolute_url())
    assert preview.status_code == 200 and "Draft — not public" in preview.content.decode()


@pytest.mark.parametrize("noun", ["organisation", "platform", "source"])
def test_view_on_site_of_an_organisation_platform_or_source_leads_to_its_public_page(
    admin_client, request, noun
):
    obj = request.getfixturevalue(noun)
    content_type = ContentType.objects.get_for_model(obj)

    response = admin_client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))

    assert response.status_code == 302
    assert response["Location"].endswith(obj.get_absolute_url())


# --------------------------------------------------------------------------- campaign page


def test_campaign_page_edits_its_figures_participants_and_images_inline(admin_client, campaign):
    factories.FigureFactory(campaign=campaign, label="Videos published", stated_as="2234 videos")
    tencent = Organisation.objects.get(slug="tencent")
    factories.ParticipationFactory(campaign=campaign, organisation=tencent)

    response = admin_client.get(change_url(campaign))

    assert response.status_code == 200
    page = response.content.decode()
    assert [formset.formset.prefix for formset in response.context["inline_admin_formsets"]] == [
        "figures",
        "participations",
        "evidence",
        "images",
    ]
    assert 'value="Videos published"' in page
    assert 'name="figures-0-value" value="2234"' in page  # not 2234.0000 as stored
    # The chosen source and organisation are shown by name in their autocompletes.
    assert contains_html(
        page, f'<option value="{campaign.sources.get().pk}" selected>Short video for good</option>'
    )
    assert contains_html(page, f'<option value="{tencent.pk}" selected>Tencent</option>')
    assert 'class="admin-autocomplete' in page


def test_autocomplete_finds_sources_for_a_figure(admin_client, source):
    factories.SourceFactory(title="Unrelated statistics")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "campaigns",
            "model_name": "figure",
            "field_name": "source",
            "term": "short video",
        },
    )

    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(source.pk), "text": "Short video for good"}]


def test_figure_citing_a_source_added_in_the_same_save_is_accepted(admin_client, campaign):
    new_source = factories.SourceFactory(title="Weibo charity report")
    data = campaign_form_data(
        campaign,
        sources=[*campaign.sources.values_list("pk", flat=True), new_source.pk],
        figures=[figure_row(new_source)],
    )

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 302, response.context["errors"]
    assert new_source in campaign.sources.all()
    figure = Figure.objects.get(key="yaan-donations")
    assert (figure.campaign, figure.source, figure.kind) == (campaign, new_source, "money")


def test_figure_citing_a_source_not_on_the_campaign_is_refused_and_nothing_is_saved(
    admin_client, campaign
):
    outside_source = factories.SourceFactory(title="Weibo charity report")
    data = campaign_form_data(campaign, title="A new title", figures=[figure_row(outside_source)])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    figure_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert figure_form.errors["source"] == [
        "The source “Weibo charity report” is not among the sources of “A new title”: "
        "add it to the campaign first."
    ]
    assert "add it to the campaign first" in response.content.decode()
    assert not Figure.objects.exists()
    campaign.refresh_from_db()
    assert campaign.title == "Wesee agricultural assistance"


def test_new_campaign_figure_must_cite_one_of_the_new_campaigns_sources(admin_client, source):
    outside_source = factories.SourceFactory(title="Weibo charity report")
    campaign = Campaign(
        title="Ya'an earthquake donations",
        slug="yaan",
        summary="Weibo users gave.",
        description="Weibo users gave to the relief.",
        cause="disaster_relief",
        approach="fundraising",
        status=Status.DRAFT,
    )
    data = campaign_form_data(campaign, sources=[source.pk], figures=[figure_row(outside_source)])

    response = admin_client.post(reverse("admin:campaigns_campaign_add"), data)

    assert response.status_code == 200
    figure_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert "add it to the campaign first" in figure_form.errors["source"][0]
    assert not Campaign.objects.filter(slug="yaan").exists()


def test_new_campaign_with_a_figure_citing_its_source_is_saved(admin_client, source):
    campaign = Campaign(
        title="Ya'an earthquake donations",
        slug="yaan",
        summary="Weibo users gave.",
        description="Weibo users gave to the relief.",
        cause="disaster_relief",
        approach="fundraising",
        status=Status.DRAFT,
    )
    Tag.objects.create(name="earthquake", name_zh="地震")  # a case takes tags that exist
    Tag.objects.create(name="Weibo", name_zh="微博")
    data = campaign_form_data(
        campaign, sources=[source.pk], tags="earthquake, Weibo", figures=[figure_row(source)]
    )

    response = admin_client.post(reverse("admin:campaigns_campaign_add"), data)

    assert response.status_code == 302, response.context["errors"]
    saved = Campaign.objects.get(slug="yaan")
    assert saved.figures.get().source == source
    assert sorted(saved.tags.names()) == ["Weibo", "earthquake"]


def test_campaign_ending_before_it_starts_is_refused_with_a_message(admin_client, campaign):
    data = campaign_form_data(campaign, end_date="2019-01-01")

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["end_date"] == [
        "The end date is before the start date."
    ]


def test_figure_with_a_unit_of_another_kind_is_refused_with_a_message(admin_client, campaign):
    data = campaign_form_data(
        campaign, figures=[figure_row(campaign.sources.get(), unit="people", kind="money")]
    )

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    figure_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert figure_form.errors["unit"] == ["Money needs a currency unit (CNY or USD)."]
    assert not Figure.objects.exists()


# --------------------------------------------------------------------------- images


@pytest.mark.parametrize("model", [Organisation, Platform])
def test_logo_that_is_a_real_image_is_accepted(admin_client, model):
    data = {"name": "Kwai", "slug": "kwai", "kind": "community", "logo": png_upload()}
    data.update(formset_data("evidence"))  # the description's evidence, none yet
    if model is Platform:
        data["kind"] = "short_video"

    response = admin_client.post(reverse(f"admin:campaigns_{model._meta.model_name}_add"), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    logo = model.objects.get(slug="kwai").logo
    with Image.open(logo.path) as image:
        assert image.format == "PNG"


@pytest.mark.parametrize("model", [Organisation, Platform])
def test_text_file_named_like_a_picture_is_refused_as_a_logo(admin_client, model):
    data = {"name": "Kwai", "slug": "kwai", "kind": "community", "logo": text_renamed_png()}
    data.update(formset_data("evidence"))
    if model is Platform:
        data["kind"] = "short_video"

    response = admin_client.post(reverse(f"admin:campaigns_{model._meta.model_name}_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"] == [NOT_AN_IMAGE]
    assert NOT_AN_IMAGE in response.content.decode()
    assert not model.objects.filter(slug="kwai").exists()


def test_logo_over_the_size_limit_is_refused_with_both_sizes(admin_client, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    content = noisy_png_bytes()
    assert len(content) > 1000
    data = {"name": "Kwai", "slug": "kwai", "kind": "company", "logo": png_upload(content=content)}

    response = admin_client.post(reverse("admin:campaigns_organisation_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"] == [
        f"The image is {filesizeformat(len(content))}; the limit is {filesizeformat(1000)}."
    ]
    assert not Organisation.objects.filter(slug="kwai").exists()


def test_campaign_image_uploaded_on_the_campaign_page_is_saved(admin_client, campaign):
    data = campaign_form_data(campaign, images=[image_row(png_upload("apples.png"))])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 302, response.context["errors"]
    image = campaign.images.get()
    assert image.alt_text == "Farmers filming apples"
    assert image.image.name.endswith(".png")
    assert admin_client.get(change_url(campaign)).content.decode().count(image.image.url) == 2


def test_campaign_image_that_is_not_an_image_is_refused_on_the_campaign_page(
    admin_client, campaign
):
    data = campaign_form_data(campaign, images=[image_row(text_renamed_png("apples.png"))])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    image_form = inline_formset(response, "images").forms[0]
    assert image_form.errors["image"] == [NOT_AN_IMAGE]
    assert not CampaignImage.objects.exists()


def test_campaign_image_over_the_size_limit_is_refused_on_the_campaign_page(
    admin_client, campaign, settings
):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000
    content = noisy_png_bytes()
    data = campaign_form_data(campaign, images=[image_row(png_upload("a.png", content))])

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    image_form = inline_formset(response, "images").forms[0]
    assert image_form.errors["image"] == [
        f"The image is {filesizeformat(len(content))}; the limit is {filesizeformat(1000)}."
    ]
    assert not CampaignImage.objects.exists()


def test_campaign_whose_stored_image_file_is_missing_can_still_be_saved(admin_client, campaign):
    stored = CampaignImage.objects.create(
        campaign=campaign, image="campaigns/2020/lost.png", alt_text="A lost picture"
    )
    data = campaign_form_data(campaign, summary="A shorter summary.")
    data.update(
        formset_data(
            "images",
            [
                {
                    "id": stored.pk,
                    "campaign": campaign.pk,
                    "alt_text": "A lost picture",
                    "caption": "",
                    "credit": "",
                    "order": "0",
                }
            ],
            initial=1,
        )
    )

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 302, response.context["errors"]
    campaign.refresh_from_db()
    assert campaign.summary == "A shorter summary."


# --------------------------------------------------------------------------- figures


def test_figure_list_shows_value_unit_qualifier_subject_and_source(admin_client, campaign, weibo):
    factories.FigureFactory(
        campaign=campaign, label="Videos published", value="2234", stated_as="2,234 videos"
    )
    sector_source = factories.SourceFactory(title="CNNIC statistics")
    factories.FigureFactory(
        campaign=None,
        platform=weibo,
        source=sector_source,
        label="Monthly users",
        value="5.36",
        unit="percent",
        kind="percentage",
        qualifier="about",
        stated_as="about 5.36%",
    )

    response = admin_client.get(changelist_url(Figure), {"o": "1"})

    assert response.status_code == 200
    assert column(response, "label") == ["Monthly users", "Videos published"]
    assert column(response, "value_display") == ["5.36", "2,234"]
    assert column(response, "unit_code") == ["percent", "videos"]
    assert column(response, "qualifier") == ["about", "exactly"]
    assert column(response, "subject") == ["Sina Weibo", "Wesee agricultural assistance"]
    assert column(response, "source") == ["CNNIC statistics", "Short video for good"]
    assert filter_titles(response) == [
        "kind",
        "unit",
        "qualifier",
        "kind of caveat",
        "campaign status",
    ]


def test_figure_list_filters_by_the_status_of_the_campaign(admin_client, campaign, source):
    draft = factories.CampaignFactory(status=Status.DRAFT, sources=[source])
    factories.FigureFactory(campaign=draft, label="Draft figure")
    factories.FigureFactory(campaign=campaign, label="Public figure")

    response = admin_client.get(changelist_url(Figure), {"campaign_status": "draft"})

    assert column(response, "label") == ["Draft figure"]


def test_figure_about_the_whole_sector_is_listed_as_about_the_sector(admin_client, source):
    factories.FigureFactory(campaign=None, source=source, label="Internet users in China")

    response = admin_client.get(changelist_url(Figure))

    assert column(response, "subject") == ["the sector"]


def test_figure_citing_a_source_its_campaign_lacks_is_refused_on_the_figure_page(
    admin_client, figure
):
    outside_source = factories.SourceFactory(title="Weibo charity report")
    data = {
        "label": figure.label,
        "label_zh": "",
        "stated_as": figure.stated_as,
        "source": outside_source.pk,
        "key": figure.key,
        "campaign": figure.campaign.pk,
        "value": "2234",
        "unit": "videos",
        "kind": "count",
        "qualifier": "exactly",
        "period": "",
        "as_of": "",
        "as_of_precision": "day",
        "order": "0",
    }

    response = admin_client.post(change_url(figure), data)

    assert response.status_code == 200
    assert "add it to the campaign first" in response.context["adminform"].form.errors["source"][0]
    figure.refresh_from_db()
    assert figure.source != outside_source


# --------------------------------------------------------------------------- other lists


def test_source_list_shows_publication_date_as_known_and_number_of_figures(admin_client, figure):
    factories.SourceFactory(
        title="Weibo charity report",
        published_on=datetime.date(2013, 4, 1),
        published_precision="month",
    )

    response = admin_client.get(changelist_url(Source), {"o": "1"})

    assert column(response, "title") == ["Short video for good", "Weibo charity report"]
    assert column(response, "published") == ["5 March 2020", "April 2013"]
    assert column(response, "figure_count") == ["1", "0"]


def test_organisation_and_platform_lists_count_their_campaigns(admin_client, campaign):
    tencent = Organisation.objects.get(slug="tencent")
    factories.ParticipationFactory(campaign=campaign, organisation=tencent, role="organiser")
    factories.ParticipationFactory(campaign=campaign, organisation=tencent, role="funder")

    organisations = admin_client.get(changelist_url(Organisation), {"q": "腾讯"})
    platforms = admin_client.get(changelist_url(Platform), {"q": "微视"})

    assert column(organisations, "name") == ["Tencent"]
    assert column(organisations, "campaign_count") == ["1"]
    assert column(platforms, "name") == ["Tencent Wesee"]
    assert column(platforms, "operator") == ["Tencent"]
    assert column(platforms, "campaign_count") == ["1"]


def test_participant_list_shows_who_played_which_part_in_which_campaign(admin_client, campaign):
    tencent = Organisation.objects.get(slug="tencent")
    factories.ParticipationFactory(
        campaign=campaign, organisation=tencent, role="funder", note="gave the prizes"
    )

    response = admin_client.get(changelist_url(Participation), {"q": "tencent"})

    assert column(response, "organisation") == ["Tencent"]
    assert column(response, "role") == ["Funder"]
    assert column(response, "campaign") == ["Wesee agricultural assistance"]
    assert column(response, "note") == ["gave the prizes"]


# --------------------------------------------------------------------------- query counts


def build_big_campaign(rows):
    """A campaign with ``rows`` each of platforms, sources, tags, figures, participants,
    evidence and images."""
    sources = factories.SourceFactory.create_batch(rows)
    campaign = factories.CampaignFactory(
        platforms=factories.PlatformFactory.create_batch(rows),
        sources=sources,
        tags=[f"tag {number}" for number in range(rows)],
    )
    for number, source in enumerate(sources):
        factories.FigureFactory(campaign=campaign, source=source)
        participation = factories.ParticipationFactory(campaign=campaign)
        Evidence.objects.create(
            campaign=campaign,
            field=EvidencedText.NOTE,
            participation=participation,
            source=source,
            quote=f"The source's words {number}",
        )
        CampaignImage.objects.create(
            campaign=campaign,
            image=png_upload(f"picture-{number}.png"),
            alt_text=f"Picture {number}",
        )
    return campaign


# Every page: the session, the signed-in user, then its own queries.
# A list: rows matching, rows in all, the page of rows.
# The campaign list adds: platforms and tags of the page, the year filter's years, the
# platform filter's platforms and two for the date hierarchy (its range, then its dates).
# The campaign page: the campaign with its platforms and tags, the chosen sources, the tags
# being edited, figures with their sources, participants with organisations, evidence with
# its sources and the participants' menu, images, the campaign's content type, the chosen
# platforms and sources again to label the autocompletes.
# The figure page: the figure with everything it names, its content type.
# The figure list adds the unit filter's units, read from their table (4 when units were a fixed
# list of codes).
LIST_PAGES = [
    (Campaign, 10),
    (Figure, 5),
    (Source, 4),
    (Organisation, 4),
    (Platform, 5),
    (Participation, 4),
    (Tag, 5),
]
"""The queries of each list page. Platforms and tags are few and count their whole table
("3 results (3 total)"); the large lists leave that second count out."""


@pytest.mark.parametrize("rows", [3, 30])
def test_image_list_shows_previews_in_the_same_number_of_queries_at_any_size(
    admin_client, django_assert_num_queries, rows
):
    campaign = build_big_campaign(rows)

    with django_assert_num_queries(5):
        response = admin_client.get(changelist_url(CampaignImage))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('alt="" style="max-height: 4em"') == rows
    assert "Picture 0" in page
    assert campaign.title in page


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize(("model", "queries"), LIST_PAGES, ids=lambda v: getattr(v, "__name__", v))
def test_every_list_page_runs_the_same_number_of_queries_at_any_size(
    admin_client, django_assert_num_queries, model, queries, rows
):
    factories.build_varied_catalogue(rows)
    ContentType.objects.clear_cache()

    with django_assert_num_queries(queries):
        response = admin_client.get(changelist_url(model))

    assert response.status_code == 200
    assert f"{model.objects.count()} " in response.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_campaign_list_with_filter_counts_runs_the_same_number_of_queries_at_any_size(
    admin_client, django_assert_num_queries, rows
):
    factories.build_varied_catalogue(rows)

    # Django builds the list's filters again to count each one's choices: eight filters, each
    # with its platforms, years and one counting query, on top of the ten of the list. (31
    # before the format filter: its counting query, and the platforms and years once more.)
    with django_assert_num_queries(34):
        response = admin_client.get(changelist_url(Campaign), {"_facets": "True"})

    assert response.status_code == 200
    assert f"Published ({rows})" in response.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_campaign_search_runs_the_same_number_of_queries_at_any_size(
    admin_client, django_assert_num_queries, rows
):
    factories.build_varied_catalogue(rows)

    with django_assert_num_queries(10):
        response = admin_client.get(changelist_url(Campaign), {"q": "common"})

    assert response.status_code == 200
    assert len(column(response, "title")) == rows


@pytest.mark.parametrize("rows", [3, 30])
def test_campaign_page_runs_the_same_number_of_queries_however_many_figures_it_has(
    admin_client, django_assert_num_queries, rows
):
    campaign = build_big_campaign(rows)
    ContentType.objects.clear_cache()
    units()  # the units menu's table, read once per catalogue version (test_units.py)

    # One more than when units were a fixed list: the catalogue's version, which says whether
    # the units kept in the process are the table's.
    with django_assert_num_queries(17):
        response = admin_client.get(change_url(campaign))

    assert response.status_code == 200
    forms = [formset.formset.forms for formset in response.context["inline_admin_formsets"]]
    assert [len(inline) for inline in forms] == [rows, rows, rows, rows]


@pytest.mark.parametrize("rows", [3, 30])
def test_figure_page_runs_the_same_number_of_queries_at_any_size(
    admin_client, django_assert_num_queries, rows
):
    factories.build_varied_catalogue(rows)
    figure = Figure.objects.filter(campaign__isnull=False).last()
    ContentType.objects.clear_cache()
    units()  # the units menu's table, read once per catalogue version (test_units.py)

    # One more than when units were a fixed list: the catalogue's version (as on the case's).
    with django_assert_num_queries(5):
        response = admin_client.get(change_url(figure))

    assert response.status_code == 200
    assert contains_html(
        response.content.decode(),
        f'<option value="{figure.source.pk}" selected>{figure.source}</option>',
    )
