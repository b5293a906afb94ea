"""
The search document of a campaign: what a search looks in, kept on the campaign's row and
written again whenever what it holds changes (``derived.py`` says when).

The document holds the campaign's titles, summary, description and location (English and
Chinese), country, cause and approach (their names in both languages and the everyday words
readers use for them), and the English and Chinese names of its tags, platforms and
participants, as the tokens ``text.py`` makes. On PostgreSQL ``search_document`` is a
``tsvector`` of them with English stemming, titles weighted above the rest and the description
below, behind a GIN index; on SQLite, ``search_text`` (the same tokens) is searched word by word
(``backends.py``).
"""

from django.db import connection

from ..models.base import IDS_PER_STATEMENT
from .text import country_names, document_tokens, facet_words

BATCH = 2000
"""Campaigns whose documents are written per statement."""


def refresh_search_documents(ids):
    """Write the search document of the campaigns ``ids`` (or ``"all"``)."""
    from ..models import Campaign

    campaigns = Campaign._base_manager.order_by("pk")
    fields = [
        "id",
        "title",
        "title_zh",
        "summary",
        "summary_zh",
        "description",
        "description_zh",
        "location",
        "location_zh",
        "country",
        "cause",
        "approach",
    ]
    if ids != "all":  # a load may name tens of thousands, more than SQLite takes at once
        ids = sorted(set(ids))
        for start in range(0, len(ids), IDS_PER_STATEMENT):
            chunk = campaigns.filter(pk__in=ids[start : start + IDS_PER_STATEMENT])
            _write(list(chunk.values_list(*fields)))
        return
    batch = []
    for row in campaigns.values_list(*fields).iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            _write(batch)
            batch = []
    if batch:
        _write(batch)


def _names(queryset, key, english, chinese):
    """{campaign id: [names]} from a queryset of rows linked to campaigns, in alphabetical
    order, so that the same catalogue always makes the same documents however it was saved."""
    names = {}
    rows = queryset.order_by(key, english, chinese).values_list(key, english, chinese)
    for campaign_id, name, name_zh in rows:
        names.setdefault(campaign_id, []).extend([name, name_zh])
    return names


def _write(rows):
    """Write the documents of one batch of campaigns (``rows`` of values)."""
    from ..models import Campaign, Participation, TaggedCampaign

    if not rows:  # the cases were deleted meanwhile
        return
    ids = [row[0] for row in rows]
    through = Campaign.platforms.through.objects.filter(campaign_id__in=ids)
    platforms = _names(through, "campaign_id", "platform__name", "platform__name_zh")
    tagged = TaggedCampaign._base_manager.filter(content_object_id__in=ids)
    tags = _names(tagged, "content_object_id", "tag__name", "tag__name_zh")
    parts = Participation._base_manager.filter(campaign_id__in=ids)
    people = _names(parts, "campaign_id", "organisation__name", "organisation__name_zh")
    documents = []
    for row in rows:
        pk, title, title_zh, summary, summary_zh, description, description_zh = row[:7]
        location, location_zh, country, cause, approach = row[7:]
        named = [*tags.get(pk, []), *platforms.get(pk, []), *people.get(pk, [])]
        heading = document_tokens(f"{title} {title_zh}")
        places = [location, location_zh, *country_names(country)]
        kinds = [*facet_words(cause), *facet_words(approach)]
        body = document_tokens(" \n ".join([summary, summary_zh, *places, *kinds, *named]))
        detail = document_tokens(f"{description} \n {description_zh}", join_pairs=False)
        documents.append((pk, " ".join(heading), " ".join(body), " ".join(detail)))
    if connection.vendor == "postgresql":
        values = ", ".join(["(%s, %s, %s, %s)"] * len(documents))
        table = Campaign._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS c SET search_text = d.heading || ' ' || d.body || ' ' || "
                "d.detail, search_document = "
                "setweight(to_tsvector('english', d.heading), 'A') || "
                "setweight(to_tsvector('english', d.body), 'B') || "
                "setweight(to_tsvector('english', d.detail), 'C') "
                f"FROM (VALUES {values}) AS d(id, heading, body, detail) WHERE c.id = d.id "
                # Only the documents that change are written (and their tsvectors made).
                "AND (c.search_document IS NULL OR c.search_text IS DISTINCT FROM "
                "d.heading || ' ' || d.body || ' ' || d.detail)",
                [value for document in documents for value in document],
            )
    else:
        table = Campaign._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET search_text = %s WHERE id = %s AND search_text IS NOT %s",
                [
                    (f"{heading} {body} {detail}", pk, f"{heading} {body} {detail}")
                    for pk, heading, body, detail in documents
                ],
            )
