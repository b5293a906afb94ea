"""
What the cases of a download's rows list (platforms, participants, tags, sources, evidence),
read a chunk of rows at a time, a query each, as plain values (``Lists``): building model
instances prefetched for every row was where most of a download's time went. The record
fields that write them (``records.listed``) read them from the chunk's ``RowContext``.
"""

from collections import defaultdict
from typing import NamedTuple

from .evidence_records import EVIDENCE_VALUES, evidence_item
from .models import Campaign, Evidence, Participation, TaggedCampaign


class Participant(NamedTuple):
    """An organisation's part in a campaign, as a download writes it."""

    organisation: str
    role: str


class Lists(NamedTuple):
    """What the cases of a chunk of rows list, by campaign id: read once for the chunk, a
    query each, as plain values (the downloads' rows cost their building in Python)."""

    platforms: dict
    """The slugs of its platforms, in slug order."""
    participants: dict
    """Its participants, in their display order."""
    tags: dict
    """The slugs of its tags, sorted."""
    evidence: dict | None = None
    """Its evidence, in reading order (read for the JSON download only)."""
    sources: dict | None = None
    """The slugs of the sources it cites, in slug order (read for the case downloads)."""


def linked_slugs(campaign_ids, links, linked):
    """{campaign id: the slugs of the rows its many-to-many ``links`` names (its ``linked``:
    "platform", "source"), in slug order}, of these campaigns."""
    slugs = defaultdict(list)
    rows = getattr(Campaign, links).through.objects.filter(campaign_id__in=campaign_ids)
    for campaign_id, slug in rows.order_by(f"{linked}__slug").values_list(
        "campaign_id", f"{linked}__slug"
    ):
        slugs[campaign_id].append(slug)
    return slugs


def platforms_of(campaign_ids):
    """{campaign id: the slugs of its platforms, in slug order}, of these campaigns."""
    return linked_slugs(campaign_ids, "platforms", "platform")


def sources_of(campaign_ids):
    """{campaign id: the slugs of the sources it cites, in slug order}, of these campaigns."""
    return linked_slugs(campaign_ids, "sources", "source")


def participants_of(campaign_ids):
    """{campaign id: its participants, in their display order}, of these campaigns."""
    participants = defaultdict(list)
    parts = Participation.objects.filter(campaign_id__in=campaign_ids)
    for campaign_id, organisation, role in parts.values_list(
        "campaign_id", "organisation__slug", "role"
    ):
        participants[campaign_id].append(Participant(organisation, role))
    return participants


def tags_of(campaign_ids):
    """{campaign id: the slugs of its tags, sorted}, of these campaigns."""
    tags = defaultdict(list)
    tagged = TaggedCampaign.objects.filter(content_object_id__in=campaign_ids)
    for campaign_id, slug in tagged.values_list("content_object_id", "tag__slug"):
        tags[campaign_id].append(slug)
    for slugs in tags.values():
        slugs.sort()
    return tags


def evidence_of(campaign_ids):
    """{campaign id: its evidence (``evidence_item``), in reading order}, of these campaigns."""
    evidence = defaultdict(list)
    rows = Evidence.objects.filter(campaign_id__in=campaign_ids).in_reading_order()
    for campaign_id, *values in rows.values_list("campaign_id", *EVIDENCE_VALUES):
        evidence[campaign_id].append(evidence_item(*values))
    return evidence


def case_lists(cases):
    """The ``Lists`` of a chunk of cases."""
    ids = [case.pk for case in cases]
    return Lists(platforms_of(ids), participants_of(ids), tags_of(ids), sources=sources_of(ids))


def case_lists_with_evidence(cases):
    """The ``Lists`` of a chunk of cases with their evidence: for the JSON download."""
    ids = [case.pk for case in cases]
    return Lists(
        platforms_of(ids), participants_of(ids), tags_of(ids), evidence_of(ids), sources_of(ids)
    )


def figure_lists(figures):
    """The ``Lists`` of a chunk of figures' cases: the platforms alone, all a figure's row
    lists."""
    ids = {figure.campaign_id for figure in figures if figure.campaign_id}
    return Lists(platforms_of(ids), participants=None, tags=None)
