"""
What changed, and what must follow: the one owner of the data the catalogue derives from its
rows.

Derived from the rows, and kept in step here:

- the counts and visibility flags kept on rows (``models/counts.py``);
- each case's search document (``search/documents.py``);
- a case's ``updated_at`` when one of its parts or links changes (not a case made in the same
  unit of work: its parts are its first version, which keeps the time it was made or the
  time its catalogue file gives);
- the catalogue's version (``models/version.py``), when a change touches what readers see
  (a row public before or after it, by each model's ``public()``), so cached pages and ETags
  move on and a draft's edits stay unseen;
- an image's renditions (``renditions.py``).

Every write path reports the rows it changed: saves and deletes through their signals (one-line
forwarders in ``signals.py``), links of campaigns to platforms and sources, rows the loader
inserts in bulk (``added``), campaigns a service moves between statuses (``campaigns_moved``),
and writes to the whole catalogue (``everything_changed``). What must follow is noted and
brought in step **once per unit of work**: at the end of the outermost ``unit()`` — an admin
request, a service, a load, a restore, an import, a growth — still inside its transaction; a
change made outside any unit is a unit of its own.

Which rows follow a change is read from one table of each model's links (``FOLLOWS``), the same
way for one saved row as for ten thousand inserted ones; what a row was before a save is read
once, in one query, just before the save. The pending changes belong to the database connection,
as Django's own ``on_commit`` callbacks do.
"""

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from . import renditions
from .models import (
    Campaign,
    CampaignImage,
    CatalogueSummary,
    CatalogueVersion,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    Tag,
    TaggedCampaign,
    counts,
)
from .models.base import in_chunks

ALL = counts.ALL


@dataclass(frozen=True)
class Follows:
    """What follows a change to a row of one model."""

    counts: dict[str, str] = field(default_factory=dict)
    """{column: kind}: the rows the column names (before and after the change) are recounted
    as that kind (``campaigns``, ``platforms``, ``tags``, ``organisations``, ``sources``); ``id``
    is the row itself, whose kept counts are recounted after every save."""
    counted: tuple[str, ...] = ()
    """Other columns whose change changes those counts (a figure becoming a conversion)."""
    document: str | None = None
    """The column naming the case whose search document holds this row."""
    campaign: str | None = None
    """The column naming the campaign whose ``updated_at`` moves with this row."""
    names: tuple[str, ...] = ()
    """Fields whose change rewrites the search documents of the cases linked to the row."""
    campaigns_of: str | None = None
    """How to find the cases linked to a renamed row: a lookup on Campaign."""
    touch_renamed: bool = False
    """Whether renaming it also moves its cases' ``updated_at`` (tags: the case shows them)."""


FOLLOWS = {
    Campaign: Follows(counts={"id": "campaigns"}, document="id"),
    Figure: Follows(
        counts={
            "campaign_id": "campaigns",
            "source_id": "sources",
            "organisation_id": "organisations",
            "platform_id": "platforms",
        },
        counted=("conversion_of_id", "same_measure_as_id"),
    ),
    Participation: Follows(
        counts={"organisation_id": "organisations"}, document="campaign_id", campaign="campaign_id"
    ),
    TaggedCampaign: Follows(
        counts={"tag_id": "tags"}, document="content_object_id", campaign="content_object_id"
    ),
    CampaignImage: Follows(campaign="campaign_id"),
    Platform: Follows(
        counts={"id": "platforms", "operator_id": "organisations"},
        names=("name", "name_zh"),
        campaigns_of="platforms",
    ),
    Organisation: Follows(
        counts={"id": "organisations"},
        names=("name", "name_zh"),
        campaigns_of="participations__organisation",
    ),
    Tag: Follows(
        counts={"id": "tags"},
        names=("name", "name_zh"),
        campaigns_of="tagged_items__tag",
        touch_renamed=True,
    ),
    Source: Follows(counts={"id": "sources", "cited_by_id": "sources"}),
}
"""For each catalogue model, what a change to one of its rows is followed by (besides a new
version when readers see it; a campaign's change of status is followed by a recount of all
it links to)."""


def _columns(model) -> list[str]:
    """The columns of a row that say what follows its change, read once before a save."""
    rule = FOLLOWS.get(model, Follows())
    columns = {name for name in (*rule.counts, *rule.counted) if name != "id"}
    columns |= {name for name in (rule.document, rule.campaign) if name and name != "id"}
    columns |= set(rule.names)
    if model is Campaign:
        columns.add("status")
    return sorted(columns)


# --------------------------------------------------------------------------- pending changes


@dataclass
class Pending:
    """The changes of one unit of work, noted until it ends."""

    depth: int = 0
    explicit: bool = False
    recount: dict = field(default_factory=lambda: defaultdict(set))
    moved: set = field(default_factory=set)
    renamed: dict = field(default_factory=lambda: defaultdict(set))
    touched: set = field(default_factory=set)
    created: set = field(default_factory=set)
    """Cases made in this unit: their parts do not move their ``updated_at``."""
    version: bool = False
    maybe_public: dict = field(default_factory=lambda: defaultdict(set))
    images: dict = field(default_factory=dict)
    dropped_renditions: list = field(default_factory=list)
    before: dict = field(default_factory=dict)

    def note(self, kind: str, ids) -> None:
        """Recount the rows ``ids`` (or ``ALL``) of ``kind``."""
        if ids == ALL or self.recount.get(kind) == ALL:
            self.recount[kind] = ALL
            return
        ids = {pk for pk in ids if pk is not None}
        if ids:
            self.recount[kind] |= ids
            if len(self.recount[kind]) > counts.NOTE_AT_MOST:
                self.recount[kind] = ALL


def _pending(using=DEFAULT_DB_ALIAS) -> Pending:
    connection = connections[using]
    pending = getattr(connection, "derived_changes", None)
    if pending is None:
        pending = connection.derived_changes = Pending()
    return pending


def _reset(*, keep_before: bool, using=DEFAULT_DB_ALIAS) -> None:
    """Forget the unit's changes. A change reported on its own may come between another row's
    read before its save and that save's end, whose read is kept."""
    before = _pending(using).before if keep_before else {}
    connections[using].derived_changes = Pending(before=before)


@contextmanager
def unit(*, atomic: bool = True, explicit: bool = True):
    """A unit of work: what its writes must be followed by is brought in step once, when the
    outermost unit ends, inside its transaction (with ``atomic``, the unit's own). Nothing is
    applied when it fails: its transaction is rolled back. A write path's own (``explicit``)
    unit also counts the catalogue's summary again when it made a new version, so that no
    reader waits for it."""
    pending = _pending()
    if explicit:
        pending.explicit = True
    if pending.depth:
        pending.depth += 1
        try:
            yield
        finally:
            pending.depth -= 1
        return
    with transaction.atomic() if atomic else _nothing():
        pending.depth = 1
        try:
            yield
            pending.depth = 0
            _apply(pending)
        finally:
            _reset(keep_before=not atomic)


@contextmanager
def _nothing():
    yield


def _one_change():
    """A change reported outside any unit is a unit of its own (no transaction of its own:
    the save that reported it has already run; its summary is counted when first asked)."""
    return unit(atomic=False, explicit=False)


# --------------------------------------------------------------------------- what is reported


def saving(instance, *, raw: bool = False) -> None:
    """Before a row is saved: read, once, what its change may be followed by."""
    model = type(instance)
    if instance.pk is None:
        return
    row = (
        model._base_manager.filter(pk=instance.pk)
        .annotate(_public=Exists(model._default_manager.public().filter(pk=OuterRef("pk"))))
        .values(*_columns(model), "_public")
        .first()
    )
    if row is not None:
        _pending().before[(model, instance.pk)] = row


def saved(instance, *, created: bool, raw: bool = False) -> None:
    """After a row was saved: note what follows from the row it was and the row it is."""
    model = type(instance)
    with _one_change():
        pending = _pending()
        before = pending.before.pop((model, instance.pk), None)
        after = {name: getattr(instance, name) for name in _columns(model)}
        after["id"] = instance.pk
        _follow(pending, model, before, after, raw=raw)
        if created and model is Campaign:
            pending.created.add(instance.pk)
        if raw or (before is not None and before["_public"]):
            pending.version = True
        else:
            pending.maybe_public[model].add(instance.pk)
        if model is CampaignImage:
            pending.images[instance.pk] = instance


def deleting(instance) -> None:
    """Before a row is deleted: what it was, and, for a case, everything it links to (its links
    go with it, without signals of their own)."""
    saving(instance)
    pending = _pending()
    if type(instance) is Campaign:
        linked = counts.linked_to_campaigns([instance.pk])
        for kind, ids in linked.items():
            pending.note(kind, ids)
    elif type(instance) is Platform:
        # Its links to campaigns go with it, without signals: their documents name it.
        campaigns = _ids(Campaign._base_manager.filter(platforms=instance.pk))
        pending.note("documents", campaigns)
        pending.touched |= campaigns


def deleted(instance) -> None:
    """After a row was deleted: note what follows from the row it was."""
    model = type(instance)
    with _one_change():
        pending = _pending()
        before = pending.before.pop((model, instance.pk), None)
        if before is None:  # deleted without the read before (a row a cascade took along)
            before = {name: getattr(instance, name, None) for name in _columns(model)}
            before["_public"] = True
        before["id"] = instance.pk
        _follow(pending, model, before, None)
        if before["_public"]:
            pending.version = True
        if model is CampaignImage and instance.renditions_of:
            pending.dropped_renditions.append((instance.image.storage, instance.renditions_of))


def relinked(instance, *, action: str, reverse: bool, pk_set, model) -> None:
    """Cases linked to (or unlinked from) platforms or sources, from either side (Django's
    ``m2m_changed``): a clear is noted before it happens, while its links can still be read."""
    kind = "platforms" if model is Platform or isinstance(instance, Platform) else "sources"
    if action == "post_clear":
        unlinked()
        return
    if action == "pre_clear":
        others = instance.campaigns if reverse else getattr(instance, kind)
        pk_set = set(others.values_list("pk", flat=True))
    elif action not in {"post_add", "post_remove"}:
        return
    campaign_ids, linked_ids = (pk_set, {instance.pk}) if reverse else ({instance.pk}, pk_set)
    report = unlinking if action == "pre_clear" else linked
    report(campaign_ids=campaign_ids, kind=kind, linked_ids=linked_ids)


def linked(*, campaign_ids, kind: str, linked_ids) -> None:
    """Cases were linked to or unlinked from platforms or sources (``kind``)."""
    with _one_change():
        _note_links(_pending(), campaign_ids, kind, linked_ids)


def unlinking(*, campaign_ids, kind: str, linked_ids) -> None:
    """All the links of a case (or of a platform or source) are about to be removed: note
    them while they can be read; ``unlinked()`` follows once they are gone."""
    _note_links(_pending(), campaign_ids, kind, linked_ids)


def unlinked() -> None:
    """The links ``unlinking()`` noted are gone."""
    with _one_change():
        pass


def _note_links(pending: Pending, campaign_ids, kind: str, linked_ids) -> None:
    pending.touched |= set(campaign_ids)
    pending.note(kind, linked_ids)
    if kind == "platforms":  # their names are in the cases' search documents
        pending.note("documents", campaign_ids)
    pending.maybe_public[Campaign] |= set(campaign_ids)


def added(model, rows, links: dict[str, list[tuple[Any, Any]]] | None = None) -> None:
    """Rows of ``model`` were inserted together, without ``save()`` (the loader's batches of
    new rows), with their many-to-many links ``{field name: [(row id, linked id), …]}``."""
    with _one_change():
        pending = _pending()
        pending.version = True
        for row in rows:
            after = {name: getattr(row, name) for name in _columns(model)}
            after["id"] = row.pk
            _follow(pending, model, None, after, raw=False)
            if model is Campaign:
                pending.created.add(row.pk)
        for name, pairs in (links or {}).items():
            linked(
                campaign_ids={pk for pk, _other in pairs},
                kind=name,
                linked_ids={other for _pk, other in pairs},
            )


def campaigns_moved(campaign_ids, *, were_public: bool) -> None:
    """Cases changed status in bulk (published, unpublished, withdrawn …): what they link to
    is recounted, and readers see a new catalogue if any was public before or is now."""
    with _one_change():
        pending = _pending()
        pending.moved |= set(campaign_ids)
        if were_public:
            pending.version = True
        else:
            pending.maybe_public[Campaign] |= set(campaign_ids)


def everything_changed() -> None:
    """The whole catalogue was written another way (grown, recounted by hand): every count,
    flag and document is worked out again, and readers see a new catalogue."""
    with _one_change():
        pending = _pending()
        for kind in counts.KINDS:
            pending.note(kind, ALL)
        pending.version = True


def _follow(pending: Pending, model, before: dict | None, after: dict | None, *, raw=False):
    """Note what follows one row's change from ``before`` to ``after`` (None: no such row)."""
    rule = FOLLOWS.get(model)
    if rule is None:
        return
    states = [state for state in (before, after) if state is not None]

    def moved(columns):
        """Whether the change can have moved what these columns decide (a raw save writes
        the kept counts as loaded: they are worked out again)."""
        if before is None or after is None or raw:
            return True
        return any(before.get(column) != after.get(column) for column in columns if column != "id")

    pointers_moved = moved([*rule.counts, *rule.counted])
    for column, kind in rule.counts.items():
        # A row's own kept counts are written back by its save as the instance held them, so
        # they are always worked out again; the rows it points to only when it moved.
        if column == "id" or pointers_moved:
            pending.note(kind, [state.get(column) for state in states])
    if rule.document and (model is Campaign or moved([rule.document, *rule.counts])):
        pending.note("documents", [state.get(rule.document) for state in states])
    if rule.campaign and not raw:
        pending.touched |= {state.get(rule.campaign) for state in states} - {None}
    if model is Campaign and before is not None and after is not None:
        if before["status"] != after["status"]:
            pending.moved.add(after["id"])
    if rule.names and before is not None and after is not None:
        if any(before[name] != after[name] for name in rule.names):
            pending.renamed[model].add(after["id"])


# --------------------------------------------------------------------------- bringing it in step


def _apply(pending: Pending) -> None:
    """Bring everything the unit's changes touched in step, in one pass."""
    if pending.moved:
        moved = sorted(pending.moved)
        for kind, ids in counts.linked_to_campaigns(moved).items():
            pending.note(kind, ids)
        pending.note("campaigns", moved)
        pending.note("documents", moved)
    for model, ids in pending.renamed.items():
        rule = FOLLOWS[model]
        cases = _ids(Campaign._base_manager.filter(**{f"{rule.campaigns_of}__in": ids}))
        pending.note("documents", cases)
        if rule.touch_renamed:
            pending.touched |= cases
    touched = pending.touched - pending.created
    if touched:
        now = timezone.now()
        for chunk in in_chunks(touched):
            Campaign._base_manager.filter(pk__in=chunk).update(updated_at=now)
    if pending.recount:
        counts.recount(**pending.recount)
    if pending.version or _any_public_now(pending.maybe_public):
        CatalogueVersion.bump()
        if pending.recount.get("documents"):  # titles readers see may have new words
            from .search.offers import keep_title_words

            keep_title_words(pending.recount["documents"])
        if pending.explicit:
            CatalogueSummary.keep()
    for image in pending.images.values():
        renditions.refresh_renditions(image)
    for storage, name in pending.dropped_renditions:
        renditions.delete_renditions(storage, name)


def _any_public_now(rows: dict) -> bool:
    """Whether readers see any of these rows now (after the recounts)."""
    for model, ids in rows.items():
        for chunk in in_chunks(ids):
            if model._default_manager.public().filter(pk__in=chunk).exists():
                return True
    return False


def _ids(queryset: models.QuerySet) -> set:
    return set(queryset.order_by().values_list("pk", flat=True).distinct())
