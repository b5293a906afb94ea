"""Every public figure has a page of its own to link to and cite: what it states, the source's
words, when it was true, what it is about, its measure's other statements and "Cite this
figure" (the figure from its primary source, the catalogue as the secondary one)."""

import datetime

import pytest

from campaigns.models import Figure, Status
from campaigns.units import units
from tests import factories
from tests.pages import page

pytestmark = pytest.mark.django_db

DONATIONS = "/figures/yaan-donations/"


def test_a_figure_page_says_what_when_about_what_and_from_where(client, yaan_case, today):
    today(datetime.date(2026, 6, 1))
    html = page(client, DONATIONS)

    assert "<h1>Donations raised</h1>" in html
    assert "over 110 million CNY" in html
    assert "“over 110 million RMB”" in html  # the source's own words
    assert "within 72 hours" in html
    assert "as of April 2013 — 13 years ago" in html
    assert f'<a href="{yaan_case.get_absolute_url()}">' in html
    assert 'href="/sources/gates-2013-power-of-social-media-china/"' in html or "Gates" in html


def test_a_figure_page_is_in_chinese_on_chinese_pages(client, yaan_case, today):
    today(datetime.date(2026, 6, 1))
    html = page(client, "/zh-hans" + DONATIONS)

    assert "<h1>募集善款</h1>" in html
    assert "超过1.1亿元" in html
    assert "引用此数据" in html


def test_a_conversions_address_leads_to_its_figure(client, yaan_case):
    factories.FigureFactory(
        key="yaan-donations-usd",
        campaign=yaan_case,
        source=yaan_case.sources.first(),
        unit="USD",
        value=18000000,
        stated_as="more than 18 million US dollars",
        conversion_of=Figure.objects.get(key="yaan-donations"),
    )
    response = client.get("/figures/yaan-donations-usd/")

    assert response.status_code == 302
    assert response["Location"] == DONATIONS
    assert "(18 million USD)" in page(client, DONATIONS)


def test_a_figure_readers_may_not_see_is_not_found(client, yaan_case):
    draft = factories.CampaignFactory(slug="a-draft", status=Status.DRAFT)
    factories.FigureFactory(key="drafts-figure", campaign=draft)

    for address in ("/figures/drafts-figure/", "/figures/no-such-figure/"):
        page(client, address, status=404)  # the site's "not found" page
    assert client.get("/figures/drafts-figure/cite.ris").status_code == 404


def test_a_figure_page_lists_its_measures_statements_marking_this_one(client, seed_catalogue):
    html = page(client, "/figures/china-short-video-users/")

    assert "Every statement of this measure" in html
    assert "Sources differ." in html
    assert (
        '<li aria-current="true"><a class="nowrap" href="/figures/china-short-video-users/">'
        "857 million users</a>" in html
    )
    assert '<a class="nowrap" href="/figures/china-mobile-internet-users/">847 million' in html


def test_cite_this_figure_names_its_source_first_and_the_catalogue_as_secondary(client, yaan_case):
    html = page(client, DONATIONS)
    cite = html[html.index('id="cite"') :]

    apa = cite[cite.index('id="cite-apa"') :]
    apa = apa[: apa.index("</p>")]
    assert apa.index("The Power of Social Media") < apa.index("As cited in Social Media for")
    assert "Donations raised: over 110 million CNY [Version of" in apa
    assert "http://testserver/figures/yaan-donations/" in apa
    assert (
        "转引自: Social Media for Social Good. Donations raised: over 110 million CNY[DB/OL]"
        in (cite)
    )
    assert 'href="/figures/yaan-donations/cite.ris"' in cite


def test_the_citation_files_hold_the_source_then_the_figure(client, yaan_case):
    ris = client.get("/figures/yaan-donations/cite.ris")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert 'filename="figure-yaan-donations.ris"' in ris["Content-Disposition"]
    records = ris.content.decode().split("ER  - \r\n")
    assert [record.split("\r\n")[0] for record in records[:2]] == ["TY  - NEWS", "TY  - DATA"]
    assert "TI  - Donations raised: over 110 million CNY" in records[1]
    assert "N1  - Version of " in records[1] and "; Stated in: " in records[1]
    assert "The Power of Social Media" in records[1]

    bib = client.get("/figures/yaan-donations/cite.bib").content.decode()
    assert bib.count("@misc{") == 2
    assert bib.index("@misc{gates-") < bib.index("@misc{socialgood-figure-yaan-donations,")


def test_the_figures_table_and_the_case_page_link_to_each_figures_page(client, yaan_case):
    assert f'<a href="{DONATIONS}">Donations raised' in page(client, "/figures/")
    assert f'<a class="figure-link" href="{DONATIONS}">over 110 million CNY</a>' in page(
        client, yaan_case.get_absolute_url()
    )


def test_a_figure_page_runs_a_fixed_number_of_queries(
    client, seed_catalogue, django_assert_num_queries
):
    # The catalogue's version, the figure with its subject and source, the measure's first
    # figure with its source, its conversions, its other statements, and theirs. (The units
    # are read once per catalogue version: test_units.py.)
    units()
    with django_assert_num_queries(6):
        page(client, "/figures/china-mobile-internet-users/")
