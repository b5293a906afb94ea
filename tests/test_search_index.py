"""SQLite's full-text index of the search documents (migration 0040) follows every change to
them, and no search a reader types is read as FTS5's own syntax (nor, on PostgreSQL, as a
tsquery's)."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.growing import grow_catalogue
from campaigns.models import Campaign, CatalogueSummary
from campaigns.search import backends
from tests import factories
from tests.pages import page

pytestmark = pytest.mark.django_db

sqlite_index = pytest.mark.skipif(
    connection.vendor != "sqlite" or not backends.has_fts5(),
    reason="SQLite's FTS5 index (PostgreSQL has its GIN index)",
)


def index_agrees_with_the_documents():
    """Whether the index holds each case's ``search_text`` and nothing else: FTS5's own check
    of an external-content table against its table fails ("malformed") otherwise."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {backends.INDEX} ({backends.INDEX}, rank) VALUES ('integrity-check', 1)"
        )
    return True


def indexed(word):
    """The ids of the cases the index finds for the whole token ``word``."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {backends.INDEX} WHERE {backends.INDEX} MATCH %s", [f'"{word}"']
        )
        return {row[0] for row in cursor.fetchall()}


def found(q):
    """The slugs of the published cases a search for ``q`` finds, in order."""
    return list(Campaign.objects.public().search(q).values_list("slug", flat=True))


@pytest.fixture
def glacier_case(db):
    return factories.CampaignFactory(
        slug="glacier-watch",
        title="Glacier watch",
        title_zh="冰川观察",
        summary="Hikers posted photos of the retreating ice.",
    )


@sqlite_index
def test_the_triggers_that_keep_the_index_are_on_the_campaigns_table():
    """A migration that makes Django copy ``campaigns_campaign`` into a new table on SQLite
    (to alter a column) drops them: it must create them again, as migration 0040 does."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [Campaign._meta.db_table],
        )
        triggers = {row[0] for row in cursor.fetchall()}
    assert {f"{backends.INDEX}_{event}" for event in ("insert", "update", "delete")} <= triggers


@sqlite_index
def test_a_case_is_indexed_as_it_is_written(glacier_case):
    assert indexed("glacier") == indexed("冰川") == {glacier_case.pk}
    assert found("glaciers") == found("冰川") == ["glacier-watch"]
    assert index_agrees_with_the_documents()


@sqlite_index
def test_a_case_whose_text_changes_is_found_by_its_new_words_only(glacier_case):
    glacier_case.title = "Flood watch"
    glacier_case.save()

    assert found("flood") == ["glacier-watch"]
    assert indexed("glacier") == set() and found("glacier") == []
    assert index_agrees_with_the_documents()


@sqlite_index
def test_a_deleted_case_leaves_the_index(glacier_case):
    glacier_case.delete()

    assert indexed("glacier") == set()
    assert index_agrees_with_the_documents()


@sqlite_index
def test_a_bulk_recount_puts_back_documents_sql_emptied_and_their_index(glacier_case):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Campaign._meta.db_table} SET search_text = ''")
    assert indexed("glacier") == set()

    call_command("recount_catalogue", verbosity=0)

    assert found("glacier") == ["glacier-watch"]
    assert index_agrees_with_the_documents()


@sqlite_index
def test_grown_cases_are_indexed(db):
    grow_catalogue(count=30, seed=3)

    assert Campaign.objects.count() == 30
    assert index_agrees_with_the_documents()


@sqlite_index
@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_leaves_an_empty_index(glacier_case):
    call_command("flush", interactive=False, verbosity=0)

    assert indexed("glacier") == set()
    assert index_agrees_with_the_documents()
    again = factories.CampaignFactory(slug="glacier-again", title="Glacier again")
    assert indexed("glacier") == {again.pk}  # ids start again: the old case is not found


HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "glacier*",
    "-glacier",
    "glacier -photos",
    "^glacier",
    "(",
    ")",
    "(glacier",
    "glacier OR",
    "AND",
    "OR NOT",
    "NOT glacier",
    "NEAR(glacier photos)",
    "NEAR",
    "search_text:glacier",
    "{search_text}: glacier",
    "glacier + photos",
    '"glacier photos"',
    "\\",
    "%",
    "_",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_fts5_syntax_in_a_search_is_read_as_words(glacier_case, client, q):
    """``NOT glacier`` looks for cases holding "not" and "glacier", not for those without
    glacier; each search runs as its words do."""
    words = re.sub(r"[\W_]+", " ", q).strip()
    assert found(q) == (found(words) if words else [])  # punctuation alone finds nothing
    Campaign.objects.public().search_any(q).count()
    assert client.get("/campaigns/", {"q": q}).status_code == 200
    assert client.get("/api/campaigns", {"q": q}).status_code == 200


@sqlite_index
def test_an_operator_word_is_searched_as_a_word(db):
    factories.CampaignFactory(slug="near-and-far", title="Near and far", summary="Not here.")

    for q in ["near", "NEAR", "and", "AND", "not", "NOT", "NEAR AND NOT"]:
        assert found(q) == ["near-and-far"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_no_search_makes_the_index_fail(glacier_case, q):
    Campaign.objects.public().search(q).count()
    list(Campaign.objects.public().search_any(q)[:5])


@sqlite_index
@pytest.mark.parametrize("q", ["glacier", "glaciers", "冰川", "冰", "hikers ice", "retreat"])
def test_without_fts5_search_reads_the_text_and_finds_the_same(glacier_case, monkeypatch, q):
    indexed_finds = found(q)
    monkeypatch.setattr(backends, "has_fts5", lambda: False)

    assert found(q) == indexed_finds
    assert f"{backends.INDEX} MATCH" not in str(Campaign.objects.public().search(q).query)


@sqlite_index
def test_the_index_finds_words_by_their_stem_not_by_their_start(glacier_case):
    """As on PostgreSQL: a word is found by the words of its stem, and the start of a word
    finds nothing (only the text read without FTS5 finds a word's start inside another)."""
    assert found("glaciers") == found("glacier") == ["glacier-watch"]
    assert found("gla") == []


@sqlite_index
@pytest.mark.parametrize(
    "url", ["/campaigns/?q=glaciers", "/api/campaigns?q=glaciers", "/campaigns/?q=glacier+zzzqqq"]
)
def test_searching_the_index_runs_no_more_queries_than_reading_the_text(
    glacier_case, client, django_assert_max_num_queries, monkeypatch, url
):
    """The page of a search, the API's, and a search that finds nothing and offers the cases
    holding some of its words (``search_any``) run as many queries through the index as the
    search of the text before it."""
    CatalogueSummary.current()  # counted once per change, not by these pages
    client.get(url)  # what a first request keeps (the catalogue's version)
    with CaptureQueriesContext(connection) as reading_the_text:
        monkeypatch.setattr(backends, "has_fts5", lambda: False)
        page(client, url)
    monkeypatch.undo()

    with django_assert_max_num_queries(len(reading_the_text)):
        html = page(client, url)
    assert "glacier-watch" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column compression")
def test_search_documents_are_compressed_with_lz4_where_the_server_offers_it(glacier_case):
    with connection.cursor() as cursor:
        cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
        offered = "lz4" in cursor.fetchone()[0]
        cursor.execute(
            "SELECT attname, attcompression FROM pg_attribute "
            "WHERE attrelid = 'campaigns_campaign'::regclass "
            "AND attname IN ('search_text', 'search_document', 'description') ORDER BY attname"
        )
        methods = dict(cursor.fetchall())

    expected = "l" if offered else ""  # "l": LZ4; "": the server's default
    assert methods == {"description": "", "search_document": expected, "search_text": expected}
