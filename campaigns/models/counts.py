"""
Counts, visibility and search documents kept on the rows they describe, so that lists,
filters, search and the home page read a column instead of going through large tables on every
request.

- ``Campaign.figure_count``: its figures, a conversion or another statement of a measure
  counted with its figure.
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
``recount``; ``manage.py recount_catalogue`` recounts everything by hand. Each count is one
grouped query per statement, joined to the rows it counts for (``PerRow``, ``_update``): the
same few statements whether they recount one row or 100,000. The SQL reads the models as they
are today (migrations keep frozen copies of what they ran).
"""

import sqlite3
from dataclasses import dataclass, replace

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from ..search.documents import refresh_search_documents
from .base import in_chunks
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
recount's statements loop over tables they take for small ones."""


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
    for chunk in in_chunks(campaign_ids):
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


def _ids(queryset, field):
    return set(queryset.order_by().values_list(field, flat=True).distinct())


@dataclass(frozen=True)
class PerRow:
    """Rows counted once per row of the model being recounted: ``value`` of the rows
    ``rows`` (``FROM … WHERE …``) grouped by ``key``, the id of the row they count for. The
    recount reads it as ``{alias}.n``, NULL for a row none count for."""

    alias: str
    key: str
    rows: str
    value: str = "COUNT(*)"

    def join(self, chosen: bool) -> str:
        """The grouped rows, LEFT JOINed to the rows being recounted (``t``); ``chosen``: only
        the groups of the chosen rows are counted."""
        only = f" AND {self.key} IN (SELECT id FROM chosen)" if chosen else ""
        return (
            f"LEFT JOIN (SELECT {self.key} AS id, {self.value} AS n FROM {self.rows}{only} "
            f"GROUP BY {self.key}) {self.alias} ON {self.alias}.id = t.id"
        )


def _update(model_name, values, ids, counted=(), joins=()):
    """Set each column of ``values`` ({column: SQL expression}) on the rows ``ids`` (or all of
    them), writing only the rows whose values change.

    The expressions read the row as ``t``, each ``PerRow`` of ``counted`` as its alias and the
    tables ``joins`` names (``LEFT JOIN … ON …``, with ``t``). The counts are grouped once
    per statement and joined to the rows (``UPDATE … FROM``), never counted by a subquery
    run once per row: how such a subquery was planned decided whether a recount of 100,000
    cases took seconds or a quarter of an hour (SQLite, without statistics after a growth,
    read every published campaign once per source). ``{name}`` in the SQL is the table of that
    model; the SQL is the same on PostgreSQL and SQLite (3.33 or later, for ``UPDATE …
    FROM``). Written as SQL rather than through the ORM: these statements run after every
    save, and building them with querysets cost more than running them. A row whose values
    stand is not written at all: recounting 100,000 campaigns rewrote every row and every one
    of a campaign's dozen indexes, though few counts had moved.
    """
    if ids != ALL:
        ids = [pk for pk in ids if pk is not None]
        if not ids:
            return
    if connection.vendor == "sqlite" and sqlite3.sqlite_version_info < (3, 33):
        raise ImproperlyConfigured(
            f"The catalogue needs SQLite 3.33 or later to keep its counts (UPDATE … FROM); "
            f"this Python has SQLite {sqlite3.sqlite_version}. Use a Python built with a newer "
            "SQLite, or PostgreSQL."
        )
    tables = _tables()
    table = tables[model_name]
    chosen = ids != ALL
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    joined = [per_row.join(chosen) for per_row in counted] + list(joins)
    select = ", ".join(f"({expression}) AS {column}" for column, expression in values.items())
    rows = f"SELECT t.id AS id, {select} FROM {table} t {' '.join(joined)}"
    if chosen:
        rows += " WHERE t.id IN (SELECT id FROM chosen)"
    assignments = ", ".join(f"{column} = g.{column}" for column in values)
    changed = " OR ".join(f"{table}.{column} {differs} g.{column}" for column in values)
    sql = (
        f"UPDATE {table} SET {assignments} FROM ({rows}) g WHERE g.id = {table}.id AND ({changed})"
    ).format(**tables)
    with connection.cursor() as cursor:
        if not chosen:
            cursor.execute(sql)
            return
        for chunk in in_chunks(ids):
            listed = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"WITH chosen AS (SELECT id FROM {table} WHERE id IN ({listed})) {sql}", chunk
            )


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
    (``ANALYZE`` counts the rows it inserted). The statements here are written to be planned
    well on SQLite without statistics (``_published_campaigns``)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(sorted(set(_tables().values())))}")


def _published_campaigns(links, key, campaign="campaign_id"):
    """The published campaigns per row the table of links to campaigns ``links`` names in its
    column ``key``, as ``published`` (a link is ``l``, its campaign ``c``)."""
    # CROSS JOIN: SQLite goes from the links to their campaigns, as PostgreSQL's planner
    # does; without statistics, SQLite would read every published campaign to count the links
    # of one row.
    return PerRow(
        "published",
        f"l.{key}",
        f"{{{links}}} l CROSS JOIN {{Campaign}} c "
        f"WHERE c.id = l.{campaign} AND c.status = '{PUBLISHED}'",
    )


PUBLIC_FIGURES = (
    "{Figure} f LEFT JOIN {Campaign} c ON c.id = f.campaign_id "
    f"WHERE (f.campaign_id IS NULL OR c.status = '{PUBLISHED}')"
)
"""The figures readers may see, as ``f``."""


def _public_figures(key):
    """The public figures per row their column ``key`` names, as ``figures``."""
    return PerRow("figures", f"f.{key}", f"{PUBLIC_FIGURES} AND f.{key} IS NOT NULL")


def _recount_campaigns(ids):
    # Conversions and a measure's other statements are counted with their figure: the figures
    # less those converting another or restating its measure. (Filtered on
    # ``conversion_of_id IS NULL`` instead, SQLite without statistics reads every
    # figure that converts nothing to count one campaign's.)
    figures = PerRow(
        "figures",
        "f.campaign_id",
        "{Figure} f WHERE f.campaign_id IS NOT NULL",
        value="COUNT(*) - COUNT(f.conversion_of_id) - COUNT(f.same_measure_as_id)",
    )
    _update("Campaign", {"figure_count": "COALESCE(figures.n, 0)"}, ids, [figures])


def _recount_platforms(ids):
    published = _published_campaigns("platform_links", "platform_id")
    _update("Platform", {"published_campaign_count": "COALESCE(published.n, 0)"}, ids, [published])
    _update(
        "Platform",
        {"is_public": "t.published_campaign_count > 0 OR figures.n IS NOT NULL"},
        ids,
        [_public_figures("platform_id")],
    )


def _with_operators(organisations, platforms):
    """``organisations`` and the operators of ``platforms``: whether an organisation is public
    depends on whether a platform it runs is."""
    if organisations == ALL or platforms == ALL:
        return ALL
    from .organisations import Platform

    operators = set(organisations)
    for chunk in in_chunks(platforms):
        operators |= _ids(
            Platform._base_manager.filter(pk__in=chunk).exclude(operator=None), "operator_id"
        )
    return operators


def _recount_tags(ids):
    published = _published_campaigns("TaggedCampaign", "tag_id", campaign="content_object_id")
    _update("Tag", {"published_campaign_count": "COALESCE(published.n, 0)"}, ids, [published])


def _recount_organisations(ids):
    published = _published_campaigns("Participation", "organisation_id")
    # A campaign counts once however many parts the organisation has in it.
    published = replace(published, value="COUNT(DISTINCT l.campaign_id)")
    _update(
        "Organisation", {"published_campaign_count": "COALESCE(published.n, 0)"}, ids, [published]
    )
    operates = PerRow(
        "operates", "o.operator_id", "{Platform} o WHERE o.operator_id IS NOT NULL AND o.is_public"
    )
    _update(
        "Organisation",
        {
            "is_public": "t.published_campaign_count > 0 OR operates.n IS NOT NULL "
            "OR figures.n IS NOT NULL"
        },
        ids,
        [operates, _public_figures("organisation_id")],
    )


def _backs(source):
    """Whether the source ``source`` (an alias) backs published content."""
    return f"({source}.published_campaign_count > 0 OR {source}.public_figure_count > 0)"


def _recount_sources(ids):
    from .sources import Source

    sources = Source._base_manager
    if ids != ALL:
        ids = set(ids)
        # Whether a source is public depends on the source citing it and on its references.
        for chunk in in_chunks(ids):
            ids |= _ids(sources.filter(pk__in=chunk).exclude(cited_by=None), "cited_by_id")
        for chunk in in_chunks(ids):
            ids |= _ids(sources.filter(cited_by__in=chunk), "pk")
    published = _published_campaigns("source_links", "source_id")
    figures = PerRow("figures", "f.source_id", PUBLIC_FIGURES)
    _update(
        "Source",
        {
            "published_campaign_count": "COALESCE(published.n, 0)",
            "public_figure_count": "COALESCE(figures.n, 0)",
        },
        ids,
        [published, figures],
    )
    references = PerRow(
        "refs", "r.cited_by_id", f"{{Source}} r WHERE r.cited_by_id IS NOT NULL AND {_backs('r')}"
    )
    _update(
        "Source",
        {
            "is_public": f"{_backs('t')} OR refs.n IS NOT NULL "
            f"OR COALESCE({_backs('citing')}, FALSE)"
        },
        ids,
        [references],
        ["LEFT JOIN {Source} citing ON citing.id = t.cited_by_id"],
    )
