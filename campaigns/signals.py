"""Keep what is derived from the catalogue's rows true when a row changes.

- The catalogue's version (``models/version.py``), which cached pages and ETags are keyed by:
  every save or delete of a row readers can see, before or after the change, makes a new one
  (a case's part is seen when its case is published); a change confined to drafts and cases in
  review does not, so the public validators do not tell when drafts are edited.

- A campaign's ``updated_at`` when a row that belongs to it changes (a participant, image, tag,
  platform or source link), recorded the catalogue's one way: ``ChangeTrackedQuerySet.touch()``.
  Downloads and the API answer conditional GETs from the catalogue's change times (see
  ``conditional.py``).
- The counts, visibility flags and search documents kept on rows (``models/counts.py``):
  every save, delete or link recounts the rows it touches, before and after (a participation
  moved from one organisation to another recounts both), and a campaign's search document is
  written again when it, its tags, platforms or participants, or their names change.

- A campaign image's renditions (``images.py``): made when its file changes (a raw save too,
  as when history brings a version back), deleted with its row.

Raw saves (``loaddata``) are recounted too: the counts are derived, never loaded.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from . import images, models
from .display import grouped_number
from .models import (
    Campaign,
    CampaignImage,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Tag,
    TaggedCampaign,
)
from .models.counts import deferring, linked_to_campaigns, recount, recount_for_campaigns
from .models.version import CatalogueVersion

CATALOGUE_MODELS = (
    Campaign,
    CampaignImage,
    models.Correction,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Tag,
    TaggedCampaign,
)
"""The models whose rows are the catalogue: a change to one of their public rows is a new
version of it (see the end of this module)."""


def previous(instance, *fields):
    """The values ``fields`` had in the database before this save (None for a new row)."""
    if instance.pk is None:
        return [None for _field in fields]
    row = type(instance)._base_manager.filter(pk=instance.pk).values_list(*fields).first()
    return list(row) if row else [None for _field in fields]


def present(*ids):
    """The ids that are not None."""
    return {pk for pk in ids if pk is not None}


# --------------------------------------------------------------------------- campaigns


@receiver(pre_save, sender=Campaign)
def campaign_saving(sender, instance, **kwargs):
    """Remember a campaign's status before this save."""
    (instance._status_before,) = previous(instance, "status")


@receiver(post_save, sender=Campaign)
def campaign_saved(sender, instance, created, **kwargs):
    """A campaign was saved: its search document is written again, and if it was published or
    unpublished, what it links to is recounted. (A new campaign links to nothing yet; its
    links recount when they are made.)"""
    if not created and getattr(instance, "_status_before", None) != instance.status:
        recount_for_campaigns(models, [instance.pk])
    else:
        recount(models, documents=[instance.pk])


@receiver(pre_delete, sender=Campaign)
def campaign_deleting(sender, instance, **kwargs):
    """Remember what a campaign links to: its links go with it, without signals of their own."""
    instance._linked_before_delete = linked_to_campaigns(models, [instance.pk])


@receiver(post_delete, sender=Campaign)
def campaign_deleted(sender, instance, **kwargs):
    """A campaign was deleted: recount what it linked to."""
    recount(models, **getattr(instance, "_linked_before_delete", {}))


@receiver(m2m_changed, sender=Campaign.platforms.through)
@receiver(m2m_changed, sender=Campaign.sources.through)
def campaign_links_changed(sender, instance, action, reverse, pk_set, model, **kwargs):
    """Platforms or sources were linked to or unlinked from campaigns."""
    kind = "platforms" if model is Platform or isinstance(instance, Platform) else "sources"
    if action == "pre_clear":
        if reverse:
            instance._cleared = list(instance.campaigns.values_list("pk", flat=True))
        else:
            instance._cleared = list(getattr(instance, kind).values_list("pk", flat=True))
        if reverse:  # a platform or source loses all its campaigns
            instance.campaigns.all().touch()
        return
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if action == "post_clear":
        pk_set = set(getattr(instance, "_cleared", []))
    campaign_ids = pk_set if reverse else {instance.pk}
    Campaign.objects.filter(pk__in=campaign_ids).touch()
    recount(models, **{kind: [instance.pk] if reverse else pk_set})
    if kind == "platforms":  # their names are in the campaigns' search documents
        recount(models, documents=campaign_ids)


# --------------------------------------------------------------------------- campaigns' parts


@receiver(pre_save, sender=Participation)
@receiver(pre_save, sender=TaggedCampaign)
@receiver(pre_save, sender=Figure)
@receiver(pre_save, sender=Platform)
@receiver(pre_save, sender=Source)
def remember_what_it_pointed_to(sender, instance, **kwargs):
    """Keep the rows a row pointed to before this save, to recount them after it."""
    fields = POINTERS[sender]
    instance._pointed_to = dict(zip(fields, previous(instance, *fields), strict=True))


POINTERS = {
    Participation: ["organisation_id", "campaign_id"],
    TaggedCampaign: ["tag_id", "content_object_id"],
    Figure: ["source_id", "organisation_id", "platform_id", "campaign_id"],
    Platform: ["operator_id"],
    Source: ["cited_by_id"],
}
"""The foreign keys whose rows' counts a save of each model can change."""


def before_and_after(instance, field):
    """The ids ``field`` points to before and after a save (or a delete)."""
    before = getattr(instance, "_pointed_to", {}).get(field)
    return present(before, getattr(instance, field))


@receiver(post_save, sender=Participation)
@receiver(post_delete, sender=Participation)
@receiver(post_save, sender=CampaignImage)
@receiver(post_delete, sender=CampaignImage)
def campaign_part_changed(sender, instance, raw=False, **kwargs):
    """A participant or image of a campaign was saved or deleted."""
    if not raw:
        Campaign.objects.filter(pk=instance.campaign_id).touch()
    if sender is Participation:
        recount(
            models,
            organisations=before_and_after(instance, "organisation_id"),
            documents=before_and_after(instance, "campaign_id"),
        )


@receiver(post_save, sender=TaggedCampaign)
@receiver(post_delete, sender=TaggedCampaign)
def campaign_tagged(sender, instance, raw=False, **kwargs):
    """A tag was put on or taken off a campaign."""
    if not raw:
        Campaign.objects.filter(pk=instance.content_object_id).touch()
    recount(
        models,
        tags=before_and_after(instance, "tag_id"),
        documents=before_and_after(instance, "content_object_id"),
    )


@receiver(pre_save, sender=Tag)
@receiver(pre_save, sender=Platform)
@receiver(pre_save, sender=Organisation)
def remember_names(sender, instance, **kwargs):
    """Keep the names a tag, platform or organisation had before this save."""
    instance._names_before = previous(instance, "name", "name_zh")


def renamed(instance):
    """Whether this save changed the English or Chinese name of a row that had one."""
    before = getattr(instance, "_names_before", [None, None])
    return before[0] is not None and before != [instance.name, instance.name_zh]


@receiver(post_save, sender=Tag)
def tag_renamed(sender, instance, created, raw=False, **kwargs):
    """A tag was renamed: every campaign carrying it now reads (and is found) differently."""
    if not created and renamed(instance):
        campaigns = Campaign.objects.filter(tagged_items__tag=instance)
        if not raw:
            campaigns.touch()
        recount(models, documents=list(campaigns.values_list("pk", flat=True)))


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, created, **kwargs):
    """An organisation was renamed: the campaigns it took part in are found by its new name."""
    if not created and renamed(instance):
        campaigns = Participation.objects.filter(organisation=instance).values("campaign_id")
        recount(models, documents=list(campaigns.values_list("campaign_id", flat=True)))


@receiver(post_save, sender=Figure)
@receiver(post_delete, sender=Figure)
def figure_changed(sender, instance, **kwargs):
    """A figure was saved or deleted: its campaign's count, its source's, and whether the
    source and the organisation or platform it is about are public."""
    recount(
        models,
        campaigns=before_and_after(instance, "campaign_id"),
        sources=before_and_after(instance, "source_id"),
        organisations=before_and_after(instance, "organisation_id"),
        platforms=before_and_after(instance, "platform_id"),
    )


STATED = ("stated_as", "value", "unit", "qualifier")
"""What a figure states: a change to any of these on a published case is a correction."""


@receiver(pre_save, sender=Figure)
def remember_what_it_stated(sender, instance, **kwargs):
    """Keep what a figure stated, and whether its case was public, before this save."""
    instance._stated_before = (
        Figure._base_manager.filter(pk=instance.pk)
        .values("campaign_id", "campaign__status", *STATED)
        .first()
        if instance.pk is not None
        else None
    )


@receiver(post_save, sender=Figure)
def record_correction(sender, instance, created, **kwargs):
    """A figure of a published case now states something else: a correction readers see,
    with the curator's public note (``correction_note``, set by the admin's form)."""
    before = getattr(instance, "_stated_before", None)
    if created or not before or before["campaign_id"] != instance.campaign_id:
        return
    if before["campaign__status"] != models.Status.PUBLISHED:
        return
    if all(before[name] == getattr(instance, name) for name in STATED):
        return
    words_changed = before["stated_as"] != instance.stated_as
    models.Correction.objects.create(
        campaign_id=instance.campaign_id,
        figure=instance,
        label=instance.label,
        label_zh=instance.label_zh,
        before=_stated(before, words_changed),
        after=_stated({name: getattr(instance, name) for name in STATED}, words_changed),
        note=getattr(instance, "correction_note", "") or "",
    )


def _stated(values, words_changed):
    """A figure's statement as a correction shows it: its words, or (when only the number,
    unit or qualifier changed) those."""
    if words_changed:
        return values["stated_as"][:300]
    qualifier = models.Qualifier(values["qualifier"]).label if values["qualifier"] else ""
    number = grouped_number(values["value"]) if values["value"] is not None else "—"
    return " ".join(str(part) for part in (qualifier, number, values["unit"]) if part)[:300]


@receiver(post_save, sender=Platform)
@receiver(post_delete, sender=Platform)
def platform_changed(sender, instance, created=False, **kwargs):
    """A platform was saved or deleted: its counts (a raw save writes them as loaded),
    whether its operator (old and new) is public, and, when it was renamed, the search
    documents of the campaigns on it."""
    recount(
        models,
        platforms=[instance.pk],
        organisations=before_and_after(instance, "operator_id"),
    )
    if not created and renamed(instance):
        links = Campaign.platforms.through.objects.filter(platform=instance)
        recount(models, documents=list(links.values_list("campaign_id", flat=True)))


@receiver(post_save, sender=Source)
def source_saved(sender, instance, **kwargs):
    """A source was saved: its counts, and whether it and the sources it is cited by (before
    and after) are public."""
    recount(models, sources={instance.pk} | before_and_after(instance, "cited_by_id"))


@receiver(post_delete, sender=Source)
def source_deleted(sender, instance, **kwargs):
    """A source was deleted: whether the source that cited it is still public."""
    recount(models, sources=present(instance.cited_by_id))


# --------------------------------------------------------------------------- bulk inserts


def created_in_bulk(model, rows, links):
    """Rows of ``model`` were inserted together, without ``save()`` or its signals (the
    loader's batches of new rows): do for them what the receivers above do for each.

    ``links`` holds the many-to-many rows inserted with them, ``{field name: [(row id,
    linked id), …]}``. Kept next to the receivers so that the two stay in step.
    """
    if not rows:
        return
    CatalogueVersion.bump()
    ids = [row.pk for row in rows]
    if model is Campaign:
        platforms = {linked for _pk, linked in links.get("platforms", [])}
        sources = {linked for _pk, linked in links.get("sources", [])}
        linked_ids = {pk for name in ("platforms", "sources") for pk, _ in links.get(name, [])}
        Campaign.objects.filter(pk__in=linked_ids).touch()
        recount(models, platforms=platforms, sources=sources, documents=ids)
    elif model is Participation:
        campaign_ids = present(*(row.campaign_id for row in rows))
        Campaign.objects.filter(pk__in=campaign_ids).touch()
        recount(
            models,
            organisations=present(*(row.organisation_id for row in rows)),
            documents=campaign_ids,
        )
    elif model is TaggedCampaign:
        campaign_ids = present(*(row.content_object_id for row in rows))
        Campaign.objects.filter(pk__in=campaign_ids).touch()
        recount(models, tags=present(*(row.tag_id for row in rows)), documents=campaign_ids)
    elif model is Figure:
        recount(
            models,
            campaigns=present(*(row.campaign_id for row in rows)),
            sources=present(*(row.source_id for row in rows)),
            organisations=present(*(row.organisation_id for row in rows)),
            platforms=present(*(row.platform_id for row in rows)),
        )
    elif model is Platform:
        recount(models, platforms=ids)  # and, through it, their operators
    elif model is Source:
        recount(models, sources=set(ids) | present(*(row.cited_by_id for row in rows)))
    elif model is not Organisation:  # a new organisation changes no count until linked
        raise ValueError(f"{model._meta.label} rows are not inserted in bulk.")


# --------------------------------------------------------------------------- the version


def _of_published_cases(model, link="campaign"):
    """The rows of a case's part whose case is published."""
    return lambda: model._base_manager.filter(**{f"{link}__status": models.Status.PUBLISHED})


SHOWN_TO_READERS = {
    Campaign: lambda: Campaign.objects.public(),
    Figure: lambda: Figure.objects.public(),
    Participation: _of_published_cases(Participation),
    CampaignImage: _of_published_cases(CampaignImage),
    models.Correction: _of_published_cases(models.Correction),
    TaggedCampaign: _of_published_cases(TaggedCampaign, link="content_object"),
    Organisation: lambda: Organisation.objects.public(),
    Platform: lambda: Platform.objects.public(),
    Source: lambda: Source.objects.public(),
    Tag: lambda: Tag.objects.public(),
}
"""For each catalogue model, the rows readers can see (a queryset, made when asked for)."""


def seen_by_readers(instance):
    """Whether readers can see this row as the database holds it now (False when it is not
    there; True for a model ``SHOWN_TO_READERS`` does not know yet)."""
    shown = SHOWN_TO_READERS.get(type(instance))
    if shown is None:
        return True
    if instance.pk is None:
        return False
    return shown().filter(pk=instance.pk).exists()


def catalogue_changing(sender, instance, raw=False, **kwargs):
    """Before a save or delete: whether readers could see the row (taken as yes for a raw
    save and inside a load, which make a new version anyway)."""
    instance._seen_before = raw or deferring() or seen_by_readers(instance)


def catalogue_changed(sender, instance, raw=False, **kwargs):
    """A row of the catalogue was saved or deleted: a new version if readers could see it
    before or can see it now. Connected after every other receiver of this module, so that
    "now" includes the counts and visibility flags they recount. A raw save (``loaddata``)
    and a change inside ``counts.deferred()`` (a load) always make one."""
    if raw or getattr(instance, "_seen_before", True) or seen_by_readers(instance):
        CatalogueVersion.bump()


for catalogue_model in CATALOGUE_MODELS:
    pre_save.connect(catalogue_changing, sender=catalogue_model, dispatch_uid="version-saving")
    pre_delete.connect(catalogue_changing, sender=catalogue_model, dispatch_uid="version-deleting")
    post_save.connect(catalogue_changed, sender=catalogue_model, dispatch_uid="version-save")
    post_delete.connect(catalogue_changed, sender=catalogue_model, dispatch_uid="version-delete")


@receiver(post_save, sender=CampaignImage)
def campaign_image_saved(sender, instance, **kwargs):
    """Make an image's renditions when its file is new or changed, and drop the old file's."""
    images.refresh_renditions(instance)


@receiver(post_delete, sender=CampaignImage)
def campaign_image_deleted(sender, instance, **kwargs):
    """Delete a deleted image's renditions (its file stays, for history to bring back)."""
    if instance.renditions_of:
        images.delete_renditions(instance.image.storage, instance.renditions_of)
