"""
The search document of a campaign: what a search looks in, kept on the campaign's row and
written again whenever what it holds changes (``derived.py`` says when).

The document holds the campaign's titles, summary, description and location (English and
Chinese), country, cause, approach and formats (their names in both languages and the everyday words
readers use for them), and the English and Chinese names of its tags, platforms and
participants, as the tokens ``text.py`` makes. On PostgreSQL ``search_document`` is a
``tsvector`` of them with English stemming, titles weighted above the rest and the description
below, behind a GIN index; on SQLite, ``search_text`` (the same tokens) is indexed by FTS5,
whose triggers follow every write of the column (migration 0040, ``backends.py``).

Documents are written in batches, each one statement however many of its documents changed.
Making a batch's documents is Python (``text.py``'s tokens) and writing them is the
database's work, so the two overlap. Inside a transaction (a load, a growth, an admin save) a
second thread makes the next batch's documents while the connection writes the last one's; the
thread only reads the rows it is given and never touches the database. Outside one, on
PostgreSQL (``recount_catalogue``), every row a batch is made from is committed, so other
connections see it: more than one batch is written on ``WRITERS`` connections at once, each
batch its own transaction, while this thread makes the next. Each batch's rows are read just
before its documents are made (by key, after the last batch's), so a case edited during a long
refresh is read as it then stands. A text that recurs (cases copied from one another share a
description) is read into tokens once, and on PostgreSQL a description is made a ``tsvector``
once a batch.
"""

import functools
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction

from ..models.base import in_chunks
from ..models.choices import format_codes
from .text import country_names, document_tokens, facet_words

BATCH = 2000
"""Campaigns whose documents are written per statement."""

WRITERS = 2
"""Connections writing batches at once outside a transaction on PostgreSQL. What a refresh of
every document waits for is the database turning text into ``tsvector``s and filling the GIN
index, one backend's work per connection: at 100,000 copied cases on two cores one connection
took 72 s, two 45 s, three 47 s."""

FIELDS = [
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
]
"""What a document is made of on the campaign's own row."""


def refresh_search_documents(ids):
    """Write the search document of the campaigns ``ids`` (or ``"all"``)."""
    words = functools.lru_cache(maxsize=BATCH)(_words)  # one run's recurring texts
    several = ids == "all" or len(ids) > BATCH  # one batch gains nothing from several
    if several and connection.vendor == "postgresql" and not connection.in_atomic_block:
        _write_on_several_connections(ids, words)
    else:
        _write_in_turn(ids, words)


def _write_in_turn(ids, words):
    """Write each batch on this connection, in its transaction, while a second thread makes
    the next batch's documents."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-documents") as maker:
        made = None
        for rows in _batches(ids):
            making = maker.submit(_documents, rows, _linked_names(rows), words)
            if made is not None:
                _write(made.result())
            made = making
        if made is not None:
            _write(made.result())


def _write_on_several_connections(ids, words):
    """Make each batch's documents here and write it on one of ``WRITERS`` connections of its
    own, at most one batch waiting for a writer. A failed batch stops the refresh with its
    error; the batches written before it stay written (each was its own transaction), and so
    may one already being written beside it."""
    with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="search-documents") as pool:
        writing = deque()
        try:
            for rows in _batches(ids):
                writing.append(
                    pool.submit(_write_and_close, _documents(rows, _linked_names(rows), words))
                )
                while len(writing) > WRITERS:
                    writing.popleft().result()
            while writing:
                writing.popleft().result()
        except BaseException:
            for batch in writing:
                batch.cancel()
            raise


def _write_and_close(documents):
    """Write one batch on this thread's own connection, then close it (a thread of the pool
    is not a request: nothing else would)."""
    try:
        _write(documents)
    finally:
        connection.close()


def _batches(ids):
    """The campaigns' rows of ``FIELDS``, a list at a time (a load may name tens of thousands
    of ids, more than SQLite takes at once)."""
    from ..models import Campaign

    campaigns = Campaign._base_manager.order_by("pk")
    if ids != "all":
        for chunk in in_chunks(set(ids)):
            rows = list(campaigns.filter(pk__in=chunk).values_list(*FIELDS))
            if rows:  # not when the cases were deleted meanwhile
                yield rows
        return
    # A batch at a time by key, not one cursor over every case: outside a transaction
    # PostgreSQL would copy every case's texts for the cursor before the first batch.
    rows = list(campaigns.values_list(*FIELDS)[:BATCH])
    while rows:
        yield rows
        if len(rows) < BATCH:
            return
        rows = list(campaigns.filter(pk__gt=rows[-1][0]).values_list(*FIELDS)[:BATCH])


def _names(queryset, key, english, chinese):
    """{campaign id: [names]} from a queryset of rows linked to campaigns, in alphabetical
    order, so that the same catalogue always makes the same documents however it was saved."""
    names = {}
    rows = queryset.order_by(key, english, chinese).values_list(key, english, chinese)
    for campaign_id, name, name_zh in rows:
        names.setdefault(campaign_id, []).extend([name, name_zh])
    return names


def _linked_names(rows):
    """The names of the tags, platforms and participants of the campaigns of ``rows``, each
    {campaign id: [names]}."""
    from ..models import Campaign, Participation, TaggedCampaign

    ids = [row[0] for row in rows]
    through = Campaign.platforms.through.objects.filter(campaign_id__in=ids)
    tagged = TaggedCampaign._base_manager.filter(content_object_id__in=ids)
    parts = Participation._base_manager.filter(campaign_id__in=ids)
    return (
        _names(tagged, "content_object_id", "tag__name", "tag__name_zh"),
        _names(through, "campaign_id", "platform__name", "platform__name_zh"),
        _names(parts, "campaign_id", "organisation__name", "organisation__name_zh"),
    )


def _words(text, join_pairs):
    """The tokens of ``text`` as a document holds them, separated by spaces."""
    return " ".join(document_tokens(text, join_pairs=join_pairs))


def _documents(rows, names, words):
    """The documents of one batch: (id, heading, body, detail) for each of ``rows``, made
    with ``words`` (``_words``, remembered). Reads nothing from the database."""
    tags, platforms, people = names
    documents = []
    for row in rows:
        pk, title, title_zh, summary, summary_zh, description, description_zh = row[:7]
        location, location_zh, country, cause, approach, formats = row[7:]
        named = [*tags.get(pk, []), *platforms.get(pk, []), *people.get(pk, [])]
        places = [location, location_zh, *country_names(country)]
        kinds = [*facet_words(cause), *facet_words(approach)]
        kinds += [word for code in format_codes(formats) for word in facet_words(code)]
        documents.append(
            (
                pk,
                words(f"{title} {title_zh}", True),
                words(" \n ".join([summary, summary_zh, *places, *kinds, *named]), True),
                words(f"{description} \n {description_zh}", False),
            )
        )
    return documents


def _write(documents):
    """Write one batch of documents (id, heading, body, detail), only those that change."""
    from ..models import Campaign

    table = Campaign._meta.db_table
    if connection.vendor != "postgresql":
        # One transaction a batch: outside one, SQLite would commit each row on its own.
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET search_text = %s WHERE id = %s AND search_text IS NOT %s",
                [
                    (f"{heading} {body} {detail}", pk, f"{heading} {body} {detail}")
                    for pk, heading, body, detail in documents
                ],
            )
        return
    # Cases copied from one another share a description: each distinct one is made a tsvector
    # once a batch, and only for the documents that change.
    details = {}
    numbered = [
        (pk, heading, body, details.setdefault(detail, len(details)))
        for pk, heading, body, detail in documents
    ]
    text = "document.heading || ' ' || document.body || ' ' || detail.words"
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH detail(n, words) AS (VALUES {', '.join(['(%s, %s)'] * len(details))}), "
            "document(id, heading, body, detail) AS "
            f"(VALUES {', '.join(['(%s, %s, %s, %s)'] * len(numbered))}), "
            # The documents that change (only theirs are written and their tsvectors made) …
            "changed AS MATERIALIZED (SELECT document.id, document.heading, document.body, "
            f"document.detail, {text} AS text FROM document "
            f"JOIN detail ON detail.n = document.detail JOIN {table} c ON c.id = document.id "
            f"WHERE c.search_document IS NULL OR c.search_text IS DISTINCT FROM {text}), "
            # … and the tsvector of each of their distinct descriptions.
            "vector AS MATERIALIZED (SELECT n, setweight(to_tsvector('english', words), 'C') "
            "AS vector FROM detail WHERE n IN (SELECT detail FROM changed)) "
            f"UPDATE {table} AS c SET search_text = changed.text, search_document = "
            "setweight(to_tsvector('english', changed.heading), 'A') || "
            "setweight(to_tsvector('english', changed.body), 'B') || vector.vector "
            "FROM changed JOIN vector ON vector.n = changed.detail WHERE c.id = changed.id",
            [
                *(value for detail, n in details.items() for value in (n, detail)),
                *(value for document in numbered for value in document),
            ],
        )
