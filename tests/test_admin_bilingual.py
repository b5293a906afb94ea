"""The admin for curators who write both languages: English and Chinese fields side by side
with room for sentences in both, a source's kind of title, and the admin in the curator's
language at the same addresses."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from campaigns.models import Source, Tag, TitleKind
from tests.pages import campaign_form_data, change_url, form_data

pytestmark = pytest.mark.django_db


def form_controls(page, name_pattern):
    """The ``<input>`` and ``<textarea>`` tags whose name matches ``name_pattern``, by name."""
    tags = re.findall(r"<(?:input|textarea)\b[^>]*>", page)
    return {
        re.search(r'name="([^"]*)"', tag)[1]: tag
        for tag in tags
        if re.search(rf'name="{name_pattern}"', tag)
    }


# --------------------------------------------------------------------------- side by side


def test_the_chinese_summary_is_a_text_area_on_the_line_of_the_english_one(admin_client, campaign):
    response = admin_client.get(change_url(campaign))

    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="form-row field-summary field-summary_zh"' in page
    assert 'class="form-row field-description field-description_zh"' in page
    assert 'class="form-row field-title field-title_zh"' in page
    summary_zh = form_controls(page, "summary_zh")["summary_zh"]
    assert summary_zh.startswith("<textarea") and 'lang="zh-Hans"' in summary_zh


def test_every_chinese_field_of_a_case_and_its_figures_is_marked_as_chinese(admin_client, figure):
    page = admin_client.get(change_url(figure.campaign)).content.decode()

    chinese = form_controls(page, r"[\w-]*_zh")
    assert {"title_zh", "summary_zh", "figures-0-label_zh", "figures-0-caveat_zh"} <= set(chinese)
    assert [name for name, tag in chinese.items() if 'lang="zh-Hans"' not in tag] == []
    english = form_controls(page, r"(title|summary|figures-0-label)")
    assert [name for name, tag in english.items() if "lang=" in tag] == []


def test_sentences_get_a_text_area_in_both_languages(admin_client, figure):
    page = admin_client.get(change_url(figure.campaign)).content.decode()

    controls = form_controls(page, r"(withdrawal_reason|figures-0-caveat)(_zh)?")
    assert len(controls) == 4
    assert all(tag.startswith("<textarea") for tag in controls.values())


def test_the_admin_stylesheet_sets_a_line_with_a_chinese_field_in_two_columns(admin_client):
    page = admin_client.get(reverse("admin:campaigns_tag_add")).content.decode()
    stylesheet = (settings.BASE_DIR / "static" / "css" / "admin.css").read_text()

    assert "css/admin.css" in page
    assert re.search(r'\.form-multiline:has\(\[lang="zh-Hans"\]\) \{ display: grid;', stylesheet)
    assert 'class="form-row field-name field-name_zh"' in page


# --------------------------------------------------------------------------- sources


def test_the_source_form_asks_whether_the_title_is_the_documents_own(admin_client, source):
    opened = admin_client.get(change_url(source))
    assert opened.status_code == 200
    assert 'name="title_kind"' in opened.content.decode()
    data = form_data(opened)
    data["title_kind"] = TitleKind.DESCRIPTION

    response = admin_client.post(change_url(source), data)

    assert response.status_code == 302
    source = Source.objects.get(pk=source.pk)
    assert source.title_kind == TitleKind.DESCRIPTION


# --------------------------------------------------------------------------- language


def test_the_admin_answers_in_chinese_to_a_browser_that_asks_for_chinese(admin_client):
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")

    assert response.status_code == 200
    assert response["Content-Language"] == "zh-hans"
    page = response.content.decode()
    assert "编辑审核" in page and "注销" in page  # our title and Django's "Log out"
    assert '<html lang="zh-hans"' in page


def test_the_admin_stays_english_for_an_english_browser(admin_client):
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response["Content-Language"] == "en"
    assert "Curation" in response.content.decode()


def test_the_curators_choice_outweighs_the_browsers_language(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"

    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="en")

    assert response["Content-Language"] == "zh-hans"


def test_switching_the_admin_to_chinese_keeps_the_page_and_its_address(admin_client, campaign):
    url = change_url(campaign)
    page = admin_client.get(url).content.decode()
    assert 'name="language" value="zh-hans"' in page

    response = admin_client.post(reverse("set_language"), {"language": "zh-hans", "next": url})

    assert response.status_code == 302 and response["Location"] == url
    again = admin_client.get(url)
    assert again["Content-Language"] == "zh-hans"
    assert "中文摘要" in again.content.decode()  # the label of the Chinese summary
    assert 'name="language" value="en"' in again.content.decode()


def test_the_sign_in_page_answers_in_the_browsers_language(client):
    response = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE="zh-hans")

    assert response.status_code == 200
    assert response["Content-Language"] == "zh-hans"


def test_the_public_sites_english_address_stays_english_for_a_chinese_browser(client):
    response = client.get(reverse("campaigns:about"), HTTP_ACCEPT_LANGUAGE="zh-CN")

    assert response["Content-Language"] == "en"


# --------------------------------------------------------------------------- tags


def test_a_case_is_tagged_with_tags_that_exist_whatever_their_capitals(admin_client, campaign):
    Tag.objects.create(name="earthquake", name_zh="地震")
    data = campaign_form_data(campaign, tags="Earthquake")

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 302
    assert list(campaign.tags.values_list("name_zh", flat=True)) == ["地震"]


def test_a_tag_that_does_not_exist_is_refused_with_where_to_add_it(admin_client, campaign):
    Tag.objects.create(name="earthquake", name_zh="地震")
    data = campaign_form_data(campaign, tags="earthquake, rural e-commerce, live commerce")

    response = admin_client.post(change_url(campaign), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["tags"] == [
        "“live commerce”, “rural e-commerce” are not tags yet. Add them under Tags with their "
        "Chinese names, then tag the case with them."
    ]
    assert not Tag.objects.filter(name="live commerce").exists()
    assert list(campaign.tags.names()) == ["agriculture"]


def test_a_new_tag_needs_its_chinese_name(admin_client):
    response = admin_client.post(
        reverse("admin:campaigns_tag_add"), {"name": "rural e-commerce", "slug": "rural-e-commerce"}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["name_zh"] == [
        "A tag needs its Chinese name: the Chinese pages show it."
    ]
    assert not Tag.objects.exists()


def test_a_new_tag_with_its_chinese_name_is_added(admin_client):
    data = {"name": "rural e-commerce", "name_zh": "农村电商", "slug": "rural-e-commerce"}

    response = admin_client.post(reverse("admin:campaigns_tag_add"), data)

    assert response.status_code == 302
    assert Tag.objects.get().name_zh == "农村电商"


def tag_suggestions(client, words):
    return client.get(reverse("admin:campaigns_campaign_tag_suggestions"), {"q": words})


def test_tags_are_suggested_by_their_english_or_chinese_names(editor):
    Tag.objects.create(name="earthquake", name_zh="地震")
    Tag.objects.create(name="Earth Day", name_zh="世界地球日")
    Tag.objects.create(name="agriculture", name_zh="农业")

    by_english, by_chinese = tag_suggestions(editor, "EARTH"), tag_suggestions(editor, "地震")

    assert by_english.status_code == 200
    assert [tag["name"] for tag in by_english.json()["tags"]] == ["Earth Day", "earthquake"]
    assert by_chinese.json()["tags"] == [{"name": "earthquake", "name_zh": "地震"}]
    assert tag_suggestions(editor, "  ").json() == {"tags": []}


def test_tag_suggestions_are_for_curators_who_may_see_tags(staff, client):
    assert tag_suggestions(staff, "earth").status_code == 403
    staff.logout()
    assert tag_suggestions(client, "earth").status_code == 302  # to the sign-in page


def test_tag_suggestions_answer_only_reads(editor):
    response = editor.post(reverse("admin:campaigns_campaign_tag_suggestions"), {"q": "earth"})

    assert response.status_code == 405


def test_the_case_forms_tags_field_asks_for_suggestions(admin_client, campaign):
    page = admin_client.get(change_url(campaign)).content.decode()

    tags = form_controls(page, "tags")["tags"]
    suggestions = reverse("admin:campaigns_campaign_tag_suggestions")
    assert f'data-suggestions="{suggestions}"' in tags
    assert "js/tag_suggestions.js" in page
