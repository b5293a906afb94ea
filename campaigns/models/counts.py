"""
Counts, visibility and search documents kept on the rows they describe, so that lists,
filters, search and the home page read a column instead of going through large tables on every
request.

- ``Campaign.figure_count``: its figures, a conversion counted with its figure.
- ``Platform.published_campaign_count``, ``Tag.published_campaign_count``,
  ``Organisation.published_campaign_count``: the published campaigns each is part of.
- ``Source.published_campaign_count`` and ``Source.public_figure_count``: the published
  campaigns naming it and the public figures citing it.
- ``Campaign.search_text`` and ``search_document``: what a search looks in (``search.py``).
- ``Platform.is_public``: a published campaign ran on it or a public figure is about it.
  ``Organisation.is_public``: it has a part in a published campaign, runs a public platform,
  or a public figure is about it. ``Source.is_public``: it backs published content (a count above),
  or one of its numbered references does, or the source citing it does.

``derived.py`` decides which rows to recount after a change (once per unit of work) and calls
``recount``; ``manage.py recount_catalogue`` recounts everything by hand. The SQL reads the
models as they are today (migrations keep frozen copies of what they ran).
"""

from django.db import connection

from ..search.documents import refresh_search_documents
from .base import IDS_PER_STATEMENT
from .choices import Status

PUBLISHED = Status.PUBLISHED.value

KINDS = ("campaigns", "platforms", "tags", "organisations", "sources", "documents")
"""What can be recounted: each model's counts and flags, and the cases' search documents."""

ALL = "all"
"""Recount every row of a model, not only the given ones."""

NOTE_AT_MOST = 20_000
"""A unit of work (``derived.py``) noting more rows of a kind than this recounts them all
instead: it takes seconds at 100,000 cases, the memory the ids would take stays free, and no
statement is given more ids than SQLite takes at once (32,766)."""

ANALYSE_ABOVE = 10_000
"""Recounting more rows than this (after a load or a growth) first brings PostgreSQL's table
statistics up to date: planned for the tables as they were before 100,000 rows came in, the
recount's subqueries scan whole tables once per row and take hours instead of seconds."""


def recount(
    *,
    campaigns=(),
    platforms=(),
    tags=(),
    organisations=(),
    sources=(),
    documents=(),
):
    """Recount the given rows (ids, or ``ALL``) of each kind."""
    kinds = [campaigns, platforms, tags, organisations, sources, documents]
    if any(ids == ALL for ids in kinds) or sum(map(len, kinds)) > ANALYSE_ABOVE:
        _analyse()
    if campaigns:
        _recount_campaigns(campaigns)
    if platforms:
        _recount_platforms(platforms)
        organisations = _with_operators(organisations, platforms)
    if tags:
        _recount_tags(tags)
    if organisations:
        _recount_organisations(organisations)
    if sources:
        _recount_sources(sources)
    if documents:
        refresh_search_documents(documents)


def recount_everything():
    """Recount every row of every kind (what ``derived.everything_changed`` leads to)."""
    recount(**dict.fromkeys(KINDS, ALL))


def linked_to_campaigns(campaign_ids):
    """The ids of the platforms, tags, organisations and sources linked to these campaigns."""
    from .campaigns import Campaign
    from .figures import Figure
    from .parts import Participation
    from .tags import TaggedCampaign

    linked = {"platforms": set(), "tags": set(), "organisations": set(), "sources": set()}
    for chunk in _chunks(campaign_ids):
        figures = Figure._base_manager.filter(campaign_id__in=chunk)
        linked["platforms"] |= _ids(
            Campaign.platforms.through.objects.filter(campaign_id__in=chunk), "platform_id"
        ) | _ids(figures.exclude(platform=None), "platform_id")
        linked["tags"] |= _ids(
            TaggedCampaign._base_manager.filter(content_object_id__in=chunk), "tag_id"
        )
        linked["organisations"] |= _ids(
            Participation._base_manager.filter(campaign_id__in=chunk), "organisation_id"
        ) | _ids(figures.exclude(organisation=None), "organisation_id")
        linked["sources"] |= _ids(
            Campaign.sources.through.objects.filter(campaign_id__in=chunk), "source_id"
        ) | _ids(figures, "source_id")
    return linked


def _chunks(ids):
    """``ids`` in order, ``IDS_PER_STATEMENT`` at a time (a list of each)."""
    ids = sorted(ids)
    return [
        ids[start : start + IDS_PER_STATEMENT] for start in range(0, len(ids), IDS_PER_STATEMENT)
    ]


def _ids(queryset, field):
    return set(queryset.order_by().values_list(field, flat=True).distinct())


def _update(model_name, values, ids):
    """Set each column of ``values`` ({column: SQL expression}) on the rows ``ids`` (or all of
    them), writing only the rows whose values change.

    Written as SQL rather than through the ORM: these statements run after every save, and
    building them with querysets cost more than running them. ``{name}`` in an expression is
    the table of that model; the SQL is the same on PostgreSQL and SQLite. A row whose values
    stand is not written at all: recounting 100,000 campaigns rewrote every row and every one
    of a campaign's dozen indexes, though few counts had moved.
    """
    if ids != ALL:
        ids = [pk for pk in ids if pk is not None]
        if not ids:
            return
    tables = _tables()
    table = tables[model_name]
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    values = {column: expression.format(**tables) for column, expression in values.items()}
    assignments = ", ".join(f"{column} = ({expression})" for column, expression in values.items())
    changed = " OR ".join(
        f"{table}.{column} {differs} ({expression})" for column, expression in values.items()
    )
    sql = f"UPDATE {table} SET {assignments} WHERE ({changed})"
    with connection.cursor() as cursor:
        if ids == ALL:
            cursor.execute(sql)
            return
        for chunk in _chunks(ids):
            cursor.execute(f"{sql} AND {table}.id IN ({', '.join(['%s'] * len(chunk))})", chunk)


def _tables():
    """{name: table} of the catalogue's models, and of the campaigns' platform and source
    links."""
    from .campaigns import Campaign
    from .figures import Figure
    from .organisations import Organisation, Platform
    from .parts import Participation
    from .sources import Source
    from .tags import Tag, TaggedCampaign

    tables = {
        model.__name__: model._meta.db_table
        for model in (
            Campaign,
            Figure,
            Organisation,
            Participation,
            Platform,
            Source,
            Tag,
            TaggedCampaign,
        )
    }
    tables["platform_links"] = Campaign.platforms.through._meta.db_table
    tables["source_links"] = Campaign.sources.through._meta.db_table
    return tables


def _analyse():
    """Update PostgreSQL's statistics of the catalogue's tables, in the current transaction
    (``ANALYZE`` counts the rows it inserted). SQLite plans without them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(sorted(set(_tables().values())))}")


PUBLIC_FIGURE = (
    "LEFT JOIN {Campaign} c ON c.id = f.campaign_id "
    f"WHERE (f.campaign_id IS NULL OR c.status = '{PUBLISHED}')"
)
"""Joined to ``{Figure} f``: only the figures readers may see."""


def _recount_campaigns(ids):
    # Conversions are counted with their figure.
    _update(
        "Campaign",
        {
            "figure_count": "SELECT COUNT(*) FROM {Figure} f WHERE f.campaign_id = {Campaign}.id"
            " AND f.conversion_of_id IS NULL"
        },
        ids,
    )


def _recount_platforms(ids):
    _update(
        "Platform",
        {
            "published_campaign_count": "SELECT COUNT(*) FROM {platform_links} l "
            "JOIN {Campaign} c ON c.id = l.campaign_id "
            f"WHERE l.platform_id = {{Platform}}.id AND c.status = '{PUBLISHED}'"
        },
        ids,
    )
    _update(
        "Platform",
        {
            "is_public": "published_campaign_count > 0 "
            "OR EXISTS (SELECT 1 FROM {Figure} f "
            + PUBLIC_FIGURE
            + " AND f.platform_id = {Platform}.id)"
        },
        ids,
    )


def _with_operators(organisations, platforms):
    """``organisations`` and the operators of ``platforms``: whether an organisation is public
    depends on whether a platform it runs is."""
    if organisations == ALL or platforms == ALL:
        return ALL
    from .organisations import Platform

    operators = set(organisations)
    for chunk in _chunks(platforms):
        operators |= _ids(
            Platform._base_manager.filter(pk__in=chunk).exclude(operator=None), "operator_id"
        )
    return operators


def _recount_tags(ids):
    _update(
        "Tag",
        {
            "published_campaign_count": "SELECT COUNT(*) FROM {TaggedCampaign} l "
            "JOIN {Campaign} c ON c.id = l.content_object_id "
            f"WHERE l.tag_id = {{Tag}}.id AND c.status = '{PUBLISHED}'"
        },
        ids,
    )


def _recount_organisations(ids):
    _update(
        "Organisation",
        {
            "published_campaign_count": "SELECT COUNT(DISTINCT p.campaign_id) "
            "FROM {Participation} p JOIN {Campaign} c ON c.id = p.campaign_id "
            f"WHERE p.organisation_id = {{Organisation}}.id AND c.status = '{PUBLISHED}'"
        },
        ids,
    )
    _update(
        "Organisation",
        {
            "is_public": "published_campaign_count > 0 "
            "OR EXISTS (SELECT 1 FROM {Platform} o WHERE o.operator_id = {Organisation}.id"
            " AND o.is_public) "
            "OR EXISTS (SELECT 1 FROM {Figure} f "
            + PUBLIC_FIGURE
            + " AND f.organisation_id = {Organisation}.id)"
        },
        ids,
    )


def _recount_sources(ids):
    from .sources import Source

    sources = Source._base_manager
    if ids != ALL:
        ids = set(ids)
        # Whether a source is public depends on the source citing it and on its references.
        for chunk in _chunks(ids):
            ids |= _ids(sources.filter(pk__in=chunk).exclude(cited_by=None), "cited_by_id")
        for chunk in _chunks(ids):
            ids |= _ids(sources.filter(cited_by__in=chunk), "pk")
    _update(
        "Source",
        {
            "published_campaign_count": "SELECT COUNT(*) FROM {source_links} l "
            "JOIN {Campaign} c ON c.id = l.campaign_id "
            f"WHERE l.source_id = {{Source}}.id AND c.status = '{PUBLISHED}'",
            "public_figure_count": "SELECT COUNT(*) FROM {Figure} f "
            + PUBLIC_FIGURE
            + " AND f.source_id = {Source}.id",
        },
        ids,
    )
    backs = "(r.published_campaign_count > 0 OR r.public_figure_count > 0)"
    _update(
        "Source",
        {
            "is_public": "published_campaign_count > 0 OR public_figure_count > 0 "
            f"OR EXISTS (SELECT 1 FROM {{Source}} r WHERE r.cited_by_id = {{Source}}.id "
            f"AND {backs}) "
            f"OR EXISTS (SELECT 1 FROM {{Source}} r WHERE r.id = {{Source}}.cited_by_id "
            f"AND {backs})"
        },
        ids,
    )
