"""
A frozen copy of how data migrations 0008, 0017 and 0047 wrote every case's search document:
given the historical models of the migration's moment (``models``), where a field a migration's
model lacks (the Chinese texts, before 0016; the formats, before 0047) reads as empty. The live
code (``search/documents.py``) knows only today's models; the words themselves are read the live
way.
"""

from django.db import connection
from django.db.models import CharField, Value

from campaigns.models.choices import format_codes
from campaigns.search.text import country_names, document_tokens, facet_words

IDS_PER_STATEMENT = 900

BATCH = 2000


def refresh_search_documents(models, ids):
    """Write the search document of the campaigns ``ids`` (or ``"all"``) of ``models``."""
    campaigns = models.Campaign._base_manager.order_by("pk")
    # An earlier migration writes documents with the model as it stood then, before the
    # Chinese texts existed: a field it lacks reads as empty.
    present = {field.name for field in models.Campaign._meta.concrete_fields}
    fields = [
        name if name in present else Value("", output_field=CharField())
        for name in (
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
            "formats",
        )
    ]
    if ids != "all":  # a load may name tens of thousands, more than SQLite takes at once
        ids = sorted(set(ids))
        for start in range(0, len(ids), IDS_PER_STATEMENT):
            chunk = campaigns.filter(pk__in=ids[start : start + IDS_PER_STATEMENT])
            _write(models, list(chunk.values_list(*fields)))
        return
    batch = []
    for row in campaigns.values_list(*fields).iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            _write(models, batch)
            batch = []
    if batch:
        _write(models, batch)


def _names(queryset, key, english, chinese):
    """{campaign id: [names]} from a queryset of rows linked to campaigns, in alphabetical
    order, so that the same catalogue always makes the same documents however it was saved."""
    names = {}
    rows = queryset.order_by(key, english, chinese).values_list(key, english, chinese)
    for campaign_id, name, name_zh in rows:
        names.setdefault(campaign_id, []).extend([name, name_zh])
    return names


def _write(models, rows):
    """Write the documents of one batch of campaigns (``rows`` of values)."""
    ids = [row[0] for row in rows]
    through = models.Campaign.platforms.through.objects.filter(campaign_id__in=ids)
    platforms = _names(through, "campaign_id", "platform__name", "platform__name_zh")
    tagged = models.TaggedCampaign._base_manager.filter(content_object_id__in=ids)
    tags = _names(tagged, "content_object_id", "tag__name", "tag__name_zh")
    parts = models.Participation._base_manager.filter(campaign_id__in=ids)
    people = _names(parts, "campaign_id", "organisation__name", "organisation__name_zh")
    documents = []
    for row in rows:
        pk, title, title_zh, summary, summary_zh, description, description_zh = row[:7]
        location, location_zh, country, cause, approach, formats = row[7:]
        named = [*tags.get(pk, []), *platforms.get(pk, []), *people.get(pk, [])]
        heading = document_tokens(f"{title} {title_zh}")
        places = [location, location_zh, *country_names(country)]
        kinds = [*facet_words(cause), *facet_words(approach)]
        kinds += [word for code in format_codes(formats) for word in facet_words(code)]
        body = document_tokens(" \n ".join([summary, summary_zh, *places, *kinds, *named]))
        detail = document_tokens(f"{description} \n {description_zh}", join_pairs=False)
        documents.append((pk, " ".join(heading), " ".join(body), " ".join(detail)))
    if connection.vendor == "postgresql":
        values = ", ".join(["(%s, %s, %s, %s)"] * len(documents))
        table = models.Campaign._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} AS c SET search_text = d.heading || ' ' || d.body || ' ' || "
                "d.detail, search_document = "
                "setweight(to_tsvector('english', d.heading), 'A') || "
                "setweight(to_tsvector('english', d.body), 'B') || "
                "setweight(to_tsvector('english', d.detail), 'C') "
                f"FROM (VALUES {values}) AS d(id, heading, body, detail) WHERE c.id = d.id",
                [value for document in documents for value in document],
            )
    else:
        table = models.Campaign._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET search_text = %s WHERE id = %s",
                [(f"{heading} {body} {detail}", pk) for pk, heading, body, detail in documents],
            )


