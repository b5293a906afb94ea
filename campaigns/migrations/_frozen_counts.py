"""
A frozen copy of the recount SQL as data migrations 0006, 0018 and 0020 ran it: given the
historical models of the migration's moment (``models``: an object with the catalogue's model
classes as attributes), and knowing the fields that did not exist yet. The live code
(``campaigns/models/counts.py``) knows only today's models.
"""

from django.db import connection

from campaigns.migrations._frozen_search import refresh_search_documents

IDS_PER_STATEMENT = 900

PUBLISHED = "published"

ALL = "all"
"""Recount every row of a model, not only the given ones."""

NOTE_AT_MOST = 20_000
"""A deferred recount noting more rows of a kind than this recounts them all instead: it takes
seconds at 100,000 cases, the memory the ids would take stays free, and no statement is given
more ids than SQLite takes at once (32,766)."""

ANALYSE_ABOVE = 10_000
"""Recounting more rows than this (after a load or a growth) first brings PostgreSQL's table
statistics up to date: planned for the tables as they were before 100,000 rows came in, the
recount's subqueries scan whole tables once per row and take hours instead of seconds."""


def recount(
    models,
    *,
    campaigns=(),
    platforms=(),
    tags=(),
    organisations=(),
    sources=(),
    documents=(),
):
    """Recount the given rows (ids, or ``ALL``) of each model in ``models`` (an object with
    the catalogue's model classes as attributes, such as the ``campaigns.models`` module).

    """
    kinds = [campaigns, platforms, tags, organisations, sources, documents]
    if any(ids == ALL for ids in kinds) or sum(map(len, kinds)) > ANALYSE_ABOVE:
        _analyse(models)
    if campaigns:
        _recount_campaigns(models, campaigns)
    if platforms:
        _recount_platforms(models, platforms)
        organisations = _with_operators(models, organisations, platforms)
    if tags:
        _recount_tags(models, tags)
    if organisations:
        _recount_organisations(models, organisations)
    if sources:
        _recount_sources(models, sources)
    if documents:
        refresh_search_documents(models, documents)


def recount_for_campaigns(models, campaign_ids):
    """Recount the campaigns and every row linked to them (after they were published,
    unpublished or changed)."""
    campaign_ids = list(campaign_ids)
    if not campaign_ids:
        return
    linked = linked_to_campaigns(models, campaign_ids)
    recount(models, campaigns=campaign_ids, documents=campaign_ids, **linked)


def linked_to_campaigns(models, campaign_ids):
    """The ids of the platforms, tags, organisations and sources linked to these campaigns."""
    figures = models.Figure._base_manager.filter(campaign_id__in=campaign_ids)
    return {
        "platforms": _ids(
            models.Campaign.platforms.through.objects.filter(campaign_id__in=campaign_ids),
            "platform_id",
        )
        | _ids(figures.exclude(platform=None), "platform_id"),
        "tags": _ids(
            models.TaggedCampaign._base_manager.filter(content_object_id__in=campaign_ids),
            "tag_id",
        ),
        "organisations": _ids(
            models.Participation._base_manager.filter(campaign_id__in=campaign_ids),
            "organisation_id",
        )
        | _ids(figures.exclude(organisation=None), "organisation_id"),
        "sources": _ids(
            models.Campaign.sources.through.objects.filter(campaign_id__in=campaign_ids),
            "source_id",
        )
        | _ids(figures, "source_id"),
    }


def _chunks(ids):
    """``ids`` in order, ``IDS_PER_STATEMENT`` at a time (a list of each)."""
    ids = sorted(ids)
    return [
        ids[start : start + IDS_PER_STATEMENT] for start in range(0, len(ids), IDS_PER_STATEMENT)
    ]


def _ids(queryset, field):
    return set(queryset.order_by().values_list(field, flat=True).distinct())


def _update(models, model_name, assignments, ids):
    """Run ``UPDATE table SET assignments`` on the rows ``ids`` (or all of them).

    Written as SQL rather than through the ORM: these statements run after every save, and
    building them with querysets cost more than running them. ``{name}`` in ``assignments``
    is the table of ``models.name``; the SQL is the same on PostgreSQL and SQLite.
    """
    if ids != ALL:
        ids = [pk for pk in ids if pk is not None]
        if not ids:
            return
    tables = _tables(models)
    table = tables[model_name]
    sql = f"UPDATE {table} SET {assignments.format(**tables)}"
    with connection.cursor() as cursor:
        if ids == ALL:
            cursor.execute(sql)
            return
        for chunk in _chunks(ids):
            cursor.execute(f"{sql} WHERE {table}.id IN ({', '.join(['%s'] * len(chunk))})", chunk)


def _tables(models):
    """{name: table} of the models in ``models``, and of the campaigns' platform and source
    links."""
    tables = {
        name: model._meta.db_table
        for name, model in vars(models).items()
        if _is_model(model) and not model._meta.abstract and not model._meta.proxy
    }
    tables["platform_links"] = models.Campaign.platforms.through._meta.db_table
    tables["source_links"] = models.Campaign.sources.through._meta.db_table
    return tables


def _analyse(models):
    """Update PostgreSQL's statistics of the catalogue's tables, in the current transaction
    (``ANALYZE`` counts the rows it inserted). SQLite plans without them."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(sorted(set(_tables(models).values())))}")


def _is_model(value):
    return isinstance(value, type) and hasattr(value, "_meta")


PUBLIC_FIGURE = (
    "LEFT JOIN {Campaign} c ON c.id = f.campaign_id "
    f"WHERE (f.campaign_id IS NULL OR c.status = '{PUBLISHED}')"
)
"""Joined to ``{Figure} f``: only the figures readers may see."""


def _recount_campaigns(models, ids):
    # Conversions are counted with their figure (migrations before 0018 know none).
    fields = {field.name for field in models.Figure._meta.get_fields()}
    stated_once = " AND f.conversion_of_id IS NULL" if "conversion_of" in fields else ""
    _update(
        models,
        "Campaign",
        "figure_count = (SELECT COUNT(*) FROM {Figure} f WHERE f.campaign_id = {Campaign}.id"
        f"{stated_once})",
        ids,
    )


def _recount_platforms(models, ids):
    _update(
        models,
        "Platform",
        "published_campaign_count = (SELECT COUNT(*) FROM {platform_links} l "
        "JOIN {Campaign} c ON c.id = l.campaign_id "
        f"WHERE l.platform_id = {{Platform}}.id AND c.status = '{PUBLISHED}')",
        ids,
    )
    if _has_field(models.Platform, "is_public"):  # migrations before 0019 know no such flag
        _update(
            models,
            "Platform",
            "is_public = (published_campaign_count > 0 "
            "OR EXISTS (SELECT 1 FROM {Figure} f "
            + PUBLIC_FIGURE
            + " AND f.platform_id = {Platform}.id))",
            ids,
        )


def _with_operators(models, organisations, platforms):
    """``organisations`` and the operators of ``platforms``: whether an organisation is public
    depends on whether a platform it runs is."""
    if organisations == ALL or platforms == ALL:
        return ALL
    operators = set(organisations)
    for chunk in _chunks(platforms):
        operators |= _ids(
            models.Platform._base_manager.filter(pk__in=chunk).exclude(operator=None),
            "operator_id",
        )
    return operators


def _has_field(model, name):
    """Whether ``model`` has the field ``name`` (a migration's historical model may not)."""
    return name in {field.name for field in model._meta.get_fields()}


def _recount_tags(models, ids):
    _update(
        models,
        "Tag",
        "published_campaign_count = (SELECT COUNT(*) FROM {TaggedCampaign} l "
        "JOIN {Campaign} c ON c.id = l.content_object_id "
        f"WHERE l.tag_id = {{Tag}}.id AND c.status = '{PUBLISHED}')",
        ids,
    )


def _recount_organisations(models, ids):
    _update(
        models,
        "Organisation",
        "published_campaign_count = (SELECT COUNT(DISTINCT p.campaign_id) "
        "FROM {Participation} p JOIN {Campaign} c ON c.id = p.campaign_id "
        f"WHERE p.organisation_id = {{Organisation}}.id AND c.status = '{PUBLISHED}')",
        ids,
    )
    # Before migration 0019 every platform was public, so running one made its operator public.
    public_platform = " AND o.is_public" if _has_field(models.Platform, "is_public") else ""
    _update(
        models,
        "Organisation",
        "is_public = (published_campaign_count > 0 "
        "OR EXISTS (SELECT 1 FROM {Platform} o WHERE o.operator_id = {Organisation}.id"
        f"{public_platform}) "
        "OR EXISTS (SELECT 1 FROM {Figure} f "
        + PUBLIC_FIGURE
        + " AND f.organisation_id = {Organisation}.id))",
        ids,
    )


def _recount_sources(models, ids):
    sources = models.Source._base_manager
    if ids != ALL:
        ids = set(ids)
        # Whether a source is public depends on the source citing it and on its references.
        for chunk in _chunks(ids):
            ids |= _ids(sources.filter(pk__in=chunk).exclude(cited_by=None), "cited_by_id")
        for chunk in _chunks(ids):
            ids |= _ids(sources.filter(cited_by__in=chunk), "pk")
    _update(
        models,
        "Source",
        "published_campaign_count = (SELECT COUNT(*) FROM {source_links} l "
        "JOIN {Campaign} c ON c.id = l.campaign_id "
        f"WHERE l.source_id = {{Source}}.id AND c.status = '{PUBLISHED}'), "
        "public_figure_count = (SELECT COUNT(*) FROM {Figure} f "
        + PUBLIC_FIGURE
        + " AND f.source_id = {Source}.id)",
        ids,
    )
    backs = "(r.published_campaign_count > 0 OR r.public_figure_count > 0)"
    _update(
        models,
        "Source",
        "is_public = (published_campaign_count > 0 OR public_figure_count > 0 "
        f"OR EXISTS (SELECT 1 FROM {{Source}} r WHERE r.cited_by_id = {{Source}}.id AND {backs}) "
        f"OR EXISTS (SELECT 1 FROM {{Source}} r WHERE r.id = {{Source}}.cited_by_id AND {backs}))",
        ids,
    )
