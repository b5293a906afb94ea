"""What can be asked of the figures: ``FigureQuerySet``, the filters, orders and fetches the
figures table, downloads, pages and the API combine (``figures.py`` holds the model)."""

import re

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)

from .base import IDS_PER_STATEMENT, ChangeTrackedQuerySet
from .campaigns import Campaign
from .choices import (
    FigureSort,
    FigureSubject,
    Status,
)
from .organisations import Organisation, Platform
from .sources import Source


def units_in_order():
    """The units in their order (``Unit.order``), for sorting figures by size within a unit:
    an expression of the figure's own column, so no join."""
    from ..units import units  # the table as kept per catalogue version

    codes = units().codes
    return Case(
        *[When(unit=code, then=Value(index)) for index, code in enumerate(codes)],
        default=Value(len(codes)),
        output_field=IntegerField(),
    )


SEARCH_WORD = re.compile(r"[\w'’-]+")
"""A word of a reader's search of the figures (numbers taken out first)."""

QUALIFIER_WORDS = {
    *"over more than at least about around nearly almost up to under less some".split(),
    *"超过 逾 多 至少 约 近 将近 最多 高达 不到 少于".split(),
}
"""Words that hedge a number: a search for "over 110 million" looks for 110 million."""

UNIT_WORDS = {
    "rmb": "CNY",
    "yuan": "CNY",
    "人民币": "CNY",
    "dollars": "USD",
}
"""Everyday names of units, by the unit's code, besides their codes and names in the table
("plays", "play", "元")."""


class FigureQuerySet(ChangeTrackedQuerySet):
    """Reusable filters for figures: the figures table, downloads, pages and API combine these."""

    def get_by_natural_key(self, key):
        """Find a figure by its key."""
        return self.get(key=key)

    def public(self):
        """Figures readers may see: those of published campaigns and those about no campaign."""
        return self.filter(Q(campaign__isnull=True) | Q(campaign__status=Status.PUBLISHED))

    def dated_before(self, day):
        """Public figures true as of a date before ``day`` with no newer statement of their
        measure, oldest first (the admin's "What needs checking")."""
        return (
            self.public()
            .filter(as_of__lt=day)
            .newest_of_their_measures()
            .select_related("campaign")
            .order_by("as_of", "pk")
        )

    def on_platforms(self, slugs):
        """Figures about any of the platforms with these slugs, or about campaigns run on them."""
        return self.filter(
            Q(platform__slug__in=slugs)
            | Q(campaign__in=Campaign.objects.on_platforms(slugs).values("pk"))
        )

    def matching(self, text):
        """Figures a reader's search names: each number it mentions is the figure's value
        ("110 million", "1.1亿" and "110000000" are one; a year may also be the as-of year),
        and each of its other words is in the figure's label (either language), its "stated
        as", its source's title or its case's title, or names its unit ("plays", "RMB", "元").
        Qualifiers ("over", "约" …) are the figure's own words, not a filter."""
        from ..mentions import mentions
        from ..units import units

        queryset = self
        rest = text
        for mention in mentions(text):
            rest = rest.replace(mention.written, " ")
            if mention.value is None:
                continue
            same = Q(value=mention.value)
            if mention.date is not None and mention.date[0]:
                same |= Q(as_of__year=mention.date[0])
            queryset = queryset.filter(same)
        for word in SEARCH_WORD.findall(rest.lower()):
            if word in QUALIFIER_WORDS:
                continue
            named = (
                Q(label__icontains=word)
                | Q(label_zh__icontains=word)
                | Q(stated_as__icontains=word)
                | Q(source__title__icontains=word)
                | Q(source__title_zh__icontains=word)
                | Q(campaign__title__icontains=word)
                | Q(campaign__title_zh__icontains=word)
            )
            unit = units().code_for(UNIT_WORDS.get(word, word))
            if unit is not None:
                named |= Q(unit=unit)
            queryset = queryset.filter(named)
        return queryset

    def measures_matching(self, text):
        """These figures whose measure a reader's search names (``matching``) through any of
        its statements: a measure's first figure is found by another's words too."""
        found = self.model.objects.matching(text)
        restated = found.filter(same_measure_as__isnull=False).values("same_measure_as")
        return self.filter(Q(pk__in=found.values("pk")) | Q(pk__in=restated))

    def of_year(self, year):
        """Figures true in ``year``: by their as-of date, or their campaign's start when they
        have none."""
        return self.filter(
            Q(as_of__year=year) | Q(as_of__isnull=True, campaign__start_date__year=year)
        )

    def sorted_by(self, order, *, one_unit=False):
        """In the order ``order`` (a ``FigureSort``); newest first by default. ``one_unit``:
        these figures are all of one unit, whose sizes the index of (unit, value) reads in
        order, where the units' order would make the database sort every figure of it."""
        if order == FigureSort.OLDEST:
            return self.order_by(F("as_of").asc(nulls_last=True), "label", "pk")
        # Sizes are compared within a unit: the units in their codes' order (money first).
        units = () if one_unit else (units_in_order(),)
        if order == FigureSort.LARGEST:
            return self.order_by(*units, "-value", "label", "pk")
        if order == FigureSort.SMALLEST:
            return self.order_by(*units, "value", "label", "pk")
        if order == FigureSort.LABEL:
            return self.order_by("label", "pk")
        return self.order_by(F("as_of").desc(nulls_last=True), "label", "pk")

    def count_by_unit(self):
        """How many of these figures are counted in each unit, most first (then by code):
        dicts of unit and count."""
        return self.order_by().values("unit").annotate(count=Count("pk")).order_by("-count", "unit")

    def count_by_outcome(self):
        """How many of these figures are of each unit and kind of outcome, most first (then by
        unit and outcome): dicts of unit, outcome and count."""
        return (
            self.order_by()
            .values("unit", "outcome")
            .annotate(count=Count("pk"))
            .order_by("-count", "unit", "outcome")
        )

    def without_caveats(self):
        """These figures less those readers are told to take care with."""
        return self.filter(caveat="", caveat_kind="")

    def most_common_unit(self):
        """The unit most of these figures are counted in (the first by code on a tie), or None."""
        row = self.count_by_unit().first()
        return row["unit"] if row else None

    def for_listing(self):
        """Figures with what a table of them shows, in a fixed number of queries."""
        return self.select_related(
            "campaign", "platform", "organisation", "source__cited_by", "conversion_of"
        )

    def for_download(self):
        """Figures with what a download row shows; the platforms of their cases are read a
        chunk of rows at a time (``record_lists.figure_lists``)."""
        return self.for_listing()

    def about(self, subject):
        """Figures about ``subject``, the one definition every page, the API and the downloads
        use: for a platform or an organisation, the figures that name it — figures about it
        alone and a case's outcomes the curator attributed to it (a case merely run on a
        platform does not make its outcomes about the platform); for a source, the figures
        citing it."""

        if isinstance(subject, Platform):
            return self.filter(platform=subject)
        if isinstance(subject, Organisation):
            return self.filter(organisation=subject)
        if isinstance(subject, Source):
            return self.filter(source=subject)
        raise TypeError(f"Figures are about platforms, organisations or sources, not {subject!r}")

    def about_kind(self, subject):
        """Figures about a kind of subject (a ``FigureSubject``): case outcomes, platforms and
        organisations, or the whole sector."""
        if subject == FigureSubject.CAMPAIGNS:
            return self.filter(campaign__isnull=False)
        if subject == FigureSubject.PLATFORMS:
            return self.filter(Q(platform__isnull=False) | Q(organisation__isnull=False)).filter(
                campaign__isnull=True
            )
        if subject == FigureSubject.SECTOR:
            return self.filter(campaign=None, platform=None, organisation=None)
        return self

    def in_unit(self, unit, converted=None):
        """Figures stated in ``unit``, or among ``converted``, those with a conversion into it
        (``converted_into``)."""
        if converted is None:
            return self.filter(unit=unit)
        return self.filter(Q(unit=unit) | Q(pk__in=converted))

    def converted_into(self, unit):
        """The ids of the figures with a conversion into ``unit``, found once rather than
        asked of every figure (at 100,000 cases the figures table of a unit took 1.8 s on
        PostgreSQL that way), through the partial index of conversions: a list, which the
        database reads through the index of ids beside that of units, where a subquery made
        it scan every figure; of more than a statement takes, the subquery. ``None`` when
        there are none."""
        originals = self.filter(unit=unit, conversion_of__isnull=False).values_list(
            "conversion_of", flat=True
        )
        found = list(originals[: IDS_PER_STATEMENT + 1])
        if len(found) > IDS_PER_STATEMENT:
            return originals
        return found or None

    def one_per_measure(self):
        """Leave out a measure's other statements: each measure once, by its first figure
        (conversions stay: the amount in their own unit)."""
        return self.filter(same_measure_as__isnull=True)

    def with_restatements(self):
        """Prefetch the other statements of each figure's measure, newest first, as
        ``restatement_list``, with their sources."""
        return self.prefetch_related(self._restatements())

    def _restatements(self, *also):
        """The prefetch of each figure's other statements (``with_restatements``), each
        fetching ``also``."""
        return Prefetch(
            "restatements",
            queryset=self.model.objects.select_related("source__cited_by")
            .prefetch_related(*also)
            .order_by(F("as_of").desc(nulls_last=True), "order", "pk"),
            to_attr="restatement_list",
        )

    def stated_once(self):
        """Each measure once: leave out conversions (the amount in another unit) and a
        measure's other statements, which are shown and counted with their figure."""
        return self.filter(conversion_of__isnull=True).one_per_measure()

    def with_conversions(self):
        """Prefetch each figure's conversions, with their sources, as ``conversion_list``, and
        the other statements of its measure, with theirs and their conversions, newest first,
        as ``restatement_list``."""
        conversions = Prefetch(
            "conversions",
            queryset=self.model.objects.select_related("source__cited_by").order_by("order", "pk"),
            to_attr="conversion_list",
        )
        return self.prefetch_related(conversions, self._restatements(conversions))

    def newest_of_their_measures(self):
        """Leave out figures whose measure has a statement true at a later date: what needs
        checking again is a measure's newest word."""
        same_measure = Q(pk=OuterRef("same_measure_as")) | Q(same_measure_as=OuterRef("pk"))
        same_measure |= Q(same_measure_as=OuterRef("same_measure_as"))  # NULL = NULL is not true
        return self.exclude(
            Exists(self.model.objects.filter(same_measure, as_of__gt=OuterRef("as_of")))
        )

    def cited(self):
        """These figures with their source and conversions, in display order, ready to show
        with a citation; conversions are not figures of their own here. (Which figures: the
        caller's filter. A case's page shows its own figures, whatever the case's status, so
        that a curator's preview of a draft shows what readers will see once it is published.)"""
        return (
            self.stated_once()
            .with_conversions()
            .select_related("source__cited_by")
            .order_by("order", "pk")
        )
