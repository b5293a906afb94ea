"""Corrections readers can see: a published figure's stated value changed, when, and why.

A correction is written whenever a figure of a published case changes what it states (its
words, value, unit or qualifier), whoever changes it: a curator in the admin (with the public
note typed beside the figure), a restore or an import in the admin (with the note typed on
their confirmation), or a load from the command line. The admin asks for the note in English
and Chinese (``note``, ``note_zh``); a Chinese page shows the English, marked, where there is
no Chinese. Changes made while a case is a draft are
not corrections: readers never saw the old value.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Status


class CorrectionQuerySet(models.QuerySet):
    """Reusable filters for corrections."""

    def public(self):
        """The corrections readers may see: those of published campaigns."""
        return self.filter(campaign__status=Status.PUBLISHED)

    def newest_first(self):
        """The most recent correction first."""
        return self.order_by("-made_at", "-pk")


class Correction(models.Model):
    """A change readers can see to what a published figure states."""

    campaign = models.ForeignKey(
        "Campaign", on_delete=models.CASCADE, related_name="corrections", verbose_name=_("case")
    )
    figure = models.ForeignKey(
        "Figure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("figure"),
    )
    label = models.CharField(_("figure"), max_length=200)
    label_zh = models.CharField(_("figure (Chinese)"), max_length=200, blank=True)
    before = models.CharField(_("was"), max_length=300)
    after = models.CharField(_("now"), max_length=300)
    note = models.CharField(
        _("public note"),
        max_length=500,
        blank=True,
        help_text=_("Why it changed, in a sentence readers will see under the case."),
    )
    note_zh = models.CharField(
        _("public note (Chinese)"),
        max_length=500,
        blank=True,
        help_text=_("The same note in Chinese, for the case's Chinese page."),
    )
    made_at = models.DateTimeField(_("made"), default=timezone.now, db_index=True)

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-made_at", "-pk"]

    def __str__(self):
        return f"{self.label}: {self.before} → {self.after}"
