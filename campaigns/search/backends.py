"""
Finding campaigns by their search documents: one interface, a PostgreSQL and a SQLite
implementation, chosen by the database in use.

- ``all_words(queryset, terms)``: the campaigns holding every word of one of the search's
  alternatives, with a ``search_rank`` to order them by (best first).
- ``any_word(queryset, words)``: the campaigns holding some of the words, those holding most
  first: what a search that found nothing offers instead.

On PostgreSQL the document is a ``tsvector`` behind a GIN index, searched with English stemming,
titles ranking first. On SQLite each word's stem, by the same Snowball English stemmer
PostgreSQL's ``english`` configuration uses (``text.stem``), is looked for in the document's
text, a title holding the whole search ranking first: ``donated`` finds "donations" on both.
"""

import functools
import operator

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, ExpressionWrapper, F, IntegerField, Q, Value, When

from .text import stem


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
        return queryset.filter(search_document=query).annotate(
            search_rank=SearchRank(F("search_document"), query)
        )


class SQLiteSearch:
    """Search on SQLite: each word's stem looked for in the document's text."""

    def all_words(self, queryset, terms):
        """Campaigns holding every word of an alternative; a title holding the whole search
        ranks first."""
        found = Q()
        for alternative in terms.alternatives:
            every_word = Q()
            for word in alternative:
                every_word &= Q(search_text__contains=stem(word))
            found |= every_word
        whole = " ".join(terms.alternatives[0])
        title_bonus = Case(
            When(Q(title__icontains=whole) | Q(title_zh__icontains=whole), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return queryset.filter(found).annotate(search_rank=title_bonus)

    def any_word(self, queryset, words):
        """Campaigns holding some of ``words``, those holding most first."""
        found = [Q(search_text__contains=stem(word)) for word in words]
        matched = sum((Case(When(one, then=Value(1)), default=Value(0)) for one in found), Value(0))
        return queryset.filter(functools.reduce(operator.or_, found)).annotate(
            search_rank=ExpressionWrapper(matched, output_field=IntegerField())
        )


def backend():
    """The search backend of the database in use."""
    return PostgreSQLSearch() if connection.vendor == "postgresql" else SQLiteSearch()
