"""The words readers browse campaigns by, in English and Chinese."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase

from .base import ReadingOrder
from .choices import Status


class TagQuerySet(models.QuerySet):
    """Reusable filters for tags."""

    def public(self):
        """Tags on at least one published campaign (``published_campaign_count``, kept in step
        by ``counts.py``)."""
        return self.filter(published_campaign_count__gt=0)

    def matching(self, words):
        """Tags whose English or Chinese name contains ``words`` (whatever their capitals)."""
        return self.filter(models.Q(name__icontains=words) | models.Q(name_zh__icontains=words))

    def public_by_rule(self):
        """What ``public()`` keeps, worked out from the tables."""
        return self.filter(
            models.Exists(TaggedCampaign.objects.public().filter(tag=models.OuterRef("pk")))
        )


class Tag(ReadingOrder, TagBase):
    """A word readers browse cases by, with the Chinese name the Chinese pages show.

    taggit's own tag model has no room for a second language, so the catalogue keeps its
    tags here; the name stays the natural key, as in taggit.
    """

    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)
    published_campaign_count = models.PositiveIntegerField(
        _("published campaigns"), default=0, editable=False, serialize=False
    )

    objects = NaturalKeyManager.from_queryset(TagQuerySet)()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def save(self, *args, **kwargs):
        """Save it with its sort key for the Chinese pages."""
        self.fill_in()
        super().save(*args, **kwargs)

    def fill_in(self):
        """Set what a save derives: the Chinese pages' sort key."""
        self.fill_reading_key()

    def get_absolute_url(self):
        """The address of its page on the public site."""
        return reverse("campaigns:tag_detail", args=[self.slug])


class TaggedCampaignQuerySet(models.QuerySet):
    """Reusable filters for the tags on campaigns."""

    def public(self):
        """The tags readers may see on cases: those on published campaigns."""
        return self.filter(content_object__status=Status.PUBLISHED)

    def get_by_natural_key(self, campaign_slug, tag_name):
        """Find a campaign's tag by the campaign's slug and the tag's name."""
        return self.get(content_object__slug=campaign_slug, tag__name=tag_name)


class TaggedCampaign(TaggedItemBase):
    """A tag on a campaign; keyed by campaign slug and tag name so fixtures never hold ids."""

    content_object = models.ForeignKey(
        "Campaign", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    objects = TaggedCampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign tag")
        verbose_name_plural = _("campaign tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_campaign_tag")
        ]

    natural_key_fields = ("content_object__slug", "tag__name")
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.content_object.slug, self.tag.name)

    natural_key.dependencies = ["campaigns.campaign", "campaigns.tag"]
