"""Where in China a case took place: the country's administrative divisions by their GB/T 2260
codes. They are reference data, not the catalogue's: kept in step with the data file by
``places.py`` after every migrate, never edited by curators, never part of an export."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import DivisionLevel

CHINA = "CN"
"""The country whose divisions these are (ISO 3166-1 alpha-2)."""


def province_code(code):
    """The code of the province-level division a GB/T 2260 code lies in: its first two digits
    followed by zeros (511826 Lushan County lies in 510000 Sichuan)."""
    return code[:2] + "0000"


class DivisionQuerySet(models.QuerySet):
    """Reads of the divisions."""

    def get_by_natural_key(self, code):
        """Find a division by its code."""
        return self.get(code=code)

    def with_ancestors(self):
        """With the divisions it lies in, joined (a county's prefecture and province)."""
        return self.select_related("parent__parent")


class Division(models.Model):
    """One of China's province-, prefecture- or county-level administrative divisions, by its
    GB/T 2260 code, with its names in English and Chinese and the division it lies in."""

    code = models.CharField(
        _("code"),
        max_length=6,
        primary_key=True,
        help_text=_("Its six-digit GB/T 2260 administrative division code."),
    )
    level = models.CharField(_("level"), max_length=10, choices=DivisionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("lies in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    province = models.ForeignKey(
        "self",
        verbose_name=_("province-level division"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The province-level division it lies in (itself, for one)."),
    )
    name = models.CharField(_("name"), max_length=100)
    name_zh = models.CharField(_("Chinese name"), max_length=100)

    objects = DivisionQuerySet.as_manager()

    natural_key_fields = ("code",)
    """The fields ``natural_key()`` is made of, as lookups."""

    class Meta:
        verbose_name = _("administrative division")
        verbose_name_plural = _("administrative divisions")
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} {self.name_zh} ({self.code})"

    def natural_key(self):
        """How catalogue files name it: by its code."""
        return (self.code,)

    @property
    def lineage(self):
        """It and the divisions it lies in, the most precise first (county, prefecture,
        province), from the rows ``with_ancestors()`` joined."""
        divisions = [self]
        while divisions[-1].parent_id is not None:
            divisions.append(divisions[-1].parent)
        return divisions
