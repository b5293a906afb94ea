"""
The catalogue's open records, defined once: what a case study and a figure are in the downloads
(CSV and JSON), in the API and in the codebook at /data/.

Each record is one ordered table of fields. A field has a name, a description (the codebook's,
and the API schema's), the type the API declares and one value function reading it from a row.
The downloads write the value by its type (``downloads.py``); the API's schemas are made from
the same table (``api_schema``), so the API and the downloads cannot drift apart. A few fields
are written differently in each: a case's platforms and tags are slugs in a download and
objects (slug and names) in the API; some exist in one only (a download's flat
``campaign_title``, the API's ``page_url``), and say so.

A download reads what its rows' cases list (platforms, participants, tags, evidence) a chunk of
rows at a time, as plain values (``record_lists.py``); the fields that write them read them
from the chunk's ``RowContext`` (``listed``).
"""

import copy
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field as SchemaField
from ninja import Schema

from .display import division_name, json_number
from .evidence_records import EvidenceOut
from .models import (
    Approach,
    Cause,
    CaveatKind,
    DatePrecision,
    DivisionLevel,
    FigureKind,
    Format,
    Outcome,
    Qualifier,
    Role,
    Scope,
    dates,
    format_codes,
)

DOWNLOAD, API = "download", "api"
"""Where a field is written."""

JSON_DOWNLOAD = "json-download"
"""Where a field of nested objects is written that a CSV cell cannot hold: the JSON download
only (the API writes it in the item's detail)."""


class RowContext:
    """What a field needs besides its row: how a path on this site becomes an address, and
    what the cases of the chunk of rows being written list (``lists``, a
    ``record_lists.Lists``, set by ``downloads.row_chunks``)."""

    def __init__(self, absolute):
        self.absolute = absolute
        self.lists = None
        self._campaign_url_parts = None

    @classmethod
    def for_request(cls, request):
        """Addresses on the host the request came to."""
        return cls(request.build_absolute_uri)

    @classmethod
    def for_files(cls, base_url):
        """Addresses for files on disk: the site's paths after ``base_url`` (may be empty)."""
        base_url = base_url.rstrip("/")
        return cls(lambda path: f"{base_url}{path}")

    def campaign_url(self, campaign):
        """The absolute address of a campaign's page (reversed once per download)."""
        if self._campaign_url_parts is None:
            url = self.absolute(reverse("campaigns:campaign_detail", args=["SLUG"]))
            self._campaign_url_parts = url.rsplit("SLUG", 1)
        before, after = self._campaign_url_parts
        return f"{before}{campaign.slug}{after}"

    def with_lists(self, lists):
        """This context for the rows of one chunk, with what they list."""
        chunk = copy.copy(self)
        chunk.lists = lists
        return chunk


@dataclass(frozen=True)
class Field:
    """One field of a record."""

    name: str
    description: str
    type: Any
    """What the API declares (None: not in the API)."""
    value: Callable[[Any, Any], Any] | None = None
    """The value read from a row (and a ``RowContext``); None: the row's attribute of that name."""
    api: Callable[[Any], Any] | None = None
    """How the API reads it, when not as the download does (its richer objects)."""
    api_description: str | None = None
    """The API's description, when its value differs from the download's."""
    formats: frozenset = frozenset({DOWNLOAD, API})

    def read(self, row, context=None):
        """The field's value for ``row``."""
        if self.value is None:
            return getattr(row, self.name)
        return self.value(row, context)

    def reading(self):
        """What ``read`` does, as one function of a row and a context: for a download to
        resolve once rather than for every row."""
        if self.value is not None:
            return self.value
        name = self.name
        return lambda row, context: getattr(row, name)


def download_fields(record, json=False):
    """The fields a download of ``record`` holds, in order (``json``: the JSON download's,
    which adds fields of nested objects)."""
    return [
        field
        for field in record
        if DOWNLOAD in field.formats or (json and JSON_DOWNLOAD in field.formats)
    ]


# --------------------------------------------------------------------------- related rows


class PlatformRef(Schema):
    """A platform named in another item."""

    slug: str = SchemaField(..., description="The platform's identifier.")
    name: str = SchemaField(..., description="Its name in English.")
    name_zh: str = SchemaField(..., description="Its name in Chinese, or an empty string.")


class TagRef(Schema):
    """A tag on a campaign."""

    slug: str = SchemaField(
        ..., description="The tag's identifier, as the campaigns' tag filter takes it."
    )
    name: str = SchemaField(..., description="Its name in English.")
    name_zh: str = SchemaField(..., description="Its name in Chinese, or an empty string.")


class ParticipantOut(Schema):
    """An organisation's part in a campaign (read from a participation)."""

    organisation: str = SchemaField(..., description="The organisation's slug.")
    name: str = SchemaField(..., description="Its name in English.")
    name_zh: str = SchemaField(..., description="Its name in Chinese, or an empty string.")
    role: Role = SchemaField(..., description="The part it played: a role code.")
    note: str = SchemaField(..., description="A note on its part, or an empty string.")
    note_zh: str = SchemaField(..., description="The note in Chinese, or an empty string.")
    assumed: bool = SchemaField(
        ..., description="True when the sources do not state this part: it is our inference."
    )

    @staticmethod
    def resolve_organisation(participation):
        return participation.organisation.slug

    @staticmethod
    def resolve_name(participation):
        return participation.organisation.name

    @staticmethod
    def resolve_name_zh(participation):
        return participation.organisation.name_zh


def page_url(item, context):
    """The absolute address of an item's page on the site (the API's ``page_url``)."""
    return context["request"].build_absolute_uri(item.get_absolute_url())


# --------------------------------------------------------------------------- values


def campaign_tags(campaign):
    """A campaign's tags: from the links ``for_api()`` fetched, else its tags."""
    links = getattr(campaign, "tag_links", None)
    return [link.tag for link in links] if links is not None else list(campaign.tags.all())


def listed(name):
    """A value reading the list ``name`` (of ``record_lists.Lists``) of the row's case, by
    its id."""

    def value(row, context):
        return getattr(context.lists, name).get(row.pk, [])

    return value


def when_dated(date, precision):
    """A date's precision, or nothing when the date is unknown."""
    return precision if date else None


def of_campaign(figure, value):
    """``value(campaign)`` for a figure's campaign, or nothing for a figure about none."""
    return value(figure.campaign) if figure.campaign else None


def division_names(campaign, chinese):
    """The names of a campaign's division and those it lies in, or nothing for none."""
    return division_name(campaign.division, chinese) if campaign.division_id else ""


def only(*formats):
    return frozenset(formats)


def label_field(name, description):
    """A download's ``<name>_label``: the name of a coded field's value, in the language of
    the page the download was taken from, as ``get_<name>_display()`` gives it. The names
    are looked up in each language's table of them, made once per process: Django's method
    makes its table again for every row (two thirds of a download's time)."""
    labels = {}  # {language: {code: name}}

    def label(row, context):
        language = translation.get_language()
        names = labels.get(language)
        if names is None:
            field = type(row)._meta.get_field(name)
            names = labels[language] = {code: str(text) for code, text in field.flatchoices}
        value = getattr(row, name)
        return names.get(value, value)

    return Field(f"{name}_label", description, None, label, formats=only(DOWNLOAD))


# --------------------------------------------------------------------------- case studies

CAMPAIGN = [
    Field("slug", _("The case study's stable identifier."), str),
    Field("title", _("Its title in English."), str),
    Field("title_zh", _("Its title in Chinese, when it has one."), str),
    Field("summary", _("One or two sentences, in the catalogue's own words."), str),
    Field("summary_zh", _("The summary in Chinese, when it has been written."), str),
    Field(
        "start_date",
        _("When it started, YYYY-MM-DD; read with start_precision."),
        datetime.date | None,
    ),
    Field(
        "start_precision",
        _("How much of the start date is known: year, month or day (see date precisions)."),
        DatePrecision | None,
        lambda c, x: when_dated(c.start_date, c.start_precision),
    ),
    Field(
        "end_date",
        _("When it ended, YYYY-MM-DD; empty when ongoing or unknown."),
        datetime.date | None,
    ),
    Field(
        "end_precision",
        _("How much of the end date is known: year, month or day."),
        DatePrecision | None,
        lambda c, x: when_dated(c.end_date, c.end_precision),
    ),
    Field("location", _("Where it took place, in words."), str),
    Field("location_zh", _("The place in Chinese, when known."), str),
    Field(
        "country",
        _("The country, as an ISO 3166-1 alpha-2 code (CN, GB, US …)."),
        str,
        lambda c, x: c.country.code or "",
    ),
    Field(
        "division_code",
        _(
            "For a case in China: the most precise administrative division its sources name, "
            "by its six-digit GB/T 2260 code (511826 is Lushan County; its first two digits "
            "followed by 0000, 510000, are its province, Sichuan); empty when they name only "
            "the country."
        ),
        str | None,
        lambda c, x: c.division_id,
    ),
    Field(
        "division_level",
        _("That division's level: province, prefecture or county (see the division levels)."),
        DivisionLevel | None,
        lambda c, x: c.division.level if c.division_id else None,
    ),
    Field(
        "division_name",
        _("That division and those it lies in, in English: “Lushan County, Ya'an, Sichuan”."),
        str,
        lambda c, x: division_names(c, chinese=False),
    ),
    Field(
        "division_name_zh",
        _("The same in Chinese, province first: “四川省雅安市芦山县”."),
        str,
        lambda c, x: division_names(c, chinese=True),
    ),
    Field(
        "scope",
        _(
            "Social good, a commercial or marketing campaign a source lists beside them, or "
            "another online trend it reports: a scope code. Downloads hold social-good cases "
            "unless asked (scope=all, or one scope's code)."
        ),
        Scope,
    ),
    label_field(
        "scope",
        _("The scope's name, in the language of the page the download was taken from."),
    ),
    Field("cause", _("The public cause it served: a cause code."), Cause),
    label_field(
        "cause",
        _("The cause's name, in the language of the page the download was taken from."),
    ),
    Field("approach", _("How it used social media: an approach code."), Approach),
    label_field(
        "approach",
        _("The approach's name, in the language of the page the download was taken from."),
    ),
    Field(
        "formats",
        _(
            "What form it took, as its sources say: format codes (live_stream, short_video …; "
            "separated by “; ” in the CSV, a list in JSON), none when they do not say."
        ),
        list[Format],
        lambda c, x: format_codes(c.formats),
    ),
    Field(
        "format_labels",
        _(
            "The formats' names, in the language of the page the download was taken from "
            "(separated by “; ” in the CSV, a list in JSON)."
        ),
        None,
        lambda c, x: [str(Format(code).label) for code in format_codes(c.formats)],
        formats=only(DOWNLOAD),
    ),
    Field(
        "platforms",
        _("The slugs of the platforms it ran on (separated by “; ” in the CSV, a list in JSON)."),
        list[PlatformRef],
        listed("platforms"),
        api=lambda campaign: campaign.platform_list,
        api_description="The platforms it ran on.",
    ),
    Field(
        "organisations",
        _(
            "Who took part and how: organisation slug and role code, written “slug:role” and "
            "separated by “; ” in the CSV, a list of {organisation, role} in JSON."
        ),
        None,
        listed("participants"),
        formats=only(DOWNLOAD),
    ),
    Field(
        "participants",
        "Who took part, and how.",
        list[ParticipantOut],
        api=lambda campaign: campaign.participations.all(),
        formats=only(API),
    ),
    Field(
        "tags",
        _(
            "The slugs of its tags, as the tag filter takes them (separated by “; ” in the CSV, "
            "a list in JSON); /tags/ names them in English and Chinese."
        ),
        list[TagRef],
        listed("tags"),
        api=lambda campaign: sorted(campaign_tags(campaign), key=lambda tag: tag.name),
        api_description="Its tags, by English name.",
    ),
    Field(
        "sources",
        _(
            "The slugs of the sources it cites (separated by “; ” in the CSV, a list in JSON); "
            "/sources/<slug>/ describes each."
        ),
        None,
        listed("sources"),
        formats=only(DOWNLOAD),
    ),
    Field("figure_count", _("How many figures the catalogue records for it."), int),
    Field(
        "evidence",
        _(
            "In the JSON download only: the source's words behind its sentences, a list of "
            "{key, text, participant, sentence, source, locator, quote}: which text (summary, "
            "description or note, with the participant's slug), the sentence numbered in the "
            "English text from 1, the source's slug, where in the source, and its words."
        ),
        list[EvidenceOut],
        listed("evidence"),
        formats=only(JSON_DOWNLOAD),
    ),
    Field("featured", "Whether the catalogue features it.", bool, formats=only(API)),
    Field(
        "published_at",
        "When it was published.",
        datetime.datetime | None,
        formats=only(API),
    ),
    Field(
        "updated_at",
        _(
            "When it last changed (UTC, ISO 8601): any edit, correction or change to its "
            "figures, participants or tags; cite this version by it."
        ),
        datetime.datetime,
    ),
    Field(
        "url",
        _("The address of its page in the catalogue."),
        None,
        lambda c, x: x.campaign_url(c),
        formats=only(DOWNLOAD),
    ),
    Field("page_url", "Its page in the catalogue.", str, api=page_url, formats=only(API)),
]
"""A case study: the campaign download's columns and the API's campaign items."""


# --------------------------------------------------------------------------- figures

FIGURE = [
    Field("key", _("The figure's stable identifier."), str),
    Field("label", _("What the figure counts, in English."), str),
    Field("label_zh", _("What the figure counts, in Chinese."), str),
    Field(
        "value",
        _(
            # xgettext:no-python-format ("5.36% is" is not a placeholder)
            "The absolute number, without thousands separators: 110 million is 110000000, "
            "5.36% is 5.36. Read with unit and qualifier."
        ),
        int | float,
        api=lambda figure: json_number(figure.value),
    ),
    Field(
        "unit",
        _(
            "The unit the value is counted in: a unit code. Curators add units, so the list "
            "is not fixed: the codebook lists them, and /api/units too."
        ),
        str,
        lambda f, x: f.unit_id,
    ),
    Field(
        "kind",
        _("What the figure measures: a kind code."),
        FigureKind,
        lambda f, x: f.kind or f.unit.kind,
    ),
    Field(
        "qualifier",
        _("How exact the figure is, as the source states it: a qualifier code."),
        Qualifier,
    ),
    Field(
        "outcome",
        _(
            "For money or goods, what kind of outcome it is: donations or sales (an outcome "
            "code); empty when the unit says enough."
        ),
        Outcome | None,
        lambda f, x: f.outcome or None,
    ),
    Field("stated_as", _("The figure exactly as the source writes it."), str),
    Field("period", _("The period it covers, in words, when the source says."), str),
    Field("period_zh", _("The period in Chinese, when written."), str),
    Field(
        "as_of",
        _("The date the figure was true, YYYY-MM-DD; read with as_of_precision."),
        datetime.date | None,
    ),
    Field(
        "as_of_precision",
        _("How much of the as-of date is known: year, month or day."),
        DatePrecision | None,
        lambda f, x: when_dated(f.as_of, f.as_of_precision),
    ),
    Field(
        "as_of_is_document_date",
        _(
            "True when the source does not say when the figure was true and the as-of date "
            "is the document's own."
        ),
        bool,
    ),
    Field(
        "age_years",
        _(
            "How many years ago the figure was true: this year less the as-of date's year (it "
            "changes on 1 January); empty when undated."
        ),
        int | None,
        lambda f, x: dates.years_ago(f.as_of) if f.as_of else None,
    ),
    Field(
        "caveat_kind",
        _(
            "Why to take care with the figure, when there is a reason: a caveat kind code "
            "(derived from words, unit assumed, source inconsistent, as-of date estimated)."
        ),
        CaveatKind | None,
        lambda f, x: f.caveat_kind or None,
    ),
    Field(
        "caveat",
        _("What a reader citing the figure should know, in English; empty when nothing."),
        str,
    ),
    Field("caveat_zh", _("The caveat in Chinese, when written."), str),
    Field(
        "conversion_of",
        _(
            "The key of the figure this one states again in another unit (the same amount in "
            "USD, or in tonnes), as the source does; empty for a figure that is no conversion. "
            "Count a conversion once, with its figure."
        ),
        str | None,
        lambda f, x: f.conversion_of.key if f.conversion_of_id else None,
    ),
    Field(
        "same_measure_as",
        _(
            "The key of the figure whose measure this one states too (the same thing about the "
            "same subject at the same time, by another source or in other words); empty for a "
            "measure's first figure and for a figure no other states. Count a measure once; "
            "where its statements' values differ, the sources differ."
        ),
        str | None,
        lambda f, x: f.same_measure_as.key if f.same_measure_as_id else None,
    ),
    Field(
        "campaign",
        _(
            "The slug of the case study whose outcome this is; empty for figures about a platform, "
            "an organisation or the whole sector."
        ),
        str | None,
        lambda f, x: of_campaign(f, lambda campaign: campaign.slug),
    ),
    Field(
        "campaign_title",
        _("That case study's title in English."),
        None,
        lambda f, x: of_campaign(f, lambda campaign: campaign.title),
        formats=only(DOWNLOAD),
    ),
    Field(
        "campaign_platforms",
        _("The slugs of the platforms that case study ran on (“; ” in the CSV, a list in JSON)."),
        None,
        lambda f, x: x.lists.platforms.get(f.campaign_id, []),
        formats=only(DOWNLOAD),
    ),
    Field(
        "platform",
        _("The slug of the platform the figure describes, when it is not a campaign's outcome."),
        str | None,
        lambda f, x: f.platform.slug if f.platform else None,
    ),
    Field(
        "organisation",
        _(
            "The slug of the organisation the figure describes, when it is not a "
            "campaign's outcome."
        ),
        str | None,
        lambda f, x: f.organisation.slug if f.organisation else None,
    ),
    Field(
        "source",
        _("The slug of the document that states the figure."),
        str,
        lambda f, x: f.source.slug,
    ),
    Field("source_title", _("That document's title."), str, lambda f, x: f.source.title),
    Field(
        "source_url",
        _("That document's address on the web, when it has one."),
        str,
        lambda f, x: f.source.url,
    ),
    Field(
        "source_cited_by",
        _(
            "When the catalogue knows that document only through another that cites it, the "
            "citing source's slug (read with source_reference_number); empty otherwise."
        ),
        str,
        lambda f, x: f.source.cited_by.slug if f.source.cited_by_id else "",
        formats=only(DOWNLOAD),
    ),
    Field(
        "source_reference_number",
        _("Its number in the citing source's references: “[12]” is 12."),
        int | None,
        lambda f, x: f.source.reference_number,
        formats=only(DOWNLOAD),
    ),
    Field(
        "campaign_url",
        _("The address of the case study's page in the catalogue."),
        None,
        lambda f, x: of_campaign(f, x.campaign_url),
        formats=only(DOWNLOAD),
    ),
    Field("updated_at", _("When the figure last changed (UTC, ISO 8601)."), datetime.datetime),
]
"""A figure: the figure download's columns and the API's figure items."""


# --------------------------------------------------------------------------- API schemas


def reader(field):
    """A resolver reading ``field`` from a row as the download does."""
    return lambda row: field.read(row)


def api_schema(name, doc, record, base=Schema):
    """A django-ninja schema of ``record``'s API fields, in the record's order, each read as
    the record says (so the API writes what the download writes)."""
    annotations, namespace = {}, {"__doc__": doc, "__module__": __name__}
    for field in record:
        if API not in field.formats:
            continue
        annotations[field.name] = field.type
        namespace[field.name] = SchemaField(
            ..., description=str(field.api_description or field.description)
        )
        if field.api is page_url:
            namespace[f"resolve_{field.name}"] = staticmethod(page_url)
        elif field.api is not None:
            namespace[f"resolve_{field.name}"] = staticmethod(field.api)
        elif field.value is not None:
            namespace[f"resolve_{field.name}"] = staticmethod(reader(field))
    namespace["__annotations__"] = annotations
    return type(name, (base,), namespace)
