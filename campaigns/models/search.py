"""
The search document of a campaign: what a search looks in, kept on the campaign's row.

The document holds the campaign's titles, summary, description and location (English and
Chinese), country, and the
English and Chinese names of its tags, platforms and participants, as tokens:

- words in lower case, with apostrophes dropped (``Ya'an`` is ``yaan``), and each pair of
  neighbouring words also written as one (``live stream`` is also ``livestream``);
- Chinese written as its overlapping pairs of characters and as single characters
  (``雅安地震`` is ``雅安 安地 地震 雅 安 地 震``), since Chinese puts no spaces between words:
  a search for ``地震`` finds the pair, one for ``疫`` the character.

On PostgreSQL ``search_document`` is a ``tsvector`` of those tokens with English stemming
(``earthquakes`` finds ``earthquake``), titles weighted above the rest and the description
below, behind a GIN index. On SQLite, the small default, ``search_text`` (the same tokens) is
searched word by word. A search is read the same way (``SearchTerms``).
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, Value
from django.utils import translation
from django_countries import countries

from .base import IDS_PER_STATEMENT

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""The ranges of Chinese characters."""

TOKEN = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+")
"""A run of Chinese characters, or a run of other letters and digits."""

APOSTROPHES = str.maketrans("", "", "'’‘`´")

MAX_TERMS = 10
"""A search uses at most this many words (a pasted essay must not build a huge query)."""

BATCH = 2000
"""Campaigns whose documents are written per statement."""


def tokens(text):
    """The words and Chinese runs of ``text``, in lower case, apostrophes dropped."""
    text = unicodedata.normalize("NFKC", text or "").lower().translate(APOSTROPHES)
    return TOKEN.findall(text)


CHINESE = re.compile(f"[{HAN}]")


def is_chinese(token):
    """Whether a token is a run of Chinese characters."""
    return CHINESE.match(token) is not None


def chinese_grams(run):
    """A Chinese run as its overlapping pairs of characters, then its single characters."""
    pairs = [run[index : index + 2] for index in range(len(run) - 1)]
    return pairs + list(run)


def document_tokens(text, join_pairs=True):
    """The tokens a document holds for ``text``."""
    found = []
    words = []
    for token in tokens(text):
        if is_chinese(token):
            found += chinese_grams(token)
            words = []
        else:
            found.append(token)
            if join_pairs and words:
                found.append(words[-1] + token)
            words.append(token)
    return found


@dataclass(frozen=True)
class SearchTerms:
    """A search as alternatives, each a list of tokens that must all be found.

    ``live stream`` is (live and stream) or (livestream); ``雅安地震`` is 雅安, 安地 and 地震.
    """

    alternatives: tuple

    @classmethod
    def parse(cls, q):
        """The terms of a search; empty when it holds no word."""
        words = []
        for token in tokens(q):
            if is_chinese(token) and len(token) > 1:
                words += [token[index : index + 2] for index in range(len(token) - 1)]
            else:
                words.append(token)
        words = words[:MAX_TERMS]
        if not words:
            return cls(())
        alternatives = [tuple(words)]
        for index in range(len(words) - 1):
            first, second = words[index], words[index + 1]
            if not (is_chinese(first) or is_chinese(second)):
                alternatives.append((*words[:index], first + second, *words[index + 2 :]))
        return cls(tuple(alternatives))

    def __bool__(self):
        return bool(self.alternatives)

    def tsquery(self):
        """The terms as a PostgreSQL ``to_tsquery`` text: ``('live' & 'stream') | 'livestream'``."""
        return " | ".join(
            "(" + " & ".join(f"'{token}'" for token in alternative) + ")"
            for alternative in self.alternatives
        )


def plural_stem(word):
    """A word without a plural ending, for substring matching: earthquakes → earthquake."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# --------------------------------------------------------------------------- writing


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
        location, location_zh, country = row[7:]
        named = [*tags.get(pk, []), *platforms.get(pk, []), *people.get(pk, [])]
        heading = document_tokens(f"{title} {title_zh}")
        places = [location, location_zh, *country_names(country)]
        body = document_tokens(" \n ".join([summary, summary_zh, *places, *named]))
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


@functools.cache  # a few hundred codes; written once per campaign, 100,000 times on a load
def country_names(code):
    """A country's name in English and in Chinese, or nothing."""
    if not code:
        return ()
    with translation.override("en"):
        english = str(countries.name(code))
    with translation.override("zh-hans"):
        chinese = str(countries.name(code))
    return (english, chinese)
