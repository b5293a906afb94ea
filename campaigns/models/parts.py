"""The parts of a case study kept in tables of their own: the parts organisations played in it
(participations) and its pictures."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import renditions
from .base import (
    SafeImageField,
)
from .choices import (
    Role,
    Status,
)
from .organisations import Organisation


class ParticipationQuerySet(models.QuerySet):
    """Reusable filters for participations."""

    def public(self):
        """The parts readers may see: those in published campaigns."""
        return self.filter(campaign__status=Status.PUBLISHED)

    def get_by_natural_key(self, campaign_slug, organisation_slug, role):
        """Find a participation by its campaign's and organisation's slugs and its role."""
        return self.get(
            campaign__slug=campaign_slug, organisation__slug=organisation_slug, role=role
        )


class Participation(models.Model):
    """An organisation's or person's part in a campaign."""

    campaign = models.ForeignKey(
        "Campaign",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    note = models.CharField(
        _("note"), max_length=250, blank=True, help_text=_('E.g. "deputy county magistrate".')
    )
    note_zh = models.CharField(_("Chinese note"), max_length=250, blank=True)
    assumed = models.BooleanField(
        _("not stated by the source"),
        default=False,
        help_text=_("The part is our inference: the sources do not name it. Readers see so."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation", "role"], name="unique_participation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    natural_key_fields = ("campaign__slug", "organisation__slug", "role")
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.campaign.slug, self.organisation.slug, self.role)

    natural_key.dependencies = ["campaigns.campaign", "campaigns.organisation"]


class CampaignImageQuerySet(models.QuerySet):
    """Reusable filters for campaign images."""

    def public(self):
        """The images readers may see: those of published campaigns."""
        return self.filter(campaign__status=Status.PUBLISHED)

    def get_by_natural_key(self, campaign_slug, image):
        """Find a campaign's image by the campaign's slug and the image file's name."""
        return self.get(campaign__slug=campaign_slug, image=image)


class CampaignImage(models.Model):
    """A picture of a campaign, with a caption and the credit its owner asks for."""

    campaign = models.ForeignKey(
        "Campaign", verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="images"
    )
    image = SafeImageField(_("image"), upload_to="campaigns/%Y/")
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for screen readers."),
    )
    alt_text_zh = models.CharField(_("Chinese alternative text"), max_length=250, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    caption_zh = models.CharField(_("Chinese caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Kept by ``signals.py`` when the image is saved: the size of the (upright) image and the
    # name of the file its renditions were made from. Derived, so neither loaded nor kept in
    # history: a version brought back makes its renditions again.
    width = models.PositiveIntegerField(_("width"), null=True, editable=False, serialize=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False, serialize=False)
    renditions_of = models.CharField(
        _("renditions made from"), max_length=100, blank=True, editable=False, serialize=False
    )

    objects = CampaignImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "image"], name="unique_campaign_image")
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.campaign.slug, self.image.name)

    natural_key.dependencies = ["campaigns.campaign"]

    @property
    def picture(self):
        """What a page needs to show the image from its renditions (WebP, and PNG or JPEG for
        browsers without WebP): ``srcset`` values, a fallback address and its size; None
        until they have been made (the page then shows the stored image)."""
        if not self.image or self.renditions_of != self.image.name or not self.width:
            return None
        return renditions.Picture.of(self.image.storage, self.image.name, self.width, self.height)
