"""What can be asked of the case studies: ``CampaignQuerySet``, the reads every list, page,
download and API route combines (which campaigns, how found, in what order, with what fetched,
and the counts the home page and the timeline show)."""

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear, RowNumber

from ..search.backends import backend
from ..search.text import SearchTerms, tokens
from .base import (
    ChangeTrackedQuerySet,
    count_of,
    in_reading_order,
)
from .choices import (
    FORMAT_SEPARATOR,
    CampaignSort,
    Format,
    Scope,
    ScopeFilter,
    Status,
)
from .corrections import Correction
from .evidence import Evidence
from .organisations import Platform
from .parts import Participation
from .sources import Source
from .tags import TaggedCampaign

NEWEST_FIRST = (F("start_date").desc(nulls_last=True), "title", "pk")
"""Campaigns by start date, newest first; those with no known start date last."""


SCOPE_COUNTS = {scope: Count("pk", filter=Q(scope=scope)) for scope in Scope.values}
"""Of the rows counted, those of each scope, named by its code (``social_good``, the lists'
default, and the others a list shows on request)."""

PLACE = "division__parent__parent"
"""A campaign's division with the divisions it lies in (county, prefecture, province), joined."""


def with_format(code):
    """The condition that a campaign's ``formats`` names the format ``code``: the column is
    the code, or holds it between commas or at either end (so no code is found within
    another), the same on PostgreSQL and SQLite."""
    sep = FORMAT_SEPARATOR
    return (
        Q(formats=code)
        | Q(formats__startswith=f"{code}{sep}")
        | Q(formats__endswith=f"{sep}{code}")
        | Q(formats__contains=f"{sep}{code}{sep}")
    )


RELATED_CANDIDATES = 300
"""A campaign's related campaigns are chosen among the newest this many that share anything."""


def platforms_by_slug(lookup):
    """Prefetch the platforms at ``lookup`` in slug order, as the list ``platform_list``."""
    return Prefetch(lookup, queryset=Platform.objects.order_by("slug"), to_attr="platform_list")


def participations_with_organisations():
    """Prefetch each campaign's participations with their organisations."""
    return Prefetch("participations", queryset=Participation.objects.select_related("organisation"))


TIMELINE_ORDER = [F("start_date").asc(nulls_last=True), F("title").asc(), F("pk").asc()]
"""The timeline's order: oldest start first, then by title."""


def evidence_in_reading_order():
    """Each campaign's evidence as ``evidence_list``, in reading order, with its source and
    its participant's organisation."""
    return Prefetch(
        "evidence",
        queryset=Evidence.objects.in_reading_order().select_related(
            "source", "participation__organisation"
        ),
        to_attr="evidence_list",
    )


class CampaignQuerySet(ChangeTrackedQuerySet):
    """Reusable filters for campaigns: every list, page, download and API route combines these."""

    def get_by_natural_key(self, slug):
        """Find a campaign by its slug."""
        return self.get(slug=slug)

    # ----------------------------------------------------------------------- which campaigns

    def public(self):
        """The campaigns readers may see: the published ones."""
        return self.filter(status=Status.PUBLISHED)

    def without_figures(self):
        """Published campaigns that record no figure (``figure_count``, kept by ``counts.py``)."""
        return self.public().filter(figure_count=0)

    def featured(self):
        """The campaigns the catalogue features on its home page."""
        return self.filter(featured=True)

    def social_good(self):
        """Cases serving a public cause: without the commercial campaigns and other online
        trends sources list beside them."""
        return self.filter(scope=Scope.SOCIAL_GOOD)

    def in_scope(self, scope):
        """The cases a list in ``scope`` (a ``ScopeFilter``) holds: social good by default,
        every scope, or the cases of one scope alone."""
        if scope == ScopeFilter.ALL:
            return self
        if scope in Scope.values:
            return self.filter(scope=scope)
        return self.social_good()

    def on_platforms(self, slugs):
        """Campaigns run on any of the platforms with these slugs. The campaigns are found
        once, as a set, from the platforms' links, rather than asked of every campaign: SQLite
        runs ``EXISTS`` once for each of the 95,000 public cases of a 100,000-case catalogue
        (0.41 s for the 12,819 on Kwai), the set through the links' index (0.03 s)."""
        links = self.model.platforms.through.objects.filter(platform__slug__in=slugs)
        return self.filter(pk__in=links.values("campaign_id"))

    def with_organisation(self, slug):
        """Campaigns the organisation with this slug took part in, in any role."""
        return self.filter(
            Exists(Participation.objects.filter(campaign=OuterRef("pk"), organisation__slug=slug))
        )

    def tagged(self, slug):
        """Campaigns carrying the tag with this slug."""
        return self.filter(
            Exists(TaggedCampaign.objects.filter(content_object=OuterRef("pk"), tag__slug=slug))
        )

    def citing(self, source):
        """Campaigns that name ``source`` among their sources."""
        return self.filter(
            Exists(
                self.model.sources.through.objects.filter(campaign=OuterRef("pk"), source=source)
            )
        )

    def in_format(self, code):
        """Campaigns that took the format with this code (among others, perhaps)."""
        return self.filter(with_format(code))

    def citing_source(self, slug):
        """Campaigns that name the source of slug ``slug`` among their sources."""
        through = self.model.sources.through.objects
        return self.filter(Exists(through.filter(campaign=OuterRef("pk"), source__slug=slug)))

    def in_province(self, code):
        """Campaigns placed in the province-level division with this GB/T 2260 code or in a
        prefecture or county within it."""
        return self.filter(division__province=code)

    def started_between(self, first_year=None, last_year=None):
        """Campaigns that started in or after ``first_year`` and in or before ``last_year``
        (either may be None: no limit on that side)."""
        queryset = self
        if first_year:
            queryset = queryset.filter(start_date__year__gte=first_year)
        if last_year:
            queryset = queryset.filter(start_date__year__lte=last_year)
        return queryset

    def related_to(self, campaign):
        """Campaigns sharing the cause, a platform or a tag with ``campaign`` (not itself),
        those sharing most first, then the newest.

        They are chosen among the newest ``RELATED_CANDIDATES`` published campaigns that share
        anything with it, so the cost stays that of a few hundred rows however many thousands
        share its cause or a popular platform.
        """
        platform_ids = [platform.pk for platform in campaign.platforms.all()]
        tag_ids = [tag.pk for tag in campaign.tags.all()]
        shared_platforms = self.model.platforms.through.objects.filter(platform_id__in=platform_ids)
        shared_tags = TaggedCampaign.objects.filter(tag_id__in=tag_ids)
        candidates = (
            self.model.objects.public()
            .exclude(pk=campaign.pk)
            .filter(
                Q(cause=campaign.cause)
                | Exists(shared_platforms.filter(campaign=OuterRef("pk")))
                | Exists(shared_tags.filter(content_object=OuterRef("pk")))
            )
            .order_by(*NEWEST_FIRST)
            .values("pk")[:RELATED_CANDIDATES]
        )
        return (
            self.filter(pk__in=candidates)
            .annotate(
                shared_platforms=count_of(shared_platforms, "campaign"),
                shared_tags=count_of(shared_tags, "content_object"),
                same_cause=Case(
                    When(cause=campaign.cause, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                ),
            )
            .order_by(
                -(F("shared_platforms") + F("shared_tags") + F("same_cause")),
                F("start_date").desc(nulls_last=True),
                "pk",
            )
        )

    def search(self, q):
        """Campaigns matching the words of ``q``, best matches first (``search_rank``).

        Every word must be found in the campaign's search document (``search/documents.py``):
        its titles, summary, description, location and country, and the English and Chinese
        names of its tags, platforms and participants, as the database's search backend
        finds them (``search/backends.py``); a word of a search alias is found by any of the
        alias's words (``search/aliases.py``: COVID also finds 新冠).
        """
        from ..search.aliases import search_aliases  # it reads the models this module makes

        if not tokens(q):  # nothing to look for, or only punctuation, which nothing holds
            return self.none() if q.strip() else self
        terms = SearchTerms.parse(q, aliases=search_aliases())
        return backend().all_words(self, terms).order_by("-search_rank", *NEWEST_FIRST)

    def count_matches(self):
        """(How many cases a search matches, whether that is an estimate): counted up to
        ``COUNTED_EXACTLY_UP_TO`` (``count_or_estimate``), its matches found through the
        indexes: walking the table instead, PostgreSQL reads each row's document to test it
        (80 ms for the first 1,001 of a broad search's matches at 100,000 cases, against 10)."""
        with backend().reading_matches_by_index():
            return self.count_or_estimate()

    def ranked_by_titles(self):
        """A search ranked by relevance, ranked instead by its cases' titles, then newest
        first: what a broad search (more matches than are counted) is ranked by on
        PostgreSQL, where the whole documents' rank would read every match's document."""
        return backend().ranked_by_titles(self)

    def page_of_broad_search(self, start, stop):
        """The cases ``start`` to ``stop`` of a broad search, ranked by its titles
        (``ranked_by_titles``), as a list, read through the indexes' bitmaps: in the search's
        order, from the matches whose titles hold its words first (``page_of_ranked``)."""
        search = backend()
        page = search.page_of_ranked(self, start, stop)
        with search.reading_matches_by_index():
            return list(self[start:stop] if page is None else page)

    def page_by_ids(self, cases, start, stop):
        """The cases ``start`` to ``stop`` of ``cases`` (a filtered, sorted QuerySet), as these
        campaigns in ``cases``' order, in one query whose subquery chooses their ids first.
        PostgreSQL then reads a filtered list's ids, filters and order from an index alone
        (``campaign_published_cause_listing``, migration 0051) and the table's rows of the page
        only; asked for whole rows, it would read the row of every case a filter on links (a
        platform, a tag) lets through, to test the others. Not for a search ranked by
        relevance: its order is an annotation of ``cases``."""
        return self.filter(pk__in=cases.values("pk")[start:stop]).order_by(*cases.query.order_by)

    def search_any(self, q):
        """Campaigns matching some of the words of ``q``, those matching most first: what a
        search that found nothing offers instead."""
        words = SearchTerms.parse(q).tokens()
        if not words:
            return self.none()
        return backend().any_word(self, words).order_by("-search_rank", *NEWEST_FIRST)

    # ----------------------------------------------------------------------- in what order

    def sorted_by(self, order):
        """In the order ``order`` (a ``CampaignSort``); best match keeps a search's ranking
        and means newest first when nothing was searched."""
        if order == CampaignSort.RELEVANCE and "search_rank" in self.query.annotations:
            return self
        if order == CampaignSort.OLDEST:
            return self.order_by(F("start_date").asc(nulls_last=True), "title", "pk")
        if order == CampaignSort.TITLE:  # capitals aside; by pinyin on Chinese pages
            return in_reading_order(self, "title")
        if order == CampaignSort.FIGURES:
            return self.order_by("-figure_count", "title", "pk")
        return self.order_by(*NEWEST_FIRST)

    def recently_published(self):
        """The most recently published first."""
        return self.order_by(F("published_at").desc(nulls_last=True), "-pk")

    # ----------------------------------------------------------------------- with what

    def with_cited_figures(self):
        """Prefetch each campaign's figures with their sources, in display order, as the list
        ``figure_list`` (all of them: a published case's figures are public, and a preview of
        a draft shows the figures it will publish)."""
        from .figures import Figure

        return self.prefetch_related(
            Prefetch("figures", queryset=Figure.objects.cited(), to_attr="figure_list")
        )

    def for_listing(self):
        """Everything a list of campaign cards shows, fetched in a fixed number of queries."""
        return self.prefetch_related("platforms", "tags")

    def for_share_image(self):
        """What a case's share image draws: its headline figure (its first public figure, in
        display order, without its conversions) and its platforms."""
        from .figures import Figure

        figures = Figure.objects.public().stated_once().order_by("order", "pk")
        return self.prefetch_related(
            Prefetch("figures", queryset=figures, to_attr="figure_list"), "platforms"
        )

    def for_detail(self):
        """Everything a campaign's page shows, fetched in a fixed number of queries."""
        with_place = self.with_cited_figures().select_related(PLACE)
        return with_place.prefetch_related(
            Prefetch("platforms", queryset=Platform.objects.select_related("operator")),
            Prefetch(
                "participations", queryset=Participation.objects.select_related("organisation")
            ),
            "tags",
            "images",
            Prefetch(
                "sources", queryset=Source.objects.select_related("cited_by").order_by("title")
            ),
            Prefetch("corrections", queryset=Correction.objects.newest_first()),
            evidence_in_reading_order(),
        )

    def for_comparison(self):
        """Everything the compare page shows of each campaign."""
        return self.with_cited_figures().prefetch_related(
            "platforms",
            Prefetch(
                "participations", queryset=Participation.objects.select_related("organisation")
            ),
        )

    def for_download(self):
        """The cases as a download reads its rows: without the search document, no part of a
        record and the largest column of a row, with their place in China joined. What each
        case lists is read a chunk of rows at a time, as plain values (``records.lists_of``)."""
        return self.defer("search_text", "search_document").select_related(PLACE)

    def for_api(self):
        """Everything an API item shows, in a fixed number of queries. Tags come as
        ``tag_links`` through their links (django-taggit's own prefetch builds a queryset per
        campaign)."""
        return self.for_download().prefetch_related(
            platforms_by_slug("platforms"),
            Prefetch(
                "tagged_items",
                queryset=TaggedCampaign.objects.select_related("tag"),
                to_attr="tag_links",
            ),
            # With their organisations joined, not prefetched: Django's prefetch of a foreign
            # key asks SQLite for "id = 1 OR id = 2 OR …", which fails past 1,000 organisations
            # ("Expression tree is too large").
            Prefetch(
                "participations", queryset=Participation.objects.select_related("organisation")
            ),
        )

    # ----------------------------------------------------------------------- how many

    def countries(self):
        """The country codes of these campaigns, each once (campaigns with none left out)."""
        return self.exclude(country="").order_by().values_list("country", flat=True).distinct()

    def count_by_status(self):
        """How many of these campaigns are in each status: a dict of status and count, every
        status present (0 when none)."""
        counted = dict(self.order_by().values_list("status").annotate(count=Count("pk")))
        return {status: counted.get(status, 0) for status in Status.values}

    def count_by_approach(self):
        """How many of these campaigns take each approach, most first (and, named by each
        scope's code, how many of them are of that scope)."""
        return (
            self.order_by()
            .values("approach")
            .annotate(count=Count("pk"), **SCOPE_COUNTS)
            .order_by("-count", "approach")
        )

    def count_by_format(self):
        """How many of these campaigns took each format, in one query: {scope code: {format
        code: count}} for the scopes of the campaigns counted, formats of none left out. (A
        case takes several formats, so they are counted by conditions, not grouped by a
        column.)"""
        rows = (
            self.order_by()
            .values("scope")
            .annotate(
                **{f"in_{code}": Count("pk", filter=with_format(code)) for code in Format.values}
            )
        )
        return {
            row["scope"]: {code: row[f"in_{code}"] for code in Format.values if row[f"in_{code}"]}
            for row in rows
        }

    def count_by_country(self):
        """How many of these campaigns took place in each country (none left out), and how
        many of them are of each scope."""
        return (
            self.exclude(country="")
            .order_by()
            .values("country")
            .annotate(count=Count("pk"), **SCOPE_COUNTS)
            .order_by("country")
        )

    def count_by_province(self):
        """How many of these campaigns are placed in each province-level division of China
        (directly or in a prefecture or county within it), and how many of each scope."""
        return (
            self.exclude(division=None)
            .order_by()
            .values(province=F("division__province"))
            .annotate(count=Count("pk"), **SCOPE_COUNTS)
            .order_by("province")
        )

    def count_by_place(self):
        """How many of these campaigns took place in each country and, of those, in each
        province-level division of China: (country, province or None, count) rows, in one
        grouped query. Every campaign is counted in one row, so the rows add up to all of them."""
        return (
            self.order_by()
            .values_list("country", "division__province")
            .annotate(count=Count("pk"))
            .order_by("country", "division__province")
        )

    def count_by_cause(self):
        """How many of these campaigns serve each cause, most first: dicts of cause, count and,
        named by each scope's code, how many of them are of that scope."""
        return (
            self.order_by()
            .values("cause")
            .annotate(count=Count("pk"), **SCOPE_COUNTS)
            .order_by("-count", "cause")
        )

    def count_by_start_year(self):
        """How many of these campaigns started each year, in year order: dicts of year, count
        (year None for the campaigns whose start is unknown) and, named by each scope's code,
        how many of them are of that scope."""
        return (
            self.annotate(year=ExtractYear("start_date"))
            .order_by()
            .values("year")
            .annotate(count=Count("pk"), **SCOPE_COUNTS)
            .order_by(F("year").asc(nulls_last=True))
        )

    def in_timeline_order(self):
        """These campaigns oldest first (by start, then title), each with its ``start_year``
        and its platforms."""
        return (
            self.annotate(start_year=ExtractYear("start_date"))
            .prefetch_related("platforms")
            .order_by(*TIMELINE_ORDER)
        )

    def first_of_each_year(self, per_year):
        """At most ``per_year`` campaigns of each start year, in timeline order (this reads
        every campaign: the timeline takes them from ``CatalogueSummary``)."""
        return (
            self.in_timeline_order()
            .annotate(
                place_in_year=Window(
                    RowNumber(), partition_by=F("start_year"), order_by=TIMELINE_ORDER
                )
            )
            .filter(place_in_year__lte=per_year)
        )
