"""Recounting the whole catalogue in bulk (``recount_catalogue``) puts back what the normal write
path keeps, after SQL made every count, flag and search document wrong or wrote rows that nothing
counted, and does it in a number of statements that does not grow with the catalogue."""

import sqlite3
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from campaigns import services
from campaigns.growing import grow_catalogue
from campaigns.models import (
    Campaign,
    Figure,
    Organisation,
    Participation,
    Platform,
    Role,
    Source,
    Tag,
    TaggedCampaign,
)
from campaigns.models.counts import recount, recount_everything
from campaigns.search import documents
from tests import factories

pytestmark = pytest.mark.django_db

POSTGRESQL = connection.vendor == "postgresql"

KEPT = {
    Campaign: ["figure_count", "search_text"],
    Platform: ["published_campaign_count", "is_public"],
    Tag: ["published_campaign_count"],
    Organisation: ["published_campaign_count", "is_public"],
    Source: ["published_campaign_count", "public_figure_count", "is_public"],
}
"""What the catalogue derives and keeps on its rows (and, on PostgreSQL, each case's
``search_document``)."""


def kept():
    """Everything kept on rows, by model and row id, read by SQL as the database holds it."""
    state = {}
    with connection.cursor() as cursor:
        for model, columns in KEPT.items():
            if model is Campaign and POSTGRESQL:
                columns = [*columns, "search_document::text"]
            cursor.execute(f"SELECT id, {', '.join(columns)} FROM {model._meta.db_table}")
            state[model.__name__] = {row[0]: tuple(row[1:]) for row in cursor.fetchall()}
    return state


def counted_by_rule():
    """The counts and flags worked out in Python from the rows and the models' visibility
    rules, without the recount's SQL."""
    published = set(Campaign.objects.public().values_list("pk", flat=True))

    def published_per(links):
        """{row: published campaigns linked to it} from (campaign, row) pairs."""
        counted = {}
        for campaign, row in set(links):
            counted[row] = counted.get(row, 0) + (campaign in published)
        return counted

    def tally(values):
        counted = {}
        for value in values:
            counted[value] = counted.get(value, 0) + 1
        return counted

    def rows(model, *counts):
        """{id: (each count of it, whether it is public by the rule)}."""
        public = set(model.objects.public_by_rule().values_list("pk", flat=True))
        return {
            pk: (*(count.get(pk, 0) for count in counts), pk in public)
            for pk in model.objects.values_list("pk", flat=True)
        }

    links = Campaign.platforms.through.objects.values_list("campaign", "platform")
    tagged = TaggedCampaign.objects.values_list("content_object", "tag")
    parts = Participation.objects.values_list("campaign", "organisation")
    cited = Campaign.sources.through.objects.values_list("campaign", "source")
    figures = tally(Figure.objects.filter(conversion_of=None).values_list("campaign", flat=True))
    backing = tally(Figure.objects.public().values_list("source", flat=True))
    return {
        "Campaign": {
            pk: figures.get(pk, 0) for pk in Campaign.objects.values_list("pk", flat=True)
        },
        "Platform": rows(Platform, published_per(links)),
        "Tag": {pk: count for pk, (count, _public) in rows(Tag, published_per(tagged)).items()},
        "Organisation": rows(Organisation, published_per(parts)),
        "Source": rows(Source, published_per(cited), backing),
    }


def counts_of(state):
    """``kept()`` without the search documents, shaped as ``counted_by_rule()``."""
    return {
        "Campaign": {pk: row[0] for pk, row in state["Campaign"].items()},
        "Platform": {pk: (row[0], bool(row[1])) for pk, row in state["Platform"].items()},
        "Tag": {pk: row[0] for pk, row in state["Tag"].items()},
        "Organisation": {pk: (row[0], bool(row[1])) for pk, row in state["Organisation"].items()},
        "Source": {pk: (row[0], row[1], bool(row[2])) for pk, row in state["Source"].items()},
    }


def make_everything_stale():
    """What a careless script does: every kept count, flag and document wrong, by SQL."""
    false = "FALSE" if POSTGRESQL else "0"
    document = ", search_document = NULL" if POSTGRESQL else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Campaign._meta.db_table} SET figure_count = 7, search_text = ''{document}"
        )
        for model in (Platform, Tag, Organisation, Source):
            flags = ", is_public = NOT is_public" if model is not Tag else ""
            cursor.execute(f"UPDATE {model._meta.db_table} SET published_campaign_count = 3{flags}")
        cursor.execute(f"UPDATE {Source._meta.db_table} SET public_figure_count = 5")
        cursor.execute(
            f"UPDATE {Organisation._meta.db_table} SET is_public = {false} WHERE id % 2 = 0"
        )


@pytest.fixture
def varied_catalogue(seed_catalogue):
    """The seed catalogue and 40 grown cases (a quarter drafts), changed the ways curators
    change them: cases unpublished and withdrawn, figures deleted, a figure about a platform
    and no case, a platform known only from a draft's figure, a reference of a public source,
    an organiser funding its own case too."""
    grow_catalogue(count=40, seed=11, draft_share=0.25, allow_real_edits=True)
    organising = Participation.objects.filter(campaign__status="published").first()
    factories.ParticipationFactory(
        campaign=organising.campaign, organisation=organising.organisation, role=Role.FUNDER
    )
    cases = list(Campaign.objects.order_by("slug"))
    services.unpublish_campaigns(
        campaigns=Campaign.objects.filter(pk__in=[c.pk for c in cases[::5]])
    )
    services.withdraw(campaigns=Campaign.objects.filter(pk=cases[1].pk), reason="Retracted.")
    Figure.objects.filter(
        pk__in=list(Figure.objects.order_by("key").values_list("pk", flat=True))[::7]
    ).delete()
    draft = Campaign.objects.filter(status="draft").first()
    factories.FigureFactory(
        campaign=draft,
        platform=factories.PlatformFactory(slug="a-drafts-figure-only"),
        source=draft.sources.first(),
    )
    factories.FigureFactory(
        campaign=None,
        platform=factories.PlatformFactory(slug="about-itself"),
        source=Source.objects.first(),
    )
    factories.SourceFactory(
        slug="a-reference", cited_by=Source.objects.public().first(), reference_number=9
    )


def test_the_normal_write_path_keeps_what_the_rules_count(varied_catalogue):
    assert counts_of(kept()) == counted_by_rule()


def test_recount_catalogue_puts_back_every_count_flag_and_document_sql_made_stale(varied_catalogue):
    kept_by_writes = kept()

    make_everything_stale()
    assert kept() != kept_by_writes
    call_command("recount_catalogue", verbosity=0)

    assert kept() == kept_by_writes


def copy_by_sql(slugs):
    """Copy the cases ``slugs`` with their platforms, sources, tags, participants and figures
    (not their conversions) as new rows written by SQL, slugs and keys ending in ``-copy``, as
    an import script would, with no count, flag or document worked out."""
    cases = Campaign._meta.db_table
    listed = ", ".join(["%s"] * len(slugs))
    quote = connection.ops.quote_name

    def insert(model, *, of, copied, **replaced):
        """Copy the rows ``o`` of ``model`` belonging to the case ``c`` (``of``: the column
        naming it) to the case's copy ``copy``, ``replaced`` ({column: SQL}) written anew."""
        names = [field.column for field in model._meta.concrete_fields if field.column != "id"]
        table = model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(map(quote, names))}) "
                f"SELECT {', '.join(replaced.get(name, f'o.{quote(name)}') for name in names)} "
                f"FROM {table} o JOIN {cases} c ON c.id = o.{of} "
                f"JOIN {cases} copy ON copy.slug = c.slug || '-copy' "
                f"WHERE c.slug IN ({listed}){copied}",
                slugs,
            )

    names = [field.column for field in Campaign._meta.concrete_fields if field.column != "id"]
    blank = {"figure_count": "0", "search_text": "''", "search_document": "NULL"}
    blank["slug"] = "o.slug || '-copy'"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {cases} ({', '.join(map(quote, names))}) "
            f"SELECT {', '.join(blank.get(name, f'o.{quote(name)}') for name in names)} "
            f"FROM {cases} o WHERE o.slug IN ({listed})",
            slugs,
        )
    copy = {"campaign_id": "copy.id"}
    insert(Campaign.platforms.through, of="campaign_id", copied="", **copy)
    insert(Campaign.sources.through, of="campaign_id", copied="", **copy)
    insert(TaggedCampaign, of="content_object_id", copied="", content_object_id="copy.id")
    insert(Participation, of="campaign_id", copied="", **copy)
    figures = {**copy, "key": "o.key || '-copy'"}
    insert(Figure, of="campaign_id", copied=" AND o.conversion_of_id IS NULL", **figures)


def test_cases_written_by_sql_are_counted_and_searched_like_those_they_copy(varied_catalogue):
    originals = list(Campaign.objects.order_by("slug").values_list("slug", flat=True)[:12])
    copy_by_sql(originals)
    assert Campaign.objects.filter(slug__endswith="-copy").count() == 12
    assert counts_of(kept()) != counted_by_rule()

    call_command("recount_catalogue", verbosity=0)

    assert counts_of(kept()) == counted_by_rule()
    documents_of = kept()["Campaign"]
    for slug in originals:
        original = Campaign.objects.get(slug=slug).pk
        copied = Campaign.objects.get(slug=f"{slug}-copy").pk
        assert documents_of[copied][1:] == documents_of[original][1:], slug  # the same words


def writes_spied_on(monkeypatch, fail_at=None):
    """The names of the threads that write each batch of documents (seven cases a batch); the
    batch whose first case is ``fail_at`` fails as a full disk would."""
    monkeypatch.setattr(documents, "BATCH", 7)
    write = documents._write
    writers = []

    def spying(batch):
        writers.append(threading.current_thread().name)
        if batch[0][0] == fail_at:
            raise DatabaseError("could not extend file: No space left on device")
        write(batch)

    monkeypatch.setattr(documents, "_write", spying)
    return writers


@pytest.mark.skipif(not POSTGRESQL, reason="PostgreSQL writes on several connections")
@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_documents_are_written_on_connections_of_their_own(monkeypatch):
    grow_catalogue(count=30, seed=3)
    kept_by_writes = kept()
    make_everything_stale()
    writers = writes_spied_on(monkeypatch)

    call_command("recount_catalogue", verbosity=0)  # its own statements, not one transaction

    assert kept() == kept_by_writes
    assert len(writers) == -(-Campaign.objects.count() // 7)
    assert all(name.startswith("search-documents") for name in writers)  # never this thread


@pytest.mark.skipif(not POSTGRESQL, reason="PostgreSQL writes on several connections")
@pytest.mark.django_db(transaction=True)
def test_one_batch_outside_a_transaction_is_written_on_this_connection(monkeypatch):
    grow_catalogue(count=5, seed=3)
    writers = writes_spied_on(monkeypatch)

    documents.refresh_search_documents(list(Campaign.objects.values_list("pk", flat=True)[:3]))

    assert writers == [threading.current_thread().name]


@pytest.mark.skipif(POSTGRESQL, reason="SQLite's one writer")
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_the_recount_writes_documents_in_one_transaction(monkeypatch):
    grow_catalogue(count=10, seed=3)
    make_everything_stale()
    in_transaction = []
    monkeypatch.setattr(documents, "BATCH", 4)
    write = documents._write
    monkeypatch.setattr(
        documents,
        "_write",
        lambda batch: in_transaction.append(connection.in_atomic_block) or write(batch),
    )

    call_command("recount_catalogue", verbosity=0)

    assert in_transaction and all(in_transaction)  # not a commit for each row


@pytest.mark.skipif(not POSTGRESQL, reason="PostgreSQL writes on several connections")
@pytest.mark.django_db(transaction=True)
def test_a_batch_failing_on_its_connection_stops_the_refresh_with_its_error(monkeypatch):
    grow_catalogue(count=30, seed=3)
    make_everything_stale()
    ids = list(Campaign.objects.order_by("pk").values_list("pk", flat=True))
    writes_spied_on(monkeypatch, fail_at=ids[14])  # the third batch

    with pytest.raises(DatabaseError, match="No space left on device"):
        documents.refresh_search_documents("all")

    written = set(Campaign.objects.exclude(search_text="").values_list("pk", flat=True))
    assert set(ids[:14]) <= written  # each batch its own transaction
    assert not written & set(ids[14:21])


def recounting_everything(*, batch=documents.BATCH, monkeypatch=None):
    """The statements ``recount_everything()`` runs, the search documents written ``batch``
    cases per statement."""
    if monkeypatch is not None:
        monkeypatch.setattr(documents, "BATCH", batch)
    with CaptureQueriesContext(connection) as queries:
        recount_everything()
    return [query["sql"] for query in queries]


# Counts: one statement per count (figures of cases; cases per platform and whether it is public,
# per tag, per organisation and whether it is public, per source and whether it is public), and
# PostgreSQL's statistics first. Documents: per batch one read of its cases (by key, after the
# last batch's), the names of their tags, platforms and participants, and one write.
EVERYTHING = (9 if POSTGRESQL else 8) + 5


def test_recounting_everything_runs_the_same_statements_at_any_size():
    grow_catalogue(count=5, seed=1)
    small = recounting_everything()
    grow_catalogue(count=200, seed=2)
    large = recounting_everything()

    assert len(small) == len(large) == EVERYTHING


def test_the_search_documents_are_written_a_batch_per_statement(monkeypatch):
    grow_catalogue(count=50, seed=1)

    statements = recounting_everything(batch=20, monkeypatch=monkeypatch)

    assert len(statements) == EVERYTHING + 2 * 5  # 50 cases: three batches of documents


def test_recounting_a_platform_runs_the_same_statements_however_many_cases_it_has():
    weibo = factories.build_weibo()
    factories.CampaignFactory(platforms=[weibo])

    def recounting_weibo():
        with CaptureQueriesContext(connection) as queries:
            recount(platforms=[weibo.pk])
        return len(queries)

    few = recounting_weibo()
    for _n in range(30):
        factories.CampaignFactory(platforms=[weibo])

    # Its counts and flag, its operator (read, then its count and flag).
    assert recounting_weibo() == few == 5


@pytest.mark.skipif(POSTGRESQL, reason="SQLite's version")
def test_an_sqlite_too_old_to_update_from_a_join_is_named_with_what_to_do(monkeypatch):
    weibo = factories.build_weibo()
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")

    with pytest.raises(
        ImproperlyConfigured, match="needs SQLite 3.33 or later .* has SQLite 3.31.1"
    ):
        recount(platforms=[weibo.pk])
