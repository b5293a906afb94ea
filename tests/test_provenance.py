"""Where a source comes from: a document the catalogue knows only through another's reference
list says so wherever it is cited — the "stated as" line, the references, its citations and the
figure downloads."""

import csv
import io

import pytest

from tests.pages import page

pytestmark = pytest.mark.django_db

ECNS = "ecns-2020-county-magistrates-xigua-live-broadcast"
CASE = "/campaigns/song-xiaoying-apple-live-stream/"


def test_a_figures_stated_as_line_names_the_source_it_was_found_through(client, seed_catalogue):
    html = page(client, CASE)
    assert "stated as “nearly 550,000 CNY”; as reported in CGPI (2020), ref. [12];" in html

    chinese = page(client, "/zh-hans" + CASE)
    assert "转引自CGPI (2020)参考文献[12]" in chinese


def test_the_references_say_so_and_whose_english_title_it_is(client, seed_catalogue):
    html = page(client, CASE)
    reference = html[html.index('id="ref-1"') :]
    reference = reference[: reference.index("</li>")]
    assert (
        '<span class="known-through">As reported in CGPI (2020), ref. [12] '
        "(the English title is the one CGPI (2020) gives).</span>" in reference
    )


def test_a_sources_citations_carry_the_chain(client, seed_catalogue):
    html = page(client, f"/sources/{ECNS}/")
    apa = html[html.index('id="cite-apa"') :]
    assert "As reported in CGPI (2020), reference [12]" in apa[: apa.index("</p>")]

    ris = client.get(f"/sources/{ECNS}/cite.ris").content.decode()
    assert "N1  - As reported in CGPI (2020), reference [12]; original title not recorded" in ris
    bib = client.get(f"/sources/{ECNS}/cite.bib").content.decode()
    assert "note = {As reported in CGPI (2020), reference [12]" in bib

    first_hand = client.get("/sources/cgpi-2020-communication-for-social-good-pandemic/cite.ris")
    assert "N1  -" not in first_hand.content.decode()


def test_the_figure_download_names_the_citing_source_and_the_reference(client, seed_catalogue):
    download = client.get("/figures/export.csv")
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    rows = {row["key"]: row for row in csv.DictReader(io.StringIO(text))}
    turnover = rows["song-xiaoying-turnover-cny"]
    assert turnover["source_cited_by"] == "cgpi-2020-communication-for-social-good-pandemic"
    assert turnover["source_reference_number"] == "12"
    yaan = rows["yaan-weibo-donations-cny"]
    assert (yaan["source_cited_by"], yaan["source_reference_number"]) == ("", "")


def test_a_source_with_no_address_says_so_in_both_languages(client, seed_catalogue):
    source = "/sources/gates-2013-power-of-social-media-china/"
    assert "No address recorded" in page(client, source)
    assert "没有记录网址" in page(client, "/zh-hans" + source)
