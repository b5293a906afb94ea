"""Citing a case and the documents behind it: APA, GB/T 7714-2015, BibTeX and RIS, on the pages
and as files, checked against what each format's specification asks for."""

import datetime
import re

import pytest

from campaigns.citations import apa, bibtex, gbt7714, ris, source_citable
from campaigns.models import Campaign, DatePrecision, Language, Source, SourceKind, Status
from tests import factories
from tests.pages import contains_html, page, text

pytestmark = pytest.mark.django_db

CHANGED = datetime.datetime(2024, 3, 5, 12, 0, tzinfo=datetime.UTC)
RECORDED = datetime.datetime(2024, 6, 1, 9, 0, tzinfo=datetime.UTC)

RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")
"""A RIS line: a two-character tag, two spaces, a hyphen and a space, then the value."""


@pytest.fixture
def cited_case(yaan_case):
    """The Ya'an case, last changed on 5 March 2024, and its source recorded on 1 June 2024."""
    Campaign.objects.filter(pk=yaan_case.pk).update(updated_at=CHANGED)
    Source.objects.filter(slug="gates-2013").update(updated_at=RECORDED)
    return yaan_case


def ris_tags(text):
    """A RIS record as (tag, value) pairs, after checking every line is a RIS line ended by
    CR LF."""
    assert text.endswith("\r\n")
    lines = text[:-2].split("\r\n")
    for line in lines:
        assert RIS_LINE.match(line), line
    return [(line[:2], line[6:]) for line in lines]


def bibtex_fields(entry):
    """A BibTeX entry's type, key and fields, after checking its braces balance."""
    depth = 0
    for char in entry:
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0, entry
    assert depth == 0, entry
    head = re.match(r"@(\w+)\{([^,\s]+),\n", entry)
    assert head, entry
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.MULTILINE))
    return head.group(1), head.group(2), fields


def download(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response


# --------------------------------------------------------------------------- RIS


def test_the_ris_file_of_a_case_is_an_electronic_source_with_its_tags_in_order(client, cited_case):
    response = download(client, "/campaigns/yaan-earthquake/cite.ris")

    tags = ris_tags(response.content.decode())
    assert tags[0] == ("TY", "ELEC")
    assert tags[-1] == ("ER", "")
    assert tags[1:-1] == [
        ("AU", "Social Media for Social Good"),
        ("TI", "Weibo fundraising after the Ya'an earthquake"),
        ("T2", "Social Media for Social Good"),
        ("PY", "2024"),
        ("DA", "2024/03/05"),
        ("PB", "Social Media for Social Good"),
        ("UR", "http://testserver/campaigns/yaan-earthquake/"),
        ("Y2", "2024/03/05"),
        ("LA", "en"),
        ("N1", "Version of 2024-03-05"),
    ]
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="yaan-earthquake.ris"'


def test_the_chinese_ris_file_of_a_case_has_its_chinese_title_and_the_english_as_translation(
    client, cited_case
):
    tags = dict(ris_tags(download(client, "/zh-hans/campaigns/yaan-earthquake/cite.ris").text))

    assert tags["TI"] == "雅安地震微博募捐"
    assert tags["TT"] == "Weibo fundraising after the Ya'an earthquake"
    assert tags["AU"] == "社交媒体公益案例库"
    assert tags["UR"] == "http://testserver/zh-hans/campaigns/yaan-earthquake/"
    assert tags["LA"] == "zh"


@pytest.mark.parametrize(
    ("kind", "ris_type"),
    [
        (SourceKind.BLOG_POST, "BLOG"),
        (SourceKind.NEWS_ARTICLE, "NEWS"),
        (SourceKind.REPORT, "RPRT"),
        (SourceKind.BOOK, "BOOK"),
        (SourceKind.STATISTICS, "DATA"),
        (SourceKind.PRESS_RELEASE, "PRESS"),
        (SourceKind.WEB_PAGE, "ELEC"),
    ],
)
def test_a_source_is_given_the_ris_type_of_its_kind(kind, ris_type):
    source = factories.SourceFactory.build(kind=kind, updated_at=RECORDED)

    assert ris_tags(ris(source_citable(source)))[0] == ("TY", ris_type)


def test_the_ris_file_of_a_source_dates_it_as_precisely_as_known(client, cited_case):
    Source.objects.filter(slug="gates-2013").update(
        published_on=datetime.date(2013, 5, 1), published_precision=DatePrecision.MONTH
    )

    tags = ris_tags(download(client, "/sources/gates-2013/cite.ris").text)

    assert tags == [
        ("TY", "NEWS"),
        ("AU", "Jane Writer"),
        ("TI", "The Power of Social Media: New Case Studies From China"),
        ("PY", "2013"),
        ("DA", "2013/05/"),
        ("PB", "Bill & Melinda Gates Foundation"),
        ("UR", "https://www.example.org/power-of-social-media"),
        ("Y2", tags[7][1]),
        ("LA", "en"),
        ("ER", ""),
    ]
    assert re.fullmatch(r"\d{4}/\d\d/\d\d", tags[7][1])


def test_a_ris_value_stays_on_one_line():
    source = factories.SourceFactory.build(
        title="A title\nwritten on\r\ntwo lines", url="", updated_at=RECORDED
    )

    tags = ris_tags(ris(source_citable(source)))

    assert ("TI", "A title written on two lines") in tags
    assert "Y2" not in dict(tags)  # a document not read online has no access date


# --------------------------------------------------------------------------- BibTeX


def test_the_bibtex_file_of_a_case_is_the_entry_its_page_shows(client, cited_case):
    response = download(client, "/campaigns/yaan-earthquake/cite.bib")

    kind, key, fields = bibtex_fields(response.content.decode())
    assert (kind, key) == ("misc", "socialgood-yaan-earthquake")
    assert fields["title"] == "{Weibo fundraising after the Ya'an earthquake}"
    assert fields["urldate"] == "2024-03-05"
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="yaan-earthquake.bib"'
    page = client.get("/campaigns/yaan-earthquake/").content.decode()
    assert response.content.decode().strip().replace("'", "&#x27;") in page


def test_the_bibtex_entry_of_a_source_escapes_tex_and_balances_its_braces():
    source = factories.SourceFactory.build(
        slug="tex-source",
        title="100% of {braced} $3 for #1 & a_b",
        author="Writer & Co.",
        publisher="News_Org",
        published_on=datetime.date(2020, 3, 5),
        url="https://example.org/a_b",
        updated_at=RECORDED,
    )

    kind, key, fields = bibtex_fields(bibtex(source_citable(source)))

    assert (kind, key) == ("misc", "tex-source")
    assert fields == {
        "author": "{Writer \\& Co.}",
        "title": "{100\\% of braced \\$3 for \\#1 \\& a\\_b}",
        "publisher": "News\\_Org",
        "year": "2020",
        "month": "3",
        "howpublished": "\\url{https://example.org/a_b}",
        "url": "https://example.org/a_b",
        "urldate": "2024-06-01",
        "language": "english",
    }


# --------------------------------------------------------------------------- GB/T 7714


def test_a_case_is_cited_in_gb_t_7714_in_the_order_and_punctuation_of_the_standard(
    client, cited_case
):
    english = client.get("/campaigns/yaan-earthquake/").content.decode()
    chinese = client.get("/zh-hans/campaigns/yaan-earthquake/").content.decode()

    # 主要责任者. 题名[EB/OL]. 出版者, 出版年(更新或修改日期)[引用日期]. 获取和访问路径.
    assert (
        "Social Media for Social Good. Weibo fundraising after the Ya&#x27;an earthquake[EB/OL]."
        " Social Media for Social Good, 2024(2024-03-05)[2024-03-05]."
        " http://testserver/campaigns/yaan-earthquake/.</p>"
    ) in english
    assert (
        "社交媒体公益案例库. 雅安地震微博募捐[EB/OL]. 社交媒体公益案例库, 2024(2024-03-05)"
        "[2024-03-05]. http://testserver/zh-hans/campaigns/yaan-earthquake/.</p>"
    ) in chinese


def test_chinese_pages_give_gb_t_7714_first_and_english_pages_apa_first(client, cited_case):
    english = client.get("/campaigns/yaan-earthquake/").content.decode()
    chinese = client.get("/zh-hans/campaigns/yaan-earthquake/").content.decode()

    assert english.index('id="cite-apa"') < english.index('id="cite-gbt"')
    assert chinese.index('id="cite-gbt"') < chinese.index('id="cite-apa"')
    assert chinese.index('id="cite-gbt"') < chinese.index('id="cite-bibtex"')


def test_a_source_is_cited_in_gb_t_7714_with_its_type_publisher_dates_and_address():
    source = factories.SourceFactory.build(
        title="Weibo and disaster relief",
        author="Li Ping",
        publisher="Guangming Online",
        published_on=datetime.date(2020, 3, 5),
        kind=SourceKind.NEWS_ARTICLE,
        url="https://example.org/relief",
        updated_at=RECORDED,
    )

    assert gbt7714(source_citable(source)) == (
        "Li Ping. Weibo and disaster relief[N/OL]. Guangming Online, 2020(2020-03-05)"
        "[2024-06-01]. https://example.org/relief."
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"author": "", "publisher": "", "kind": SourceKind.REPORT},
            "Weibo and disaster relief[R/OL]. (2020-03-05)[2024-06-01]. https://example.org/r.",
        ),
        (
            {"url": "", "kind": SourceKind.BOOK, "published_precision": DatePrecision.YEAR},
            "Li Ping. Weibo and disaster relief[M]. Guangming Online, 2020.",
        ),
        (
            {
                "language": Language.CHINESE,
                "title_zh": "微博与救灾",
                "kind": SourceKind.STATISTICS,
                "published_on": None,
            },
            "Li Ping. 微博与救灾[DB/OL]. Guangming Online[2024-06-01]. https://example.org/r.",
        ),
    ],
    ids=["no author or publisher", "a book in print", "a Chinese document with no date"],
)
def test_gb_t_7714_leaves_out_what_is_not_known_with_its_punctuation(fields, expected):
    values = {
        "title": "Weibo and disaster relief",
        "author": "Li Ping",
        "publisher": "Guangming Online",
        "published_on": datetime.date(2020, 3, 5),
        "url": "https://example.org/r",
        "updated_at": RECORDED,
    }
    source = factories.SourceFactory.build(**{**values, **fields})

    assert gbt7714(source_citable(source)) == expected


# --------------------------------------------------------------------------- APA of a source


def test_a_source_in_chinese_is_cited_in_apa_by_its_chinese_title_with_the_english_after():
    source = factories.SourceFactory.build(
        title="Kwai's rural plans",
        title_zh="快手乡村计划",
        language=Language.CHINESE,
        author="Wang Xinxi",
        publisher="Sohu",
        published_on=datetime.date(2020, 4, 1),
        published_precision=DatePrecision.MONTH,
        url="https://example.org/kwai",
        updated_at=RECORDED,
    )

    assert apa(source_citable(source)) == (
        "Wang Xinxi. (2020, April). 快手乡村计划 [Kwai's rural plans]. Sohu. https://example.org/kwai"
    )


def test_a_source_with_no_author_or_date_is_cited_in_apa_by_its_title_and_n_d():
    source = factories.SourceFactory.build(
        title="Statistics of charity", author="", published_on=None, url="", updated_at=RECORDED
    )

    assert apa(source_citable(source)) == "Statistics of charity. (n.d.). Example Publisher."


# --------------------------------------------------------------------------- pages and files


def test_the_source_page_cites_the_document_and_offers_its_files(client, cited_case):
    for prefix in ("", "/zh-hans"):
        html = client.get(f"{prefix}/sources/gates-2013/").content.decode()

        assert (
            "Jane Writer. (2013, May 13). The Power of Social Media: New Case Studies From China."
            " Bill &amp; Melinda Gates Foundation. https://www.example.org/power-of-social-media"
        ) in html
        assert "Jane Writer. The Power of Social Media: New Case Studies From China[N/OL]." in html
        assert f'href="{prefix}/sources/gates-2013/cite.ris" download' in html
        assert f'href="{prefix}/sources/gates-2013/cite.bib" download' in html


def test_each_reference_on_a_case_page_links_to_the_citation_of_its_source(client, cited_case):
    html = client.get("/campaigns/yaan-earthquake/").content.decode()

    assert contains_html(
        html, '<a class="source-link" href="/sources/gates-2013/#cite">Cite this source</a>'
    )


def test_the_citation_files_of_a_source_are_named_after_it(client, cited_case):
    response = download(client, "/zh-hans/sources/gates-2013/cite.bib")

    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="gates-2013.bib"'
    assert bibtex_fields(response.text)[1] == "gates-2013"


def test_copy_buttons_are_hidden_until_the_script_shows_them(client, cited_case):
    html = client.get("/campaigns/yaan-earthquake/").content.decode()

    buttons = re.findall(r"<button [^>]*data-copy=\"([^\"]+)\"[^>]*>", html)
    assert buttons == ["cite-apa", "cite-gbt", "cite-bibtex"]
    assert all(" hidden" in button for button in re.findall(r"<button [^>]*>", html)[-3:])
    assert contains_html(html, '<script src="/static/js/copy.js" defer></script>')
    assert 'id="copy-status" role="status" data-copied="Copied"' in html


@pytest.mark.parametrize("status", [Status.DRAFT, Status.IN_REVIEW, Status.WITHDRAWN])
def test_a_case_that_is_not_public_has_no_citation_files(client, cited_case, status):
    Campaign.objects.filter(pk=cited_case.pk).update(status=status)

    for url in (
        "/campaigns/yaan-earthquake/cite.ris",
        "/zh-hans/campaigns/yaan-earthquake/cite.bib",
    ):
        download(client, url, status=404)


def test_a_source_that_is_not_public_or_not_known_has_no_citation_files(client, draft_case):
    download(client, "/sources/draft-only-source/cite.ris", status=404)
    download(client, "/sources/no-such-source/cite.bib", status=404)
    download(client, "/campaigns/no-such-case/cite.ris", status=404)


def test_an_address_cannot_add_a_field_to_a_sources_bibtex(client, db):
    source = factories.SourceFactory(
        slug="injected", url="https://example.org/x},note={INJECTED", title="A report"
    )
    factories.CampaignFactory(sources=[source])

    entry = client.get("/sources/injected/cite.bib").content.decode()

    assert "note = {INJECTED" not in entry and "note={INJECTED" not in entry
    assert "url = {https://example.org/x%7D,note=%7BINJECTED}" in entry
    assert entry.count("{") == entry.count("}")


def test_a_source_with_no_address_says_none_was_recorded_in_both_languages(client, yaan_case):
    source = yaan_case.sources.get()
    type(source).objects.filter(pk=source.pk).update(url="")

    assert "Link No address recorded" in text(page(client, source.get_absolute_url()))
    assert "没有记录网址" in text(page(client, f"/zh-hans{source.get_absolute_url()}"))
    references = page(client, "/campaigns/yaan-earthquake/")
    assert contains_html(references, '<span class="muted">No address recorded.</span>')


# --------------------------------------------------------------------------- hostile values

HOSTILE = {
    "title": "A report\r\nER  - \r\nTY  - JOUR\r\nTI  - Injected title\n@misc{evil,\n",
    "author": "Writer\nAU  - Injected Author\n  note = {INJECTED},",
    "publisher": "Press\u2028PB  - Injected\x85Y2  - 1999/01/01\x07\x1b",  # no NUL: PostgreSQL
    "url": "https://example.org/x\r\nER  - \r\nTY  - GEN},note={INJECTED",
}
"""A source's fields with line breaks of every kind, RIS tags and BibTeX fields in them."""

CALM = {
    "title": "A report",
    "author": "Writer",
    "publisher": "Press",
    "url": "https://example.org/x",
}


def ris_lines(text):
    """Every line of a RIS file, split wherever any reader might break a line (CR, LF, NEL,
    U+2028 …), checked to be a RIS line: (tag, value) pairs."""
    lines = text.splitlines()
    for line in lines:
        assert RIS_LINE.match(line), line
    return [(line[:2], line[6:]) for line in lines]


def bibtex_lines(entry):
    """A BibTeX entry checked line by line (wherever any reader might break a line): its
    first line opens it, its last closes it, every other is one field; the fields' names."""
    lines = entry.strip().splitlines()
    assert re.fullmatch(r"@misc\{[\w-]+,", lines[0]), lines[0]
    assert lines[-1] == "}"
    for line in lines[1:-1]:
        assert re.fullmatch(r"  \w+ = \{.*\},?", line), line
    assert entry.count("@") == 1 + "".join(lines[1:-1]).count("@")
    return [line.split(" = ")[0].strip() for line in lines[1:-1]]


@pytest.fixture
def hostile_source(db):
    source = factories.SourceFactory(slug="hostile", **HOSTILE)
    factories.SourceFactory(slug="calm", **CALM)
    factories.CampaignFactory(sources=[source])
    factories.CampaignFactory(sources=[Source.objects.get(slug="calm")])
    return source


def test_no_value_of_a_source_adds_a_record_a_tag_or_a_line_to_its_ris_file(client, hostile_source):
    hostile = ris_lines(download(client, "/sources/hostile/cite.ris").content.decode())
    calm = ris_lines(download(client, "/sources/calm/cite.ris").content.decode())

    assert [tag for tag, _ in hostile] == [tag for tag, _ in calm]
    assert [tag for tag, _ in hostile].count("ER") == 1
    values = dict(hostile)
    assert values["TI"] == "A report ER - TY - JOUR TI - Injected title @misc{evil,"
    assert values["AU"] == "Writer AU - Injected Author note = {INJECTED},"
    assert values["PB"] == "Press PB - Injected Y2 - 1999/01/01"
    assert values["UR"] == (
        "https://example.org/x%0D%0AER%20%20-%20%0D%0ATY%20%20-%20GEN%7D,note=%7BINJECTED"
    )


def test_no_value_of_a_source_adds_an_entry_or_a_field_to_its_bibtex_file(client, hostile_source):
    hostile = download(client, "/sources/hostile/cite.bib").content.decode()
    calm = download(client, "/sources/calm/cite.bib").content.decode()

    assert bibtex_lines(hostile) == bibtex_lines(calm)
    kind, key, fields = bibtex_fields(hostile)
    assert (kind, key) == ("misc", "hostile")
    assert fields["title"] == "{A report ER - TY - JOUR TI - Injected title @miscevil,}"
    assert fields["author"] == "{Writer AU - Injected Author note = INJECTED,}"
    assert fields["publisher"] == "Press PB - Injected Y2 - 1999/01/01"


def test_no_title_of_a_case_adds_a_record_or_an_entry_to_its_citation_files(client, db):
    factories.CampaignFactory(slug="hostile-case", title=HOSTILE["title"])
    factories.CampaignFactory(slug="calm-case", title=CALM["title"])

    ris_hostile = ris_lines(download(client, "/campaigns/hostile-case/cite.ris").content.decode())
    ris_calm = ris_lines(download(client, "/campaigns/calm-case/cite.ris").content.decode())
    bib_hostile = download(client, "/campaigns/hostile-case/cite.bib").content.decode()
    bib_calm = download(client, "/campaigns/calm-case/cite.bib").content.decode()

    assert [tag for tag, _ in ris_hostile] == [tag for tag, _ in ris_calm]
    assert dict(ris_hostile)["TI"] == "A report ER - TY - JOUR TI - Injected title @misc{evil,"
    assert bibtex_lines(bib_hostile) == bibtex_lines(bib_calm)
    assert bibtex_fields(bib_hostile)[2]["title"] == (
        "{A report ER - TY - JOUR TI - Injected title @miscevil,}"
    )


def test_control_characters_are_dropped_from_ris_and_bibtex_values():
    source = factories.SourceFactory.build(
        slug="controls", title="A\x00 title\x1b[2J\x7f", url="", updated_at=RECORDED
    )

    assert ("TI", "A title[2J") in ris_lines(ris(source_citable(source)))
    assert bibtex_fields(bibtex(source_citable(source)))[2]["title"] == "{A title[2J}"
