"""Keep a campaign's ``updated_at`` true when a row that belongs to it changes.

The change is recorded the catalogue's one way, ``ChangeTrackedQuerySet.touch()``.

Downloads and the API answer conditional GETs from the catalogue's change times (see
``conditional.catalogue_state``), so a participant, image, tag or platform/source link added,
edited or removed must count as a change to its campaign.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Campaign, CampaignImage, Participation, Tag, TaggedCampaign


@receiver(post_save, sender=Participation)
@receiver(post_delete, sender=Participation)
@receiver(post_save, sender=CampaignImage)
@receiver(post_delete, sender=CampaignImage)
def campaign_part_changed(sender, instance, raw=False, **kwargs):
    """A participant or image of a campaign was saved or deleted."""
    if not raw:
        Campaign.objects.filter(pk=instance.campaign_id).touch()


@receiver(post_save, sender=TaggedCampaign)
@receiver(post_delete, sender=TaggedCampaign)
def campaign_tagged(sender, instance, raw=False, **kwargs):
    """A tag was put on or taken off a campaign."""
    if not raw:
        Campaign.objects.filter(pk=instance.content_object_id).touch()


@receiver(post_save, sender=Tag)
def tag_renamed(sender, instance, created, raw=False, **kwargs):
    """A tag was renamed: every campaign carrying it now reads differently."""
    if not raw and not created:
        Campaign.objects.filter(tagged_items__tag=instance).touch()


@receiver(m2m_changed, sender=Campaign.platforms.through)
@receiver(m2m_changed, sender=Campaign.sources.through)
def campaign_links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Platforms or sources were linked to or unlinked from campaigns."""
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        Campaign.objects.filter(pk=instance.pk).touch()
    elif reverse and action in {"post_add", "post_remove"}:
        Campaign.objects.filter(pk__in=pk_set).touch()
    elif reverse and action == "pre_clear":  # a platform or source loses all its campaigns
        instance.campaigns.all().touch()
