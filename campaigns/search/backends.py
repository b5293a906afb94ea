"""
Finding campaigns by their search documents: one interface, a PostgreSQL and a SQLite
implementation, chosen by the database in use.

- ``all_words(queryset, terms)``: the campaigns holding every word of one of the search's
  alternatives, with a ``search_rank`` to order them by (best first).
- ``any_word(queryset, words)``: the campaigns holding some of the words, those holding most
  first: what a search that found nothing offers instead.

On PostgreSQL the document is a ``tsvector`` behind a GIN index, searched with English stemming,
titles ranking first. On SQLite each word is looked for by its stem, by the same Snowball
English stemmer PostgreSQL's ``english`` configuration uses (``text.stem``): among the words of
an FTS5 index of the documents (``INDEX``, migration 0040, which triggers keep in step with
``search_text``), those whose own stem is the search word's, as on PostgreSQL (``donated``
finds "donations", ``live`` finds "lives" but not "livelihoods"); each Chinese pair or
character as a word; a title holding the whole search ranking first. A SQLite built without
FTS5 has no index: there the stems are looked for in every document's text, as ``LIKE``.
"""

import functools
import operator
import re
import sqlite3
from contextlib import closing, contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, transaction
from django.db.backends.signals import connection_created
from django.db.models import Case, Expression, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from .text import SearchTerms, is_chinese_token, stem

RANK = "search_rank"
"""The name of a search's relevance, by which its cases are ordered best first."""

LEXEME = re.compile(r"'(?:[^']|'')*'")
"""A quoted word of a ``to_tsquery`` text (``SearchTerms.tsquery``)."""


class Heading(Expression):
    """A case's ``search_heading`` (migration 0037), a column Django's model does not know,
    named by the alias its table has in the query that reads it (a subquery's is not the
    table's name)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f'{table}."search_heading"', []


class PostgreSQLSearch:
    """Search on PostgreSQL's full text search."""

    def all_words(self, queryset, terms):
        """Campaigns holding every word of an alternative, ranked."""
        return self._matching(queryset, terms.tsquery())

    def any_word(self, queryset, words):
        """Campaigns holding some of ``words``, ranked."""
        return self._matching(queryset, " | ".join(f"'{word}'" for word in words))

    def _matching(self, queryset, tsquery):
        query = SearchQuery(tsquery, search_type="raw", config="english")
        # An alias, not a selected column: a broad search swaps it for a cheaper rank
        # (``ranked_by_titles``) without computing this one for every match.
        return queryset.filter(search_document=query).alias(
            search_rank=SearchRank(F("search_document"), query)
        )

    def ranked_by_titles(self, queryset):
        """``queryset``, a search ranked by relevance, ranked instead by how well the cases'
        titles match (``search_heading``, the document's titles, kept in the row), then newest
        first: ranking by the whole document reads each match's document, which PostgreSQL
        keeps out of the row, and a broad search has tens of thousands of matches."""
        rank = queryset.query.annotations.get(RANK)
        if not isinstance(rank, SearchRank):
            return queryset
        _document, query = rank.get_source_expressions()
        ranked = queryset.all()
        ranked.query.annotations = {**ranked.query.annotations, RANK: SearchRank(Heading(), query)}
        return ranked

    def page_of_ranked(self, queryset, start, stop):
        """The cases ``start`` to ``stop`` of ``queryset``, a search ranked by its titles
        (``ranked_by_titles``), found among fewer matches when they can be: the first
        ``stop`` of those whose titles hold a word of the search (so rank above nothing),
        found by the titles' own index (``search_heading``), then, only if there are fewer
        than ``stop`` of them, the first of the rest. Those ``stop`` hold the ``stop`` first
        matches in the search's order, in which the page is taken from them. A broad search
        has tens of thousands of matches; a third to a half of them hold its words in their
        titles, and ranking all the matches visits every one's row.

        ``None`` for any other order, which is sliced as it is. To be read by the indexes'
        bitmaps (``reading_matches_by_index``): walking the index of dates instead, until
        enough cases match, reads tens of thousands of rows when the matches are old."""
        rank = queryset.query.annotations.get(RANK)
        order = queryset.query.order_by
        if not isinstance(rank, SearchRank) or order[:1] != (f"-{RANK}",):
            return None
        heading, query = rank.get_source_expressions()
        some_word = SearchQuery(
            " | ".join(LEXEME.findall(query.source_expressions[-1].value)) or "''",
            search_type="raw",
            config="english",
        )
        in_titles = (
            queryset.alias(title_words=heading)
            .filter(title_words=some_word, **{f"{RANK}__gt": 0})
            .values("pk")[:stop]
        )
        elsewhere = queryset.filter(**{RANK: 0}).values("pk")[:stop]
        # The union's first ``stop``, its parts read in turn (no parallel append): PostgreSQL
        # reads the rest only if the titles fall short.
        first = in_titles.union(elsewhere, all=True)[:stop]
        return queryset.filter(pk__in=first)[start:stop]

    @contextmanager
    def reading_matches_by_index(self):
        """Within it, queries find their rows through the indexes' bitmaps: no walk of an index
        in order, whose every row's document would be read to test it, and no full scan, which
        reads every document (the planner knows neither cost). Nor a union read in parallel:
        ``page_of_ranked`` takes the first rows of one, in the order of its parts."""
        with transaction.atomic():
            with connection.cursor() as cursor:  # one statement each way: every search runs it
                cursor.execute(
                    "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; "
                    "SET LOCAL enable_parallel_append = off"
                )
            try:
                yield
            finally:  # inside an outer transaction, SET LOCAL would outlast the block
                with connection.cursor() as cursor:
                    cursor.execute(
                        "RESET enable_seqscan; RESET enable_indexscan; RESET enable_parallel_append"
                    )


class SQLiteSearch:
    """Search on SQLite: each word's stem looked for in the documents' full-text index
    (``INDEX``, FTS5), or, on a SQLite built without FTS5, in every document's text."""

    def all_words(self, queryset, terms):
        """Campaigns holding every word of an alternative; a title holding the whole search
        (or, for one alias's word, any of the alias's words) ranks first."""
        in_title = functools.reduce(
            operator.or_,
            (Q(title__icontains=w) | Q(title_zh__icontains=w) for w in terms.title_words()),
        )
        title_bonus = Case(
            When(in_title, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return queryset.filter(self._holding(terms)).alias(search_rank=title_bonus)

    def ranked_by_titles(self, queryset):
        """``queryset`` as it is: SQLite's rank is already its titles'."""
        return queryset

    def page_of_ranked(self, queryset, start, stop):
        """Nothing to choose on SQLite: its rank is its titles', read with the matches."""
        return None

    @contextmanager
    def reading_matches_by_index(self):
        """Nothing to choose on SQLite."""
        yield

    def any_word(self, queryset, words):
        """Campaigns holding some of ``words``, those holding most first."""
        found = [self._holding(SearchTerms(((word,),))) for word in words]
        matched = sum((Case(When(one, then=Value(1)), default=Value(0)) for one in found), Value(0))
        either = SearchTerms(tuple((word,) for word in words))
        return queryset.filter(self._holding(either)).alias(
            search_rank=ExpressionWrapper(matched, output_field=IntegerField())
        )

    def _holding(self, terms):
        """The campaigns whose document holds the stems ``terms`` (a ``SearchTerms``) asks
        for: English stems as the start of a word, Chinese pairs and characters as tokens."""
        if not has_fts5():
            return terms.written(
                lambda token: Q(search_text__contains=stem(token)),
                lambda parts: functools.reduce(operator.and_, parts),
                lambda parts: functools.reduce(operator.or_, parts),
            )
        query, params = fts5_query(terms)
        return Q(id__in=RawSQL(f"SELECT rowid FROM {INDEX} WHERE {INDEX} MATCH {query}", params))


INDEX = "campaigns_search"
"""SQLite's full-text index of the campaigns' ``search_text`` (migration 0040), kept in step
with the column by triggers."""

TERMS = "campaigns_search_terms"
"""The words of ``INDEX`` (FTS5's ``fts5vocab``), a table each SQLite connection makes for
itself, in its ``temp`` schema, when it opens (``prepare_sqlite``)."""

STEM_FUNCTION = "socialgood_stem"
"""``text.stem`` as a SQL function on each SQLite connection (``prepare_sqlite``)."""


def fts5_query(terms):
    """An FTS5 query for documents holding what ``terms`` (a ``SearchTerms``) asks for, as a
    SQL expression and its parameters, worked out by the database in the search's own query:
    each English stem as the index's words of that stem (``"live" OR "lives"``), each Chinese
    token as itself, every word a quoted string, so that nothing a reader types is read as
    FTS5's syntax (``AND``, ``NEAR``, ``*``, ``-``, ``^``, quotes, brackets).

    ``live stream`` is ``((words of live AND words of stream) OR words of livestream)``.
    """
    params = []

    def quoted(text):
        return '"' + text.replace('"', '""') + '"'

    def words_of(token):
        one = stem(token)
        if is_chinese_token(one):
            params.append(quoted(one))
            return "%s"
        # Snowball writes a final y as i (poverty → poverti): the words start with the rest.
        start = one[:-1] if one.endswith("i") and len(one) > 1 else one
        params.extend([quoted(one), start, start, one])
        # With no word of the stem, the stem itself: a word no document holds.
        return (
            "(SELECT coalesce('(' || group_concat('\"' || term || '\"', ' OR ') || ')', %s) "
            f"FROM temp.{TERMS} WHERE term >= %s AND term < %s || char(1114111) "
            f"AND {STEM_FUNCTION}(term) = %s)"
        )

    def joined(operator):
        def join(parts):
            if len(parts) == 1:
                return parts[0]
            return "'(' || " + f" || ' {operator} ' || ".join(parts) + " || ')'"

        return join

    query = terms.written(words_of, joined("AND"), joined("OR"))
    return query, params


def prepare_sqlite(sender, connection, **kwargs):
    """On a new SQLite connection with FTS5, the stemmer as a SQL function and a table of the
    index's words, for ``fts5_query`` (on the database's own handle: nothing a page's query
    count sees). The table reads the index only when asked, so it can be made before
    migration 0040 made the index."""
    if connection.vendor != "sqlite" or not has_fts5():
        return
    handle = connection.connection
    handle.create_function(STEM_FUNCTION, 1, stem, deterministic=True)
    handle.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{TERMS} USING fts5vocab(main, {INDEX}, row)"
    )


connection_created.connect(prepare_sqlite, dispatch_uid="socialgood-sqlite-search")


@functools.cache
def has_fts5():
    """Whether this Python's SQLite has FTS5 (migration 0040 made the index if it had)."""
    with closing(sqlite3.connect(":memory:")) as database:
        return bool(
            database.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0]
        )


def backend():
    """The search backend of the database in use."""
    return PostgreSQLSearch() if connection.vendor == "postgresql" else SQLiteSearch()
