"""Suggestions from readers: a case for the catalogue, or a correction to one.

Readers need no account. A suggestion is never shown on the public site; curators work through
them in the admin (new → accepted or rejected).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SuggestionKind(models.TextChoices):
    """What a reader suggests."""

    CAMPAIGN = "case", _("A case for the catalogue")
    CORRECTION = "correction", _("A correction to a case")


class SuggestionStatus(models.TextChoices):
    """Where a suggestion is in the curators' queue."""

    NEW = "new", _("New")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class SuggestionQuerySet(models.QuerySet):
    """Reusable filters for suggestions."""

    def waiting(self):
        """The suggestions no curator has decided on yet."""
        return self.filter(status=SuggestionStatus.NEW)


class Suggestion(models.Model):
    """A reader's suggestion of a case or a correction, for the curators."""

    kind = models.CharField(
        _("suggestion"),
        max_length=12,
        choices=SuggestionKind.choices,
        default=SuggestionKind.CAMPAIGN,
    )
    campaign = models.ForeignKey(
        "Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("case"),
    )
    what = models.TextField(_("what"))
    where_stated = models.CharField(_("where it is stated"), max_length=1000)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("page language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.NEW,
        db_index=True,
    )
    curator_note = models.TextField(_("curators' note"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        about = f" ({self.campaign})" if self.campaign_id else ""
        return f"{self.get_kind_display()}{about}: {self.what[:60]}"
