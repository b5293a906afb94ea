"""The figures sources state: a value with its unit, qualifier, period, as-of date and source."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Q,
)
from django.db.models.fields.related_descriptors import ForwardManyToOneDescriptor
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ChangeTracked
from .campaigns import Campaign
from .choices import (
    CaveatKind,
    DatePrecision,
    FigureKind,
    Outcome,
    Qualifier,
)
from .dates import format_partial_date, validate_partial_date
from .figure_queries import FigureQuerySet
from .organisations import Organisation, Platform
from .sources import Source
from .units import PERCENT, Unit


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
