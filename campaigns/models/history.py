"""What the revision history keeps beside django-reversion's own two tables.

django-reversion stores a revision (who, when, a comment) and, for each row saved in it, a
version (the row serialized). Two things a case's history needs are not there:

- which case a stored row belongs to (a figure, a participant, an image or a tag on it), so the
  history of a case is one indexed query however many other rows a revision holds (a load of
  100,000 cases is one revision);
- which rows a revision deleted (an inline figure deleted, a case deleted with its parts).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from reversion.models import Revision, Version


class CampaignVersionQuerySet(models.QuerySet):
    """Reusable filters for the rows stored in the history of cases."""

    def of_campaign(self, campaign_id):
        """The stored rows of one case and of its parts."""
        return self.filter(campaign_id=campaign_id)


class CampaignVersion(models.Model):
    """The case a stored row (a version) belongs to: the case itself or one of its parts.

    No foreign key to the case: the history outlives it, so a deleted case can be recovered.
    """

    version = models.OneToOneField(
        Version, on_delete=models.CASCADE, primary_key=True, related_name="campaign_version"
    )
    campaign_id = models.BigIntegerField(_("case"), db_index=True)

    objects = CampaignVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("version of a case")
        verbose_name_plural = _("versions of cases")

    def __str__(self):
        return f"version {self.version_id} of case {self.campaign_id}"


class Removal(models.Model):
    """A row a revision deleted: its last state is the version stored in the same revision."""

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="removals")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(_("object id"), max_length=191)
    object_repr = models.TextField(_("object"))
    campaign_id = models.BigIntegerField(_("case"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("removal")
        verbose_name_plural = _("removals")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.object_repr} (removed in revision {self.revision_id})"
