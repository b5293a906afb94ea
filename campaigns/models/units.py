"""The units figures are counted in: a table reviewers extend in the admin (visits, chickens …),
each with its names in English and Chinese, the Chinese measure word and the kind of figure it
measures. A figure names its unit by code (``Figure.unit``, a foreign key the database keeps
whole: a unit in use cannot be deleted). Pages read the table once per catalogue version
(``campaigns/units.py``), never once per figure."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import ChangeTracked, ChangeTrackedQuerySet
from .choices import FigureKind

PERCENT = "percent"
"""The code of the one unit whose values are shares of a hundred (written "5.36%")."""


class UnitQuerySet(ChangeTrackedQuerySet):
    """Reusable reads of the units."""

    def public(self):
        """Every unit: each names figures readers see (a change is a new catalogue version)."""
        return self.all()

    def in_order(self):
        """In the order pages list units: money first, then as curators ordered them."""
        return self.order_by("order", "code")


class Unit(ChangeTracked):
    """A unit a figure's value is counted in: CNY, percent, users, plays, visits, chickens.

    Its ``code`` is the stable name files, the API and addresses use; its names are what pages
    say: "2.5 million visits", and in Chinese the number, the measure word and the name
    together ("250万次访问", "10只鸡"; 元, % and 千克 need no measure word)."""

    code = models.CharField(
        _("code"),
        max_length=20,
        primary_key=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z][A-Za-z0-9_-]*$",
                _("Letters, digits, hyphens and underscores, starting with a letter."),
            )
        ],
        help_text=_(
            "The stable name files, the API and addresses use: visits, chickens. It cannot be "
            "changed once the unit is saved."
        ),
    )
    name = models.CharField(
        _("English name"), max_length=60, help_text=_('Plural, as pages say it: "visits".')
    )
    name_singular = models.CharField(
        _("English name for one"),
        max_length=60,
        blank=True,
        help_text=_('As pages say "1 visit"; empty when it is the same as the name (CNY, kg).'),
    )
    name_zh = models.CharField(
        _("Chinese name"),
        max_length=30,
        blank=True,
        help_text=_("What is counted, without the measure word: 访问, 鸡, 元, 千克."),
    )
    measure_word = models.CharField(
        _("Chinese measure word"),
        max_length=5,
        blank=True,
        help_text=_(
            # xgettext:no-python-format ("% and" is not a placeholder)
            "The classifier between the number and the name: 名 (people), 个, 只 (animals), "
            "条, 次 (times); empty for 元, % and 千克."
        ),
    )
    heading_zh = models.CharField(
        _("Chinese heading"),
        max_length=30,
        blank=True,
        help_text=_(
            "The Chinese heading over a column of its figures, where its name is not one: "
            "用户数, 金额（元）. Empty: its name."
        ),
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=FigureKind.choices,
        default=FigureKind.COUNT,
        help_text=_("What its figures measure: money, a count, a percentage, a mass, a duration."),
    )
    is_outcome = models.BooleanField(
        _("money or goods"),
        default=False,
        help_text=_(
            "Its figures may say what kind of outcome they are (donations or sales), and "
            "charts compare only figures of one kind of outcome."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=100,
        help_text=_("Where it comes in lists of units and among figures sorted by size."),
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self):
        return self.name

    def clean(self):
        """A unit needs a Chinese name or measure word, and a percentage is the one unit
        "percent"."""
        errors = {}
        if not self.name_zh and not self.measure_word:
            errors["name_zh"] = _("Give a Chinese name, a measure word, or both (10只鸡, 10个).")
        if (self.kind == FigureKind.PERCENTAGE) != (self.code == PERCENT):
            errors["kind"] = _("Percentages are counted in the one unit “percent”.")
        if errors:
            raise ValidationError(errors)

    def name_for(self, number):
        """The English name for ``number`` of it: "1 visit", "2 visits"."""
        return self.name_singular if number == 1 and self.name_singular else self.name

    @property
    def name_zh_shown(self):
        """The Chinese name as a list of units shows it: the measure word and the name (次访问,
        只鸡, 元)."""
        return f"{self.measure_word}{self.name_zh}"
