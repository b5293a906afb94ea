"""
The audit: claims in the catalogue that the catalogue itself cannot back.

Each rule is a function that reads the catalogue, read once (``Catalogue.read()``, a fixed
number of queries however large it is), and yields each claim it cannot back as (record, field
name, what is wrong in words a curator can act on); its ``Rule`` makes them ``Finding``s.
``RULES`` lists the rules in the order they are reported, so a new check is one function and one
``Rule`` line there.
``audit()`` runs them; ``manage.py audit_catalogue`` and the admin's audit page show what it
finds. Numbers and dates are read out of texts by ``mentions.py``.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .audit_reading import Catalogue
from .mentions import covers, matches, mentions, partial_date
from .models import (
    Campaign,
    CampaignImage,
    CaveatKind,
    Figure,
    Language,
    Organisation,
    Participation,
    Platform,
    Source,
    TitleKind,
    sentences,
)


@dataclass(frozen=True)
class Finding:
    """A claim the catalogue cannot back: which rule found it, in which record and field, and
    what is wrong."""

    rule: str
    record: models.Model
    field: str
    message: str

    @property
    def kind(self):
        """What sort of record it is ("figure", "campaign" …), in the active language."""
        return self.record._meta.verbose_name

    @property
    def slug(self):
        """The record's name in catalogue files: its slug or key, or its natural key joined
        with "/" (a participant: case/organisation/role)."""
        for name in ("slug", "key"):
            if getattr(self.record, name, ""):
                return getattr(self.record, name)
        return "/".join(str(part) for part in self.record.natural_key())

    @property
    def field_label(self):
        """The field's name as the admin shows it, in the active language."""
        return self.record._meta.get_field(self.field).verbose_name

    def admin_url(self):
        """The address of the record's change page in the admin."""
        opts = self.record._meta
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(self.record.pk)]
        )


@dataclass(eq=False)
class Rule:
    """One check: its code (for ``--rule``), its title, and the function that reads a
    ``Catalogue`` and yields what it finds as (record, field name, message)."""

    code: str
    title: str
    check: Callable[["Catalogue"], Iterable[tuple]]

    def findings(self, catalogue):
        """What the rule finds in ``catalogue``, as findings."""
        return [Finding(self.code, *found) for found in self.check(catalogue)]


def listed(items):
    """Mentions or names as one list in a message, each once: “2011”, “2012”."""
    return ", ".join(dict.fromkeys(str(item) for item in items))


# --------------------------------------------------------------------------- the rules

CASE_TEXTS = ("title", "title_zh", "summary", "summary_zh", "description", "description_zh")
"""A case's own texts, in both languages."""


def case_texts(catalogue, campaign, names=CASE_TEXTS):
    """Each text of a case as (record, field): its own (``names``), its participants' notes
    and its images' captions."""
    yield from ((campaign, name) for name in names)
    for participation in catalogue.participations_of[campaign.pk]:
        yield from ((participation, name) for name in ("note", "note_zh"))
    for image in catalogue.images_of[campaign.pk]:
        yield from ((image, name) for name in ("caption", "caption_zh"))


def numbers_without_figure(catalogue):
    """Numbers in a case's texts that match no figure of the case and none of its dates.

    The texts: the case's title, summary and description, its participants' notes and its
    images' captions, in English and Chinese. What counts as a number is ``mentions.py``'s
    (digits, with separators, 万/亿/million multipliers and per cent; dates; never numbers in
    words, which are not held against a text, nor decades such as "the 1980s" or "80后", which
    no figure can state).

    A number is backed when its value is the value of a figure of the case, or a number in
    such a figure's "stated as" or period (English or Chinese): 110 million, 1.1亿 and
    110,000,000 are one value; the unit is not compared, and a rounded number does not match.
    The figures of a case are its own (conversions included) and those about its platforms or
    its participants that cite one of its sources. A date, or a year standing alone, is backed
    when one of the case's dates states every part it gives: the case's start or end, the
    publication dates of its sources, its figures' as-of dates, each as precisely as it is
    stored ("March 2020" is backed by 2 March 2020, "2 March 2020" not by March 2020). A year
    that is also a figure's value ("1997 videos") is backed either way.

    One finding per text, listing its unbacked numbers.
    """
    for campaign in catalogue.campaigns:
        values, dates = backing(catalogue, campaign)
        for record, name in case_texts(catalogue, campaign):
            unbacked = [
                mention
                for mention in mentions(getattr(record, name))
                if not mention.spelled and not is_backed(mention, values, dates)
            ]
            if unbacked:
                yield (
                    record,
                    name,
                    _(
                        "%(numbers)s: no figure of the case states it, and it is none of the "
                        "case's dates, its sources' or its figures' dates."
                    )
                    % {"numbers": listed(unbacked)},
                )


def backing(catalogue, campaign):
    """What can back a number in a case's text: the values its figures state (their values
    and the numbers in their "stated as" and periods) and its dates (its own, its sources'
    and its figures'), as partial dates."""
    figures = catalogue.backing_figures(campaign)
    values = {figure.value for figure in figures}
    for figure in figures:
        for text in (figure.stated_as, figure.period, figure.period_zh):
            values.update(mention.value for mention in mentions(text))
    values.discard(None)
    dates = [
        partial_date(campaign.start_date, campaign.start_precision),
        partial_date(campaign.end_date, campaign.end_precision),
        *(
            partial_date(source.published_on, source.published_precision)
            for source in catalogue.sources_of[campaign.pk]
        ),
        *(partial_date(figure.as_of, figure.as_of_precision) for figure in figures),
    ]
    return values, [date for date in dates if date is not None]


def is_backed(mention, values, dates):
    """Whether a mention is one of these values or dates (a decade always is)."""
    if mention.decade is not None or mention.value in values:
        return True
    return bool(mention.date) and any(covers(date, mention.date) for date in dates)


TRANSLATED_TEXTS = (
    (Campaign, ("title", "summary", "description")),
    (Participation, ("note",)),
    (CampaignImage, ("caption", "alt_text")),
    (Figure, ("label", "period", "caveat")),
    (Organisation, ("description",)),
    (Platform, ("description",)),
    (Source, ("title", "note")),
)
"""Each model's texts with a Chinese counterpart (``<field>_zh``) that says the same."""


def records_of(catalogue, model):
    """Every record of ``model`` the catalogue read."""
    return {
        Campaign: catalogue.campaigns,
        Participation: catalogue.participations,
        CampaignImage: catalogue.images,
        Figure: catalogue.figures,
        Organisation: catalogue.organisations.values(),
        Platform: catalogue.platforms.values(),
        Source: catalogue.sources.values(),
    }[model]


def chinese_numbers_differ(catalogue):
    """Numbers in a Chinese text that its English counterpart does not have, or the reverse.

    Every text with a Chinese counterpart (``TRANSLATED_TEXTS``: a case's title, summary and
    description, participants' notes, images' captions and alternative text, figures' labels,
    periods and caveats, organisations' and platforms' descriptions, sources' titles and notes)
    is compared with it when both are written. A number written in digits on one side must be
    on the other: the same value (5200万 is 52 million), an agreeing date ("3月2日" and
    "2 March 2020"; "2013年4月" and "April 2013"), or the same decade ("80后" and "the 1980s").
    The other side may write it in words ("ten" for 10, "两" for 2). How often a number occurs
    is not compared, nor its unit.

    One finding per pair of texts, on the Chinese field, saying what is only on each side.
    """
    for model, names in TRANSLATED_TEXTS:
        for record in records_of(catalogue, model):
            for name in names:
                english, chinese = getattr(record, name), getattr(record, f"{name}_zh")
                if not english or not chinese:
                    continue
                in_english, in_chinese = mentions(english), mentions(chinese)
                only_chinese = [
                    mention
                    for mention in in_chinese
                    if not mention.spelled and not matches(mention, in_english)
                ]
                only_english = [
                    mention
                    for mention in in_english
                    if not mention.spelled and not matches(mention, in_chinese)
                ]
                differences = []
                if only_chinese:
                    differences.append(
                        _("only in the Chinese: %(numbers)s") % {"numbers": listed(only_chinese)}
                    )
                if only_english:
                    differences.append(
                        _("only in the English: %(numbers)s") % {"numbers": listed(only_english)}
                    )
                if differences:
                    yield (
                        record,
                        f"{name}_zh",
                        _("The Chinese and the English say different numbers: %(differences)s.")
                        % {"differences": "; ".join(differences)},
                    )


def conversion_qualifier_differs(catalogue):
    """A conversion whose qualifier is not its figure's: "nearly 550,000 CNY" converted is
    nearly its amount in US dollars too, whatever the conversion's own rounding. A conversion
    whose caveat says its source states the two inconsistently (35,575 kg "up to", "about 35.5
    tons") keeps the source's words and is not found."""
    for figure in catalogue.figures:
        original = figure.conversion_of
        explained = figure.caveat_kind == CaveatKind.SOURCE_INCONSISTENT
        if original is not None and figure.qualifier != original.qualifier and not explained:
            yield (
                figure,
                "qualifier",
                _(
                    "It is “%(qualifier)s”, but the figure it converts, %(original)s, is "
                    "“%(original_qualifier)s”: a conversion carries its figure's qualifier."
                )
                % {
                    "qualifier": figure.get_qualifier_display(),
                    "original": original.key,
                    "original_qualifier": original.get_qualifier_display(),
                },
            )


def as_of_is_source_date(catalogue):
    """A figure whose as-of date is its source's publication date (the same date, as
    precisely stored), neither marked as the document's date nor of the caveat kind "as-of
    date estimated": the date is the document's, not the one the figure was true on, and
    readers are not told."""
    for figure in catalogue.figures:
        source = figure.source
        same_date = (
            figure.as_of is not None
            and figure.as_of == source.published_on
            and figure.as_of_precision == source.published_precision
        )
        marked = figure.as_of_is_document_date
        marked = marked or figure.caveat_kind == CaveatKind.AS_OF_ESTIMATED
        if same_date and not marked:
            yield (
                figure,
                "as_of",
                _(
                    "Its as-of date, %(date)s, is the publication date of its source "
                    "(%(source)s): mark it as the document's date (or of the kind “%(kind)s”), "
                    "or give the date the source says the figure was true."
                )
                % {
                    "date": figure.as_of_display,
                    "source": source.slug,
                    "kind": CaveatKind.AS_OF_ESTIMATED.label,
                },
            )


OURS_MARK = "译名"
"""What marks a Chinese name in a text as our translation: a bracket after it holding 译名, as
the pages' own mark does ("王帅（本目录译名）")."""


def marked_as_ours(text, name):
    """Whether ``name`` is followed, somewhere in ``text``, by a bracket saying it is our
    translation: "王帅（本目录译名）", "“县城姑娘”（译名）"."""
    mark = re.escape(name) + r"[”’\"']?\s*[（(][^）)]*" + OURS_MARK
    return re.search(mark, text) is not None


def chinese_name_unsourced(catalogue):
    """Chinese names that no source gives, shown without the mark of our translation.

    What the catalogue can tell:

    - A source's Chinese title is shown as the document's own; only a document written in
      Chinese gives one. A Chinese title on a document in another language, or on one whose
      title is our description of it (``title_kind``), is ours, and nothing can mark it so.
    - An organisation's Chinese name marked as our translation (``name_zh_ours``) is marked
      beside the name wherever a page names the organisation, but not in running text: each
      Chinese text of the cases it takes part in (summary, description, participants' notes,
      image captions) that names it must mark it too, once, with a bracket holding 译名 after
      it ("王帅（本目录译名）"). A case's title is a heading, which carries no notes: exempt.

    What it cannot tell, so this rule does not check: whether an organisation's unmarked
    Chinese name is given by a source or established (the catalogue records neither, only that
    a name is ours), and where a platform's name, a tag's or a case's Chinese title comes from
    (they have no mark at all).
    """
    for source in catalogue.sources.values():
        if not source.title_zh:
            continue
        if source.title_kind == TitleKind.DESCRIPTION:
            yield (
                source,
                "title_zh",
                _(
                    "The title is our description of the work, but its Chinese is shown as the "
                    "document's own title."
                ),
            )
        elif source.language != Language.CHINESE:
            yield (
                source,
                "title_zh",
                _(
                    "The document is not written in Chinese, so it gives no Chinese title: "
                    "“%(title)s” is ours, but is shown as the document's own."
                )
                % {"title": source.title_zh},
            )
    for campaign in catalogue.campaigns:
        ours = [
            participation.organisation
            for participation in catalogue.participations_of[campaign.pk]
            if participation.organisation.name_zh_ours and participation.organisation.name_zh
        ]
        if not ours:
            continue
        for record, name in case_texts(catalogue, campaign, names=("summary_zh", "description_zh")):
            if not name.endswith("_zh"):
                continue
            text = getattr(record, name)
            unmarked = sorted(
                {
                    organisation.name_zh
                    for organisation in ours
                    if organisation.name_zh in text
                    and not marked_as_ours(text, organisation.name_zh)
                }
            )
            if unmarked:
                yield (
                    record,
                    name,
                    _(
                        "%(names)s: our translation, as its organisation says, but not marked "
                        "so here: add “（本目录译名）” after its first mention."
                    )
                    % {"names": listed(f"“{name}”" for name in unmarked)},
                )


EVIDENCED_TEXTS = ("summary", "description")
"""The texts whose every sentence needs evidence (a participant's note is more often a label
than a claim: its evidence is welcome, not required)."""


def evidenced_sentences(places, name):
    """The numbers of the sentences of the text ``name`` among a case's evidenced places."""
    return {number for text, participation_id, number in places if text == name}


def sentences_without_evidence(catalogue):
    """Sentences of a case's summary and description, or of an organisation's or a platform's
    description, that no evidence names, and evidence naming a sentence its text no longer has
    (the text was rewritten after it was attached). Sentences are numbered as ``sentences()``
    numbers them in the English text."""
    texts = [
        (campaign, name, evidenced_sentences(catalogue.evidenced[campaign.pk], name))
        for campaign in catalogue.campaigns
        for name in EVIDENCED_TEXTS
    ]
    texts += [
        (subject, "description", catalogue.described[(type(subject), subject.pk)])
        for subject in [*catalogue.organisations.values(), *catalogue.platforms.values()]
    ]
    for record, name, numbers in texts:
        count = len(sentences(getattr(record, name)))
        missing = [str(number) for number in range(1, count + 1) if number not in numbers]
        beyond = sorted(str(number) for number in numbers if number > count)
        if missing:
            yield (
                record,
                name,
                _("Sentences with no evidence: %(numbers)s of %(count)s.")
                % {"numbers": ", ".join(missing), "count": count},
            )
        if beyond:
            yield (
                record,
                name,
                _(
                    "Evidence names sentences the text does not have (%(numbers)s of "
                    "%(count)s): the text was rewritten after the evidence was attached."
                )
                % {"numbers": ", ".join(beyond), "count": count},
            )


RULES = (
    Rule(
        "sentence-without-evidence",
        gettext_lazy("Sentences with no evidence"),
        sentences_without_evidence,
    ),
    Rule(
        "number-without-figure",
        gettext_lazy("Numbers in a case's text that match no figure of the case"),
        numbers_without_figure,
    ),
    Rule(
        "chinese-numbers-differ",
        gettext_lazy("Numbers in a Chinese text that differ from its English"),
        chinese_numbers_differ,
    ),
    Rule(
        "conversion-qualifier",
        gettext_lazy("Conversions whose qualifier differs from their figure's"),
        conversion_qualifier_differs,
    ),
    Rule(
        "as-of-is-source-date",
        gettext_lazy("As-of dates that are the source's date, not marked as estimated"),
        as_of_is_source_date,
    ),
    Rule(
        "chinese-name-unsourced",
        gettext_lazy("Chinese names no source gives, not marked as our translation"),
        chinese_name_unsourced,
    ),
)
"""Every rule, in the order its findings are reported."""

RULE_CODES = [rule.code for rule in RULES]


def audit(codes=None):
    """Run the rules with these codes (every rule when None) on the catalogue, read once:
    [(rule, its findings)], in ``RULES`` order."""
    chosen = [rule for rule in RULES if codes is None or rule.code in codes]
    catalogue = Catalogue.read()
    return [(rule, rule.findings(catalogue)) for rule in chosen]
