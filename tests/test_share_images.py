"""A case's share image: a 1200×630 PNG of its title, headline figure and platforms in the
page's language, drawn with the CJK font the project ships, cached by what it draws."""

import io
import re

import pytest
from django.utils import translation
from PIL import Image

from campaigns import share_images
from campaigns.models import Campaign, Status
from campaigns.share_images import ShareCard, draw, fitted, has_glyph, share_card
from tests import factories
from tests.pages import contains_html, page, text

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
URL = "/campaigns/yaan-earthquake/share.png"


def png(response):
    """The image a response holds, after checking it is a complete, valid PNG."""
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(PNG_SIGNATURE)
    Image.open(io.BytesIO(response.content)).verify()
    return Image.open(io.BytesIO(response.content))


def card(**fields):
    values = {
        "title": "Weibo fundraising",
        "figure": "over 110 million CNY",
        "figure_label": "Donations raised",
        "platforms": ("Sina Weibo",),
        "site_name": "Social Media for Social Good",
        "language": "en",
    }
    return ShareCard(**{**values, **fields})


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_a_case_has_a_share_image_of_1200_by_630_in_each_language(client, yaan_case, prefix):
    image = png(client.get(prefix + URL))

    assert image.format == "PNG"
    assert image.size == (1200, 630)


def test_the_share_image_changes_when_the_title_changes(client, yaan_case):
    before = client.get(URL)

    Campaign.objects.filter(pk=yaan_case.pk).update(title="Weibo appeal after the quake")
    after = client.get(URL)

    assert png(after).size == (1200, 630)
    assert after.content != before.content
    assert after["ETag"] != before["ETag"]


def test_the_english_and_chinese_share_images_differ(client, yaan_case):
    assert client.get(URL).content != client.get("/zh-hans" + URL).content


def test_a_reader_with_the_current_image_is_answered_304(client, yaan_case):
    first = client.get(URL)

    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert "max-age=3600" in first["Cache-Control"] and "public" in first["Cache-Control"]


def test_an_image_is_drawn_once_and_an_edit_elsewhere_does_not_draw_it_again(
    client, yaan_case, monkeypatch
):
    drawn = []
    monkeypatch.setattr(share_images, "draw", lambda card: drawn.append(card) or b"png")

    client.get(URL)
    factories.CampaignFactory(slug="another-case", title="Another case")  # a new version
    client.get(URL)

    assert len(drawn) == 1


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN])
def test_a_case_that_is_not_public_has_no_share_image(client, yaan_case, status):
    Campaign.objects.filter(pk=yaan_case.pk).update(status=status)

    assert client.get(URL).status_code == 404
    assert client.get("/zh-hans" + URL).status_code == 404


def test_an_address_that_never_held_a_case_has_no_share_image(client, db):
    assert client.get("/campaigns/no-such-case/share.png").status_code == 404


def test_the_shipped_font_draws_the_chinese_titles_of_the_seed_catalogue():
    for char in "雅安地震新浪微博募捐快手助农，。（）“”《》·—…0123456789%¥":
        assert has_glyph(char), char
    assert not has_glyph("\ue000")  # private use: a box, as any missing character is


def test_a_chinese_title_is_drawn_in_cjk_glyphs_not_boxes():
    chinese = draw(card(title="雅安地震", language="zh-hans"))
    boxes = draw(card(title="\ue000\ue001\ue002\ue003", language="zh-hans"))

    assert chinese != boxes


def test_a_title_with_a_character_the_font_lacks_is_drawn_in_english(client, yaan_case):
    Campaign.objects.filter(pk=yaan_case.pk).update(title_zh="雅安\U0002070e募捐")

    campaign = Campaign.objects.for_share_image().get(pk=yaan_case.pk)
    with translation.override("zh-hans"):
        assert share_card(campaign).title == "Weibo fundraising after the Ya'an earthquake"
    assert png(client.get("/zh-hans" + URL)).size == (1200, 630)


def test_a_long_title_shrinks_then_wraps_into_three_lines_ending_in_an_ellipsis():
    face, lines = fitted("word " * 80, share_images.BOLD, range(64, 39, -4), 1056, 3)

    assert face.size == 40
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert all(face.getlength(line) <= 1056 for line in lines)


def test_a_long_chinese_title_breaks_between_characters_but_not_before_punctuation():
    face, lines = fitted("快手助农，" * 40, share_images.BOLD, [40], 1056, 3)

    assert len(lines) == 3
    assert not any(line.startswith("，") for line in lines)
    assert all(face.getlength(line) <= 1056 for line in lines)


def test_a_case_with_no_figure_or_platform_still_has_an_image(client, db):
    factories.CampaignFactory(slug="bare-case", title="A case with nothing to show yet")

    assert png(client.get("/campaigns/bare-case/share.png")).size == (1200, 630)


def test_the_case_page_offers_the_share_image_to_link_previews(client, yaan_case):
    html = client.get("/zh-hans/campaigns/yaan-earthquake/").content.decode()

    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert re.fullmatch(
        r"http://testserver/zh-hans/campaigns/yaan-earthquake/share\.png\?v=[0-9a-f]{12}", image
    )
    assert contains_html(html, '<meta property="og:image:width" content="1200">')
    assert contains_html(html, '<meta property="og:image:height" content="630">')
    assert '<meta property="og:image:alt" content="雅安地震微博募捐 — ' in html
    assert contains_html(html, '<meta name="twitter:card" content="summary_large_image">')
    assert contains_html(html, f'<meta name="twitter:image" content="{image}">')
    assert png(client.get(image.removeprefix("http://testserver"))).size == (1200, 630)


def test_a_preview_of_a_draft_offers_no_share_image(admin_client, draft_case):
    html = page(admin_client, "/campaigns/unchecked-draft/")

    assert "Draft — not public" in text(html)
    assert "Unchecked draft about earthquake relief" in text(html)
    assert "share.png" not in html


def test_every_chinese_text_of_the_seed_catalogue_is_drawn_in_chinese(seed_catalogue):
    with translation.override("zh-hans"):
        for campaign in Campaign.objects.public().for_share_image():
            drawn = share_card(campaign)

            assert drawn.title == (campaign.title_zh or campaign.title), campaign.slug
            assert drawn.site_name == "社交媒体公益案例库"
            assert list(drawn.platforms) == [
                platform.name_zh or platform.name for platform in campaign.platforms.all()
            ]
            if campaign.figure_list:
                figure = campaign.figure_list[0]
                assert drawn.figure_label == (figure.label_zh or figure.label), campaign.slug
