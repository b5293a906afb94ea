"""
How a case, a figure and a source document are cited.

"Cite this case" gives APA, GB/T 7714-2015 and BibTeX, and RIS and BibTeX files; "Cite this
source" gives the same for a document a figure cites. A case is cited as the version the
reader sees (dated by when it last changed, not by today), so a cached page and its
citation agree. How a case page describes itself to machines is ``page_meta.py``.
"""

import dataclasses
import datetime
import re
from urllib.parse import quote

from django.utils import timezone
from django.utils.translation import override

from .display import SITE_NAME, figure_text, in_page_language, is_chinese
from .models import DatePrecision, Language, SourceKind, partial_iso_date

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text):
    """A value on one line, as a RIS tag and a BibTeX field hold it: every run of whitespace
    and line breaks (CR, LF, NEL, U+2028 …) one space, other control characters dropped, so
    no value can start a line of its own (``ER  -``, ``@misc{``)."""
    return CONTROL_CHARACTERS.sub("", " ".join(str(text).split()))


def bibtex_escape(text):
    """Text safe inside a BibTeX field: on one line, braces dropped, TeX's other special
    characters escaped.

    Braces are dropped rather than escaped because BibTeX counts even an escaped brace, so a
    lone one in a title would leave the entry unbalanced.
    """
    specials = {
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        "\\": r"\textbackslash{}",
    }
    text = one_line(text).replace("{", "").replace("}", "")
    return re.sub(r"[&%$#_~^\\]", lambda match: specials[match.group()], text)


ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
"""Month names for the APA citation, which is English whichever language the page is in."""


def citations(campaign, url):
    """What "Cite this case" needs: APA's parts, GB/T 7714 and a BibTeX entry for the version
    the reader sees, dated by when the case last changed (not by today: a page is the same
    until the case changes, and a citation should name that version).

    APA is an English style, so the citation (catalogue name, dates, title) is English on the
    Chinese pages too; only the page around it is translated. GB/T 7714 is in the page's
    language (the Chinese title and catalogue name on Chinese pages).
    """
    updated = timezone.localtime(campaign.updated_at).date()
    with override("en"):
        publisher = str(SITE_NAME)
    bibtex = "\n".join(
        [
            f"@misc{{socialgood-{campaign.slug},",
            f"  author = {{{{{bibtex_escape(publisher)}}}}},",
            f"  title = {{{{{bibtex_escape(campaign.title)}}}}},",
            f"  year = {{{updated.year}}},",
            f"  howpublished = {{\\url{{{escaped_url(url)}}}}},",
            f"  url = {{{escaped_url(url)}}},",
            f"  month = {{{updated.month}}},",
            f"  urldate = {{{updated.isoformat()}}},",
            f"  note = {{Version of {updated.isoformat()}}}",
            "}",
        ]
    )
    return {
        "publisher": publisher,
        "updated": f"{updated.year}, {ENGLISH_MONTHS[updated.month - 1]} {updated.day}",
        "version": updated.isoformat(),
        "url": url,
        "bibtex": bibtex,
        "gbt": gbt7714(campaign_citable(campaign, url)),
    }


# --------------------------------------------------------------------------- styles


@dataclasses.dataclass(frozen=True)
class Citable:
    """A document as the citation styles need it, whether a case of ours or a source.

    ``published`` is known to ``precision``; ``updated`` is when the online text last changed
    (a case's version) and ``cited`` the date it is cited as seen ([引用日期], RIS ``Y2``,
    BibTeX ``urldate``). ``title`` is in the document's own language; ``translated_title``
    is an English one beside it, if any.
    """

    key: str
    kind: str
    author: str
    title: str
    publisher: str = ""
    published: datetime.date | None = None
    precision: str = DatePrecision.DAY
    updated: datetime.date | None = None
    cited: datetime.date | None = None
    url: str = ""
    language: str = "en"
    translated_title: str = ""
    website: str = ""
    note: str = ""
    """What else a reader of the citation should know (a figure's primary source)."""

    @property
    def is_ours(self):
        """Whether the catalogue published it: cited as a version, dated when it last changed."""
        return self.kind in OUR_KINDS


OUR_KINDS = ("case", "figure")
"""The kinds of document the catalogue itself publishes: a case and a figure's record."""


RIS_TYPES = {
    "case": "ELEC",
    "figure": "DATA",
    SourceKind.BLOG_POST: "BLOG",
    SourceKind.NEWS_ARTICLE: "NEWS",
    SourceKind.REPORT: "RPRT",
    SourceKind.BOOK: "BOOK",
    SourceKind.STATISTICS: "DATA",
    SourceKind.PRESS_RELEASE: "PRESS",
    SourceKind.WEB_PAGE: "ELEC",
}
"""RIS reference types (the RIS specification's TY codes) by the kind of document."""

GBT_TYPES = {
    "case": "EB",
    "figure": "DB",
    SourceKind.BLOG_POST: "EB",
    SourceKind.NEWS_ARTICLE: "N",
    SourceKind.REPORT: "R",
    SourceKind.BOOK: "M",
    SourceKind.STATISTICS: "DB",
    SourceKind.PRESS_RELEASE: "EB",
    SourceKind.WEB_PAGE: "EB",
}
"""GB/T 7714-2015 document type codes (its appendix B), by the kind of document; "/OL"
follows for a document read online."""


def campaign_citable(campaign, url):
    """A case as the version the reader sees, in the page's language: our catalogue is its
    author and publisher, and it is cited as of when it last changed."""
    chinese = is_chinese() and bool(campaign.title_zh)
    return our_citable(
        campaign,
        url,
        key=f"socialgood-{campaign.slug}",
        kind="case",
        title=campaign.title_zh if chinese else campaign.title,
        translated_title=campaign.title if chinese else "",
    )


def our_citable(row, url, **described):
    """A document of our catalogue (a case, a figure's record) as the version the reader sees:
    by us, published by us, dated and cited as of when ``row`` last changed, in the page's
    language; ``described``: its key, kind, title and what else it has."""
    updated = timezone.localtime(row.updated_at).date()
    return Citable(
        author=str(SITE_NAME),
        publisher=str(SITE_NAME),
        published=updated,
        precision=DatePrecision.DAY,
        updated=updated,
        cited=updated,
        url=url,
        language="zh" if is_chinese() else "en",
        website=str(SITE_NAME),
        **described,
    )


def source_citable(source):
    """A source document as itself: its original title (the Chinese one for a document in
    Chinese), its author, publisher and date. It is cited as of when the catalogue last
    recorded it, which keeps its citation the same until the record changes."""
    original_is_chinese = source.language == Language.CHINESE and bool(source.title_zh)
    note = ""
    if source.cited_by_id:
        cited_by = source.cited_by
        note = f"As reported in {cited_by.short_name}, reference [{source.reference_number}]"
        if source.title_rendered_by_citing:
            note += (
                f"; original title not recorded, English title as {cited_by.short_name} gives it"
            )
    return Citable(
        key=source.slug,
        kind=source.kind,
        author=source.author,
        title=source.title_zh if original_is_chinese else source.title_display,
        translated_title=source.title if original_is_chinese else "",
        publisher=source.publisher,
        published=source.published_on,
        precision=source.published_precision,
        cited=timezone.localtime(source.updated_at).date() if source.url else None,
        url=source.url,
        language=source.language if source.language in Language.values else "",
        note=note,
    )


def apa(document):
    """An APA (7th edition) reference in plain text: Author. (Date). Title [Translation].
    Publisher. URL. With no author the title takes its place; a case adds its version."""
    title = document.title
    if document.translated_title:
        title += f" [{document.translated_title}]"
    if document.is_ours:
        title += f" [Version of {document.updated.isoformat()}]"
    date = apa_date(document.published, document.precision)
    parts = (
        [f"{document.author}. ({date}).", f"{title}."]
        if document.author
        else [
            f"{title}.",
            f"({date}).",
        ]
    )
    if document.publisher and document.publisher != document.author:
        parts.append(f"{document.publisher}.")
    if document.url:
        parts.append(document.url)
    if document.note and not document.is_ours:  # a source known through another
        parts.append(f"{document.note}.")
    return " ".join(parts)


def apa_date(value, precision):
    """APA's date: (2013, April 20), (2013, April), (2013), or (n.d.) when unknown."""
    if value is None:
        return "n.d."
    if precision == DatePrecision.YEAR:
        return f"{value.year}"
    if precision == DatePrecision.MONTH:
        return f"{value.year}, {ENGLISH_MONTHS[value.month - 1]}"
    return f"{value.year}, {ENGLISH_MONTHS[value.month - 1]} {value.day}"


def gbt7714(document):
    """A GB/T 7714-2015 reference (its section 8 and the examples of electronic resources):

    主要责任者. 题名[文献类型标识/OL]. 出版者, 出版年(更新或修改日期)[引用日期]. 获取和访问路径.

    Punctuation is the standard's own (". ", ", ", half-width, whatever the language); a
    part that is not known is left out with its punctuation; with no publisher, the date
    stands in brackets on its own: (2012-01-16)[2013-03-26].
    """
    online = "/OL" if document.url else ""
    parts = []
    if document.author:
        parts.append(f"{document.author}.")
    parts.append(f"{document.title}[{GBT_TYPES.get(document.kind, 'EB')}{online}].")
    date = partial_iso_date(document.published, document.precision)
    updated = document.updated.isoformat() if document.updated else None
    if document.publisher and document.published:
        finer = date if document.precision != DatePrecision.YEAR and date != updated else None
        when = f"{document.published.year}" + "".join(f"({day})" for day in (finer, updated) if day)
        publication = f"{document.publisher}, {when}"
    elif document.publisher:
        publication = document.publisher
    else:
        publication = f"({updated or date})" if (updated or date) else ""
    if document.cited:
        publication += f"[{document.cited.isoformat()}]"
    if publication:
        parts.append(f"{publication}.")
    if document.url:
        parts.append(f"{document.url}.")
    return " ".join(parts)


def bibtex(document):
    """A BibTeX ``@misc`` entry: names and titles double-braced (kept as written, not parsed
    as personal names or recased), TeX's special characters escaped (``bibtex_escape``)."""
    fields = [("author", f"{{{bibtex_escape(document.author)}}}" if document.author else "")]
    fields.append(("title", f"{{{bibtex_escape(document.title)}}}"))
    if document.translated_title:
        fields.append(("titleaddon", f"[{bibtex_escape(document.translated_title)}]"))
    fields.append(("publisher", bibtex_escape(document.publisher)))
    if document.published:
        fields.append(("year", str(document.published.year)))
        if document.precision != DatePrecision.YEAR:
            fields.append(("month", str(document.published.month)))
    if document.url:
        url = escaped_url(document.url)
        fields += [("howpublished", f"\\url{{{url}}}"), ("url", url)]
    if document.cited:
        fields.append(("urldate", document.cited.isoformat()))
    fields.append(("language", {"en": "english", "zh": "chinese"}.get(document.language, "")))
    if document.is_ours or document.note:
        fields.append(("note", bibtex_escape(citation_note(document))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{document.key},\n{body}\n}}"


def escaped_url(url):
    """An address safe inside a BibTeX field and on a RIS line: the characters that would end
    the field or start a TeX command (braces, backslash), spaces, line breaks and whatever is
    not ASCII percent-encoded, as a browser would send them, so an address can never add a
    field or a line of its own (``x},note={…``, ``x\\r\\nER  -``)."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def ris(document):
    """A RIS record (the RIS format's two-letter tags, ``TY`` first and ``ER`` last, each line
    ``XX  - value`` ended by CR LF): type, author, title, website or translated title, dates,
    publisher, address, access date and language."""
    date = document.published
    lines = [("TY", RIS_TYPES.get(document.kind, "GEN"))]
    if document.author:
        lines.append(("AU", document.author))
    lines.append(("TI", document.title))
    if document.website:
        lines.append(("T2", document.website))
    if document.translated_title:
        lines.append(("TT", document.translated_title))
    if date:
        lines.append(("PY", f"{date.year:04d}"))
        if document.precision == DatePrecision.DAY:
            lines.append(("DA", f"{date.year:04d}/{date.month:02d}/{date.day:02d}"))
        elif document.precision == DatePrecision.MONTH:
            lines.append(("DA", f"{date.year:04d}/{date.month:02d}/"))
    if document.publisher:
        lines.append(("PB", document.publisher))
    if document.url:
        lines.append(("UR", escaped_url(document.url)))
    if document.cited:
        lines.append(("Y2", document.cited.strftime("%Y/%m/%d")))
    if document.language:
        lines.append(("LA", document.language))
    if document.is_ours or document.note:
        lines.append(("N1", citation_note(document)))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines)


def citation_note(document):
    """The note a citation file carries: our document's version, and what else to know."""
    version = f"Version of {document.updated.isoformat()}" if document.is_ours else ""
    return "; ".join(part for part in (version, document.note) if part)


def source_citations(source):
    """What "Cite this source" shows: the document in APA, GB/T 7714 and BibTeX."""
    document = source_citable(source)
    return {"apa": apa(document), "gbt": gbt7714(document), "bibtex": bibtex(document)}


# --------------------------------------------------------------------------- figures


def figure_citable(figure, url):
    """A figure's record in the catalogue as the version the reader sees, in the page's
    language: "Donations raised: over 110 million CNY", by our catalogue, cited as of when the
    record last changed, noting the source that states it."""
    label = in_page_language(figure, "label")[0]
    return our_citable(
        figure,
        url,
        key=f"socialgood-figure-{figure.key}",
        kind="figure",
        title=f"{label}: {figure_text(figure)}",
        note=f"Stated in: {apa(source_citable(figure.source))}",
    )


def figure_citations(figure, url):
    """What "Cite this figure" shows: the figure from its primary source, the document that
    states it, with the catalogue's record as the secondary source it was found in, in APA
    ("as cited in"), GB/T 7714 (转引自) and BibTeX (the source's entry, then the record's).
    APA, BibTeX and RIS are English whatever the page's language, as a case's are; GB/T 7714
    is in the page's."""
    primary = source_citable(figure.source)
    with override("en"):
        record = figure_citable(figure, url)
    secondary = dataclasses.replace(figure_citable(figure, url), note="")
    return {
        "apa": f"{apa(primary)} As cited in {apa(dataclasses.replace(record, note=''))}",
        "gbt": f"{gbt7714(primary)} 转引自: {gbt7714(secondary)}",
        "bibtex": f"{bibtex(primary)}\n\n{bibtex(record)}",
        "ris": ris(primary) + ris(record),
    }
