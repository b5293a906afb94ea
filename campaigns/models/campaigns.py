"""The case studies: campaigns, the parts organisations played in them, and their pictures."""

import functools
import operator

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import (
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    Window,
)
from django.db.models.functions import ExtractYear, Lower, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from .. import images as safe_images
from .base import (
    ChangeTracked,
    ChangeTrackedQuerySet,
    ReadingOrder,
    SafeImageField,
    count_of,
    in_reading_order,
)
from .choices import (
    Approach,
    CampaignSort,
    Cause,
    DatePrecision,
    Role,
    Scope,
    ScopeFilter,
    Status,
)
from .corrections import Correction
from .dates import format_partial_date, partial_date_end, validate_partial_date
from .organisations import Organisation, Platform
from .search import SearchTerms, plural_stem
from .sources import Source
from .tags import TaggedCampaign

NEWEST_FIRST = (F("start_date").desc(nulls_last=True), "title", "pk")
"""Campaigns by start date, newest first; those with no known start date last."""


SOCIAL_GOOD_COUNT = Count("pk", filter=Q(scope=Scope.SOCIAL_GOOD))
"""Of the rows counted, those serving a public cause (the list's default scope)."""

RELATED_CANDIDATES = 300
"""A campaign's related campaigns are chosen among the newest this many that share anything."""


def platforms_by_slug(lookup, queryset=None):
    """Prefetch the platforms at ``lookup`` in slug order, as the list ``platform_list``."""
    return Prefetch(
        lookup,
        queryset=(queryset if queryset is not None else Platform.objects).order_by("slug"),
        to_attr="platform_list",
    )


def participations_with_organisations():
    """Prefetch each campaign's participations with their organisations."""
    return Prefetch("participations", queryset=Participation.objects.select_related("organisation"))


TIMELINE_ORDER = [F("start_date").asc(nulls_last=True), F("title").asc(), F("pk").asc()]
"""The timeline's order: oldest start first, then by title."""


class CampaignQuerySet(ChangeTrackedQuerySet):
    """Reusable filters for campaigns: every list, page, download and API route combines these."""

    def get_by_natural_key(self, slug):
        """Find a campaign by its slug."""
        return self.get(slug=slug)

    # ----------------------------------------------------------------------- which campaigns

    def public(self):
        """The campaigns readers may see: the published ones."""
        return self.filter(status=Status.PUBLISHED)

    def featured(self):
        """The campaigns the catalogue features on its home page."""
        return self.filter(featured=True)

    def social_good(self):
        """Cases serving a public cause: without the commercial campaigns sources list beside
        them."""
        return self.filter(scope=Scope.SOCIAL_GOOD)

    def in_scope(self, scope):
        """The cases a list in ``scope`` (a ``ScopeFilter``) holds: social good by default."""
        if scope == ScopeFilter.ALL:
            return self
        if scope == ScopeFilter.COMMERCIAL:
            return self.filter(scope=Scope.COMMERCIAL)
        return self.social_good()

    def on_platforms(self, slugs):
        """Campaigns run on any of the platforms with these slugs."""
        return self.filter(
            Exists(
                Campaign.platforms.through.objects.filter(
                    campaign=OuterRef("pk"), platform__slug__in=slugs
                )
            )
        )

    def with_participant(self, slug):
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
            Exists(Campaign.sources.through.objects.filter(campaign=OuterRef("pk"), source=source))
        )

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
        shared_platforms = Campaign.platforms.through.objects.filter(platform_id__in=platform_ids)
        shared_tags = TaggedCampaign.objects.filter(tag_id__in=tag_ids)
        candidates = (
            Campaign.objects.public()
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

        Every word must be found in the campaign's search document (``models/search.py``):
        its titles, summary, description, location and country, and the English and Chinese
        names of its tags, platforms and participants. On PostgreSQL the document is a
        ``tsvector`` behind a GIN index (English stemming; titles rank first); on SQLite each
        word is looked for in the document's text, plural endings dropped.
        """
        terms = SearchTerms.parse(q)
        if not terms:  # nothing to look for, or only punctuation, which nothing holds
            return self.none() if q.strip() else self
        if connection.vendor == "postgresql":
            query = SearchQuery(terms.tsquery(), search_type="raw", config="english")
            return (
                self.filter(search_document=query)
                .annotate(search_rank=SearchRank(F("search_document"), query))
                .order_by("-search_rank", *NEWEST_FIRST)
            )
        found = Q()
        for alternative in terms.alternatives:
            every_word = Q()
            for word in alternative:
                every_word &= Q(search_text__contains=plural_stem(word))
            found |= every_word
        whole = " ".join(terms.alternatives[0])
        title_bonus = Case(
            When(Q(title__icontains=whole) | Q(title_zh__icontains=whole), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        return (
            self.filter(found)
            .annotate(search_rank=title_bonus)
            .order_by("-search_rank", *NEWEST_FIRST)
        )

    def search_any(self, q):
        """Campaigns matching some of the words of ``q``, those matching most first: what a
        search that found nothing offers instead."""
        words = sorted(
            {word for alternative in SearchTerms.parse(q).alternatives for word in alternative}
        )
        if not words:
            return self.none()
        if connection.vendor == "postgresql":
            query = SearchQuery(
                " | ".join(f"'{word}'" for word in words), search_type="raw", config="english"
            )
            return (
                self.filter(search_document=query)
                .annotate(search_rank=SearchRank(F("search_document"), query))
                .order_by("-search_rank", *NEWEST_FIRST)
            )
        found = [Q(search_text__contains=plural_stem(word)) for word in words]
        matched = sum((Case(When(one, then=Value(1)), default=Value(0)) for one in found), Value(0))
        return (
            self.filter(functools.reduce(operator.or_, found))
            .annotate(search_rank=ExpressionWrapper(matched, output_field=IntegerField()))
            .order_by("-search_rank", *NEWEST_FIRST)
        )

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
        return self.with_cited_figures().prefetch_related(
            Prefetch("platforms", queryset=Platform.objects.select_related("operator")),
            Prefetch(
                "participations", queryset=Participation.objects.select_related("organisation")
            ),
            "tags",
            "images",
            Prefetch("sources", queryset=Source.objects.order_by("title")),
            Prefetch("corrections", queryset=Correction.objects.newest_first()),
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
        """Everything a download row (and an API item) shows, in a fixed number of queries."""
        return self.prefetch_related(
            platforms_by_slug("platforms"), "tags", "participations__organisation"
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
        """How many of these campaigns take each approach, most first (and, as
        ``social_good``, how many of them serve a public cause)."""
        return (
            self.order_by()
            .values("approach")
            .annotate(count=Count("pk"), social_good=SOCIAL_GOOD_COUNT)
            .order_by("-count", "approach")
        )

    def count_by_country(self):
        """How many of these campaigns took place in each country (none left out)."""
        return (
            self.exclude(country="")
            .order_by()
            .values("country")
            .annotate(count=Count("pk"), social_good=SOCIAL_GOOD_COUNT)
            .order_by("country")
        )

    def count_by_cause(self):
        """How many of these campaigns serve each cause, most first: dicts of cause, count and
        ``social_good`` (how many of them serve a public cause)."""
        return (
            self.order_by()
            .values("cause")
            .annotate(count=Count("pk"), social_good=SOCIAL_GOOD_COUNT)
            .order_by("-count", "cause")
        )

    def count_by_start_year(self):
        """How many of these campaigns started each year, in year order: dicts of year and
        count (year None for the campaigns whose start is unknown)."""
        return (
            self.annotate(year=ExtractYear("start_date"))
            .order_by()
            .values("year")
            .annotate(count=Count("pk"))
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


class Campaign(ReadingOrder, ChangeTracked):
    """A case study: a campaign in which social media served a public cause, and its outcome."""

    reading_fields = ("title", "title_zh")

    title = models.CharField(_("title"), max_length=250)
    title_zh = models.CharField(_("Chinese title"), max_length=250, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(
        _("summary"), max_length=500, help_text=_("One or two sentences, in our own words.")
    )
    summary_zh = models.CharField(
        _("Chinese summary"),
        max_length=500,
        blank=True,
        help_text=_("The summary in Chinese: our own words, not the source's."),
    )
    description = models.TextField(_("description"), help_text=_("In our own words."))
    description_zh = models.TextField(
        _("Chinese description"), blank=True, help_text=_("The description in Chinese.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_precision = models.CharField(
        _("start date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_precision = models.CharField(
        _("end date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    location_zh = models.CharField(_("Chinese location"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    scope = models.CharField(
        _("scope"),
        max_length=20,
        choices=Scope.choices,
        default=Scope.SOCIAL_GOOD,
        help_text=_(
            "Commercial or marketing: a brand's campaign a source lists beside social-good ones; "
            "kept, labelled, and left out of lists unless readers ask for it."
        ),
    )
    cause = models.CharField(_("cause"), max_length=30, choices=Cause.choices)
    approach = models.CharField(_("approach"), max_length=30, choices=Approach.choices)
    platforms = models.ManyToManyField(
        Platform, verbose_name=_("platforms"), related_name="campaigns", blank=True
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("participants"),
        through="Participation",
        related_name="campaigns",
        blank=True,
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), related_name="campaigns")
    tags = TaggableManager(_("tags"), through=TaggedCampaign, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    featured = models.BooleanField(_("featured"), default=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("first published by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(
        _("submitted for review"), null=True, blank=True, editable=False
    )
    review_note = models.TextField(
        _("reviewer's note"),
        blank=True,
        help_text=_("Why a reviewer sent it back, for its editors; never public."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawal_reason = models.CharField(
        _("why it was withdrawn"),
        max_length=500,
        blank=True,
        help_text=_("Shown to readers at its address once it is withdrawn."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    figure_count = models.PositiveIntegerField(
        _("figures"), default=0, editable=False, serialize=False
    )
    search_text = models.TextField(_("search text"), blank=True, editable=False, serialize=False)
    search_document = SearchVectorField(
        _("search document"), null=True, editable=False, serialize=False
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-start_date", "title"]
        indexes = [
            models.Index(fields=["status", "start_date"]),
            # Sorted by title on English pages (Chinese pages use ``reading_key_zh``).
            models.Index(Lower("title"), name="campaign_title_lower"),
        ]
        permissions = [
            ("publish_campaign", _("Can publish, send back, unpublish and withdraw campaigns")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Save the campaign, stamping when it is first published."""
        self.fill_in()
        super().save(*args, **kwargs)

    def fill_in(self):
        """Set what a save derives: when it was first published, when it was submitted for
        review, when it was withdrawn. (The loader calls it for rows it inserts in bulk,
        without ``save()``.) And the Chinese pages' sort key."""
        self.fill_reading_key()
        now = timezone.now()
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = now
        if self.status != Status.IN_REVIEW:
            self.submitted_at = None
        elif self.submitted_at is None:
            self.submitted_at = now
        if self.status != Status.WITHDRAWN:
            self.withdrawn_at = None
        elif self.withdrawn_at is None:
            self.withdrawn_at = now

    def get_absolute_url(self):
        """The address of its page on the public site."""
        return reverse("campaigns:campaign_detail", args=[self.slug])

    natural_key_fields = ("slug",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)

    natural_key.dependencies = ["campaigns.platform", "campaigns.source"]

    @property
    def is_public(self):
        """Whether readers may see it: only published campaigns are public."""
        return self.status == Status.PUBLISHED

    @property
    def start_display(self):
        """The start date as precisely as it is known."""
        return format_partial_date(self.start_date, self.start_precision)

    @property
    def end_display(self):
        """The end date as precisely as it is known."""
        return format_partial_date(self.end_date, self.end_precision)

    @property
    def year(self):
        """The year it started, or None when the start is unknown."""
        return self.start_date.year if self.start_date else None

    def clean(self):
        """Check the partial dates and that the campaign does not end before it starts."""
        validate_partial_date(self.start_date, self.start_precision, "start_date")
        validate_partial_date(self.end_date, self.end_precision, "end_date")
        if self.end_date and not self.start_date:
            raise ValidationError({"start_date": _("A campaign with an end date needs a start.")})
        if (
            self.start_date
            and self.end_date
            and partial_date_end(self.end_date, self.end_precision) < self.start_date
        ):
            raise ValidationError({"end_date": _("The end date is before the start date.")})

    def allowed_source_ids(self):
        """The ids of the sources this campaign's figures may cite.

        The admin saves a campaign's sources after it validates the figures in the same form,
        so it hands over the sources being saved as ``pending_source_ids``.
        """
        pending = getattr(self, "pending_source_ids", None)
        if pending is not None:
            return set(pending)
        if self.pk is None:
            return set()
        return {source.pk for source in self.sources.all()}  # prefetched by the loader


class ParticipationQuerySet(models.QuerySet):
    """Reusable filters for participations."""

    def public(self):
        """The parts readers may see: those in published campaigns."""
        return self.filter(campaign__status=Status.PUBLISHED)

    def get_by_natural_key(self, campaign_slug, organisation_slug, role):
        """Find a participation by its campaign's and organisation's slugs and its role."""
        return self.get(
            campaign__slug=campaign_slug, organisation__slug=organisation_slug, role=role
        )


class Participation(models.Model):
    """An organisation's or person's part in a campaign."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    note = models.CharField(
        _("note"), max_length=250, blank=True, help_text=_('E.g. "deputy county magistrate".')
    )
    note_zh = models.CharField(_("Chinese note"), max_length=250, blank=True)
    assumed = models.BooleanField(
        _("not stated by the source"),
        default=False,
        help_text=_("The part is our inference: the sources do not name it. Readers see so."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation", "role"], name="unique_participation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    natural_key_fields = ("campaign__slug", "organisation__slug", "role")
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.campaign.slug, self.organisation.slug, self.role)

    natural_key.dependencies = ["campaigns.campaign", "campaigns.organisation"]


class CampaignImageQuerySet(models.QuerySet):
    """Reusable filters for campaign images."""

    def public(self):
        """The images readers may see: those of published campaigns."""
        return self.filter(campaign__status=Status.PUBLISHED)

    def get_by_natural_key(self, campaign_slug, image):
        """Find a campaign's image by the campaign's slug and the image file's name."""
        return self.get(campaign__slug=campaign_slug, image=image)


class CampaignImage(models.Model):
    """A picture of a campaign, with a caption and the credit its owner asks for."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="images"
    )
    image = SafeImageField(_("image"), upload_to="campaigns/%Y/")
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for screen readers."),
    )
    alt_text_zh = models.CharField(_("Chinese alternative text"), max_length=250, blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    caption_zh = models.CharField(_("Chinese caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Kept by ``signals.py`` when the image is saved: the size of the (upright) image and the
    # name of the file its renditions were made from. Derived, so neither loaded nor kept in
    # history: a version brought back makes its renditions again.
    width = models.PositiveIntegerField(_("width"), null=True, editable=False, serialize=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False, serialize=False)
    renditions_of = models.CharField(
        _("renditions made from"), max_length=100, blank=True, editable=False, serialize=False
    )

    objects = CampaignImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "image"], name="unique_campaign_image")
        ]

    def __str__(self):
        return self.caption or self.alt_text

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.campaign.slug, self.image.name)

    natural_key.dependencies = ["campaigns.campaign"]

    @property
    def picture(self):
        """What a page needs to show the image from its renditions (WebP, and PNG or JPEG for
        browsers without WebP): ``srcset`` values, a fallback address and its size; None
        until they have been made (the page then shows the stored image)."""
        if not self.image or self.renditions_of != self.image.name or not self.width:
            return None
        return safe_images.Picture.of(self.image.storage, self.image.name, self.width, self.height)
