"""The figures sources state: a value with its unit, qualifier, period, as-of date and source."""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
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
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import IDS_PER_STATEMENT, ChangeTracked, ChangeTrackedQuerySet
from .campaigns import Campaign
from .choices import (
    CaveatKind,
    DatePrecision,
    FigureKind,
    FigureSort,
    FigureSubject,
    Outcome,
    Qualifier,
    Status,
)
from .dates import format_partial_date, validate_partial_date
from .organisations import Organisation, Platform
from .sources import Source
from .units import PERCENT, Unit


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


class UnitDescriptor(ForwardManyToOneDescriptor):
    """A figure's unit, read from the units as kept per catalogue version (``units.py``)
    rather than by a query per figure; set by a ``Unit`` or by its code, as files and the API
    name units."""

    def get_object(self, instance):
        """The unit from the kept table; from the database only when it is newer."""
        from ..units import units

        unit = units().get(getattr(instance, self.field.attname))
        return unit if unit is not None else super().get_object(instance)

    def __set__(self, instance, value):
        if isinstance(value, str):
            setattr(instance, self.field.attname, value)
            if self.field.is_cached(instance):
                self.field.delete_cached_value(instance)
            return
        super().__set__(instance, value)


class UnitForeignKey(models.ForeignKey):
    """A foreign key to a unit, named by its code, read and checked without a query
    (``UnitDescriptor``)."""

    forward_related_accessor_class = UnitDescriptor

    def formfield(self, **kwargs):
        """A menu of the units grouped by kind, read from the kept table (``forms.py``)."""
        from ..forms import UnitChoiceField

        return super().formfield(**{"form_class": UnitChoiceField, **kwargs})

    def validate(self, value, model_instance):
        """Check that the code names a unit, saying which there are when it does not."""
        from ..units import units

        if value is None or value in units():
            return
        try:
            super().validate(value, model_instance)  # a unit added since the table was read
        except ValidationError:
            raise ValidationError(
                _("There is no unit “%(code)s”. The units are: %(known)s."),
                code="invalid",
                params={"code": value, "known": ", ".join(units().codes)},
            ) from None


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
        found = Figure.objects.matching(text)
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
        from .sources import Source

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

    @staticmethod
    def _restatements(*also):
        return Prefetch(
            "restatements",
            queryset=Figure.objects.select_related("source__cited_by")
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
            queryset=Figure.objects.select_related("source__cited_by").order_by("order", "pk"),
            to_attr="conversion_list",
        )
        return self.prefetch_related(conversions, self._restatements(conversions))

    def newest_of_their_measures(self):
        """Leave out figures whose measure has a statement true at a later date: what needs
        checking again is a measure's newest word."""
        same_measure = Q(pk=OuterRef("same_measure_as")) | Q(same_measure_as=OuterRef("pk"))
        same_measure |= Q(same_measure_as=OuterRef("same_measure_as"))  # NULL = NULL is not true
        return self.exclude(
            Exists(Figure.objects.filter(same_measure, as_of__gt=OuterRef("as_of")))
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


class Figure(ChangeTracked):
    """A figure a source states, with its unit, qualifier, period and as-of date.

    Most figures are the outcome of one campaign. Figures about a platform, an organisation
    or the whole sector (a platform's users, national totals, market shares) leave
    ``campaign`` empty and name the platform or organisation they describe, or neither.
    """

    key = models.SlugField(
        _("key"),
        max_length=120,
        unique=True,
        help_text=_("A stable name for this figure, used in fixtures and exports."),
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
    )
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        help_text=_("The platform this figure describes, when it is not a campaign's outcome."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        help_text=_("The organisation this figure describes, when it is not a campaign's outcome."),
    )
    label = models.CharField(_("label"), max_length=200, help_text=_('E.g. "Donations raised".'))
    label_zh = models.CharField(_("Chinese label"), max_length=200, blank=True)
    value = models.DecimalField(
        _("value"),
        max_digits=20,
        decimal_places=4,
        # xgettext:no-python-format ("5.36% is" is not a placeholder)
        help_text=_("The absolute number: 110 million is 110000000, 5.36% is 5.36."),
    )
    unit = UnitForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        db_column="unit",
        # The index of (unit, value …) of migration 0007 serves the key's lookups too.
        db_index=False,
        related_name="figures",
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=FigureKind.choices,
        blank=True,
        help_text=_("Filled in from the unit when left empty."),
    )
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    outcome = models.CharField(
        _("kind of outcome"),
        max_length=12,
        choices=Outcome.choices,
        blank=True,
        help_text=_(
            "For money or goods: donations raised or sales made. Charts compare only figures of "
            "the same kind of outcome."
        ),
    )
    stated_as = models.CharField(
        _("stated as"),
        max_length=300,
        help_text=_('The figure as the source writes it, e.g. "over 110 million RMB".'),
    )
    period = models.CharField(
        _("period"), max_length=200, blank=True, help_text=_('E.g. "within 72 hours".')
    )
    period_zh = models.CharField(
        _("Chinese period"), max_length=200, blank=True, help_text=_('E.g. "72小时内".')
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = models.CharField(
        _("as-of date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    as_of_is_document_date = models.BooleanField(
        _("as-of date is the document's"),
        default=False,
        help_text=_(
            "The source does not say when the figure was true: the as-of date is the "
            "document's own (its publication date). Readers see so."
        ),
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="figures"
    )
    caveat_kind = models.CharField(
        _("kind of caveat"),
        max_length=20,
        choices=CaveatKind.choices,
        blank=True,
        help_text=_(
            "Why readers should take care with this figure: derived from words, unit assumed, "
            "source inconsistent or as-of date estimated. Explain it in the caveat."
        ),
    )
    caveat = models.CharField(
        _("caveat"),
        max_length=500,
        blank=True,
        help_text=_("What a reader citing this figure should know, in our own words; public."),
    )
    caveat_zh = models.CharField(_("Chinese caveat"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("display order"), default=0)
    conversion_of = models.ForeignKey(
        "self",
        verbose_name=_("conversion of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversions",
        help_text=_(
            "The figure this one states again in another unit, as the source does: "
            "“over 110 million RMB – more than 18 million US dollars”. A conversion is shown "
            "beside its figure and counted once with it."
        ),
    )
    same_measure_as = models.ForeignKey(
        "self",
        verbose_name=_("same measure as"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="restatements",
        help_text=_(
            "The figure whose measure this one states too: the same thing about the same "
            "subject at the same time, by another source or in other words (847 and 857 "
            "million users of mid-2019). Readers see the statements side by side, told when "
            "their values differ, and the measure is counted once. A change over time is not "
            "one measure: give it the same label instead, and it is shown as a series."
        ),
    )

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["order", "pk"]
        indexes = [
            # The admin's oldest figures first ("What needs checking"), read in order.
            models.Index(fields=["as_of", "id"], name="figure_as_of"),
            # A figure's conversions, found by the figure (most figures are not conversions:
            # an index of every row would be mostly empty, and SQLite's statistics would then
            # have it read the whole table instead).
            models.Index(
                fields=["conversion_of"],
                condition=Q(conversion_of__isnull=False),
                name="figure_conversions",
            ),
            # The other statements of a measure, found by its first statement (few figures).
            models.Index(
                fields=["same_measure_as"],
                condition=Q(same_measure_as__isnull=False),
                name="figure_restatements",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="figure_value_not_negative"),
            models.CheckConstraint(
                condition=~Q(unit=PERCENT) | Q(value__lte=100),
                name="figure_percentage_at_most_100",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.stated_as}"

    def save(self, *args, **kwargs):
        """Save the figure, its kind filled in from its unit when left empty."""
        self.fill_in()
        super().save(*args, **kwargs)

    def fill_in(self):
        """Set what a save derives: the kind of an empty one, from the unit. (The loader
        calls it for rows it inserts in bulk, without ``save()``.)"""
        if not self.kind and self.known_unit is not None:
            self.kind = self.known_unit.kind

    natural_key_fields = ("key",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.key,)

    natural_key.dependencies = [
        "campaigns.campaign",
        "campaigns.platform",
        "campaigns.organisation",
        "campaigns.source",
    ]

    def get_absolute_url(self):
        """The address of its page on the public site."""
        return reverse("campaigns:figure_detail", args=[self.key])

    @property
    def as_of_display(self):
        """The as-of date as precisely as it is known."""
        return format_partial_date(self.as_of, self.as_of_precision)

    @property
    def known_unit(self):
        """Its unit, or None when it has none or its code names no unit (a form or file being
        checked)."""
        try:
            return self.unit
        except Unit.DoesNotExist:
            return None

    @property
    def has_caveat(self):
        """Whether readers are told to take care with it (a caveat or a kind of caveat)."""
        return bool(self.caveat or self.caveat_kind)

    @property
    def subject(self):
        """What the figure describes: a campaign, platform or organisation; None for the sector."""
        return self.campaign or self.platform or self.organisation

    def clean(self):
        """Check the value against its unit and kind, and that the source is the campaign's."""
        errors = {}
        validate_partial_date(self.as_of, self.as_of_precision, "as_of")
        if self.value is not None:
            if self.value < 0:
                errors["value"] = _("A figure cannot be negative.")
            elif self.unit_id == PERCENT and self.value > Decimal(100):
                errors["value"] = _("A percentage cannot be more than 100.")
        unit = self.known_unit
        if unit is not None:
            expected = unit.kind
            if not self.kind:
                self.kind = expected
            elif self.kind != expected:
                if self.kind == FigureKind.MONEY:
                    errors["unit"] = _("Money needs a currency unit (CNY or USD).")
                else:
                    errors["kind"] = _("The unit %(unit)s measures %(kind)s, not %(chosen)s.") % {
                        "unit": unit.name,
                        "kind": FigureKind(expected).label,
                        "chosen": FigureKind(self.kind).label,
                    }
        if self.outcome and unit is not None and not unit.is_outcome:
            errors["outcome"] = _(
                "Only money and goods say what kind of outcome they are (donations or sales)."
            )
        if self.caveat_kind and not self.caveat:
            errors["caveat"] = _("Explain the caveat to readers: a kind of caveat needs its text.")
        errors.update(self.conversion_problems())
        errors.update(self.measure_problems())
        # The campaign may be a new one not saved yet, added in the admin with its figures.
        campaign = self.campaign
        if campaign is not None and self.source_id:
            if self.source_id not in campaign.allowed_source_ids():
                errors["source"] = _(
                    "The source “%(source)s” is not among the sources of “%(campaign)s”: "
                    "add it to the campaign first."
                ) % {"source": self.source, "campaign": campaign}
        if errors:
            raise ValidationError(errors)

    def measure_problems(self):
        """What is wrong with this figure as another statement of ``same_measure_as``'s
        measure, by field."""
        first = self.same_measure_as
        if first is None:
            return {}
        if first.pk is not None and first.pk == self.pk:
            return {"same_measure_as": _("A figure cannot state the same measure as itself.")}
        if first.same_measure_as_id is not None:
            return {
                "same_measure_as": _(
                    "“%(figure)s” is itself another statement of a measure: choose the measure's "
                    "first figure, “%(first)s”."
                )
                % {"figure": first, "first": first.same_measure_as}
            }
        if self.conversion_of_id is not None or first.conversion_of_id is not None:
            return {
                "same_measure_as": _(
                    "A conversion is shown and counted with its figure: group the figure it "
                    "converts instead."
                )
            }
        if self.pk is not None and self.restatements.exists():
            return {
                "same_measure_as": _(
                    "Other figures state this one's measure: a measure's first figure cannot "
                    "belong to another measure."
                )
            }
        subject = ("campaign_id", "platform_id", "organisation_id")
        if any(getattr(self, name) != getattr(first, name) for name in subject):
            return {
                "same_measure_as": _(
                    "Statements of one measure describe the same case, platform or organisation."
                )
            }
        if self.known_unit is not None and self.known_unit.kind != first.unit.kind:
            return {
                "unit": _("Statements of one measure measure the same kind of thing (%(kind)s).")
                % {"kind": FigureKind(first.unit.kind).label}
            }
        return {}

    @property
    def statements(self):
        """This figure and the other statements of its measure, when they were fetched
        (``with_conversions()``): the first figure, then the rest, newest first."""
        return [self, *getattr(self, "restatement_list", ())]

    @property
    def sources_differ(self):
        """Whether the statements of this figure's measure give different values (a
        conversion is the same amount in another unit, not a disagreement)."""
        return len({(stated.unit_id, stated.value) for stated in self.statements}) > 1

    def conversion_problems(self):
        """What is wrong with this figure as a conversion of ``conversion_of``, by field."""
        original = self.conversion_of
        if original is None:
            return {}
        if original.pk is not None and original.pk == self.pk:
            return {"conversion_of": _("A figure cannot be a conversion of itself.")}
        if original.conversion_of_id is not None:
            return {
                "conversion_of": _(
                    "“%(figure)s” is itself a conversion: choose the figure it converts."
                )
                % {"figure": original}
            }
        if self.pk is not None and self.conversions.exists():
            return {
                "conversion_of": _(
                    "Other figures are conversions of this one; a conversion cannot have its own."
                )
            }
        subject = ("campaign_id", "platform_id", "organisation_id")
        if any(getattr(self, name) != getattr(original, name) for name in subject):
            return {
                "conversion_of": _(
                    "A conversion describes the same case, platform or organisation as its figure."
                )
            }
        if self.unit_id and self.unit_id == original.unit_id:
            return {"unit": _("A conversion states the amount in another unit than its figure.")}
        if self.known_unit is not None and self.known_unit.kind != original.unit.kind:
            return {
                "unit": _("A conversion measures what its figure does (%(kind)s).")
                % {"kind": FigureKind(original.unit.kind).label}
            }
        return {}
