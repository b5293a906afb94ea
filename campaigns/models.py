"""
The catalogue: case studies (campaigns) of social media used for social good, the
organisations and platforms behind them, the figures that measure them and the sources
every figure comes from.
"""

import calendar
import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import connection, models
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase

# --------------------------------------------------------------------------- choices


class DatePrecision(models.TextChoices):
    """How much of a date is known: sources often say only "April 2013" or "2012"."""

    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


def format_partial_date(value, precision):
    """Show a date as precisely as it is known: "2013", "April 2013" (in the active language).

    A year alone reads "2013" in English and "2013年" in Chinese.
    """
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        # Translators: a year on its own, e.g. "2013"; in Chinese "2013年".
        return _("%(year)s") % {"year": value.year}
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def validate_partial_date(value, precision, field_name):
    """A year-precision date is stored as 1 January and a month-precision one as the 1st."""
    if value is None:
        return
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        raise ValidationError(
            {field_name: _("A date known only to the year is stored as 1 January of that year.")}
        )
    if precision == DatePrecision.MONTH and value.day != 1:
        raise ValidationError(
            {field_name: _("A date known only to the month is stored as the 1st of that month.")}
        )


def partial_date_end(value, precision):
    """The last day a partial date can mean: 2013 → 31 Dec 2013, April 2013 → 30 Apr 2013."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year, 12, 31)
    if precision == DatePrecision.MONTH:
        return datetime.date(
            value.year, value.month, calendar.monthrange(value.year, value.month)[1]
        )
    return value


class Language(models.TextChoices):
    """The language a source is written in."""

    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    OTHER = "other", _("Other")


class SourceKind(models.TextChoices):
    """What sort of document a source is."""

    BLOG_POST = "blog_post", _("Blog post")
    NEWS_ARTICLE = "news_article", _("News article")
    REPORT = "report", _("Report")
    BOOK = "book", _("Book")
    STATISTICS = "statistics", _("Statistics")
    PRESS_RELEASE = "press_release", _("Press release")
    WEB_PAGE = "web_page", _("Web page")


class OrganisationKind(models.TextChoices):
    """What sort of body an organisation is; individuals front many campaigns."""

    COMPANY = "company", _("Company")
    NONPROFIT = "nonprofit", _("Nonprofit or foundation")
    GOVERNMENT = "government", _("Government body")
    ACADEMIC = "academic", _("Academic or research body")
    ALLIANCE = "alliance", _("Alliance or network")
    MEDIA = "media", _("Media")
    COMMUNITY = "community", _("Community group")
    INDIVIDUAL = "individual", _("Individual")


class PlatformKind(models.TextChoices):
    """What a platform mainly does."""

    MICROBLOG = "microblog", _("Microblog")
    MESSAGING = "messaging", _("Messaging")
    SHORT_VIDEO = "short_video", _("Short video")
    LIVE_STREAMING = "live_streaming", _("Live streaming")
    SEARCH = "search", _("Search")
    E_COMMERCE = "e_commerce", _("E-commerce")
    SOCIAL_NETWORK = "social_network", _("Social network")
    NEWS_FEED = "news_feed", _("News feed")
    PETITION = "petition", _("Petition")


class Cause(models.TextChoices):
    """The public cause a campaign serves."""

    DISASTER_RELIEF = "disaster_relief", _("Disaster relief")
    PUBLIC_HEALTH = "public_health", _("Public health")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    RURAL_LIVELIHOODS = "rural_livelihoods", _("Rural livelihoods and agriculture")
    CLIMATE_ENVIRONMENT = "climate_environment", _("Climate and environment")
    EDUCATION = "education", _("Education")
    CIVIC_ENGAGEMENT = "civic_engagement", _("Civic engagement")
    PUBLIC_SERVICES = "public_services", _("Public services")
    PHILANTHROPY_SECTOR = "philanthropy_sector", _("Philanthropy sector")
    SOCIAL_CONNECTION = "social_connection", _("Social connection")
    COMMERCE_MARKETING = "commerce_marketing", _("Commerce and marketing")


class Approach(models.TextChoices):
    """How a campaign used social media."""

    FUNDRAISING = "fundraising", _("Fundraising")
    AWARENESS = "awareness", _("Awareness")
    CROWDSOURCED_INFORMATION = "crowdsourced_information", _("Crowdsourced information")
    INFORMATION_SHARING = "information_sharing", _("Alerts and information sharing")
    LIVE_COMMERCE = "live_commerce", _("E-commerce and live-stream selling")
    VOLUNTEER_COORDINATION = "volunteer_coordination", _("Volunteer coordination")
    ADVOCACY = "advocacy", _("Advocacy")
    ORGANISATIONAL_CHANGE = "organisational_change", _("Organisational change")
    BRAND_ENGAGEMENT = "brand_engagement", _("Brand engagement")
    PRODUCT_LAUNCH = "product_launch", _("Product launch")


class Role(models.TextChoices):
    """The part an organisation or person played in a campaign."""

    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")
    PLATFORM_OPERATOR = "platform_operator", _("Platform operator")
    FUNDER = "funder", _("Funder")
    CHAMPION = "champion", _("Champion or influencer")
    BENEFICIARY = "beneficiary", _("Beneficiary")


class FigureKind(models.TextChoices):
    """What a figure measures."""

    MONEY = "money", _("Money")
    COUNT = "count", _("Count")
    PERCENTAGE = "percentage", _("Percentage")
    MASS = "mass", _("Mass")
    DURATION = "duration", _("Duration")


class Unit(models.TextChoices):
    """The unit a figure's value is counted in."""

    CNY = "CNY", _("CNY")
    USD = "USD", _("USD")
    PERCENT = "percent", _("percent")
    KG = "kg", _("kg")
    TONNES = "t", _("tonnes")
    SECONDS = "seconds", _("seconds")
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")
    PEOPLE = "people", _("people")
    USERS = "users", _("users")
    FOLLOWERS = "followers", _("followers")
    FANS = "fans", _("fans")
    CREATORS = "creators", _("creators")
    VIDEOS = "videos", _("videos")
    POSTS = "posts", _("posts")
    PLAYS = "plays", _("plays")
    LIKES = "likes", _("likes")
    REPOSTS = "reposts", _("reposts")
    CHILDREN = "children", _("children")
    COUNTIES = "counties", _("counties")
    PRODUCTS = "products", _("products")
    ORGANISATIONS = "organisations", _("organisations")
    WEBSITES = "websites", _("websites")
    CAMPAIGNS = "campaigns", _("campaigns")
    TEAMS = "teams", _("teams")
    ITEMS = "items", _("items")


UNIT_KIND = {
    Unit.CNY: FigureKind.MONEY,
    Unit.USD: FigureKind.MONEY,
    Unit.PERCENT: FigureKind.PERCENTAGE,
    Unit.KG: FigureKind.MASS,
    Unit.TONNES: FigureKind.MASS,
    Unit.SECONDS: FigureKind.DURATION,
    Unit.HOURS: FigureKind.DURATION,
    Unit.DAYS: FigureKind.DURATION,
}
"""The kind each unit belongs to; every unit not named here counts things."""


def kind_of_unit(unit):
    """The kind of figure a unit measures."""
    return UNIT_KIND.get(unit, FigureKind.COUNT)


class Qualifier(models.TextChoices):
    """How exact a figure is, as the source states it."""

    EXACTLY = "exactly", _("exactly")
    OVER = "over", _("over")
    AT_LEAST = "at_least", _("at least")
    ABOUT = "about", _("about")
    NEARLY = "nearly", _("nearly")
    UP_TO = "up_to", _("up to")


class Status(models.TextChoices):
    """Only published campaigns are ever shown to the public."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# --------------------------------------------------------------------------- validators


def validate_image_size(file):
    """Refuse uploads larger than settings.MAX_IMAGE_UPLOAD_BYTES.

    Only new uploads are measured: a stored file passed when it was uploaded, and measuring it
    again would crash the form if the file has since gone missing from the media folder.
    """
    if getattr(file, "_committed", False):
        return
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )


# --------------------------------------------------------------------------- change tracking


class ChangeTracked(models.Model):
    """A row that records when it last changed, so downloads and the API can answer 304s.

    Unlike ``auto_now`` the field has a default, so ``loaddata`` (which saves raw rows) fills it.
    """

    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)


# --------------------------------------------------------------------------- sources


class SlugQuerySet(models.QuerySet):
    """Rows found by their slug, which is their natural key in fixtures."""

    def get_by_natural_key(self, slug):
        """Find a row by its slug."""
        return self.get(slug=slug)


class SourceQuerySet(SlugQuerySet):
    """Reusable filters for sources."""

    def public(self):
        """Sources behind a published case or a public figure, with the documents that cite
        them and their own numbered references."""
        backing = Q(campaigns__status=Status.PUBLISHED) | Q(
            figures__in=Figure.objects.published().values("pk")
        )
        backing_ids = Source.objects.filter(backing).values("pk")
        citing_ids = Source.objects.filter(pk__in=backing_ids).values("cited_by")
        return self.filter(
            Q(pk__in=backing_ids) | Q(pk__in=citing_ids) | Q(cited_by__in=backing_ids)
        )

    def with_published_case_count(self):
        """Annotate each source with the number of published cases it backs (``case_count``)."""
        return self.annotate(
            case_count=Count(
                "campaigns", filter=Q(campaigns__status=Status.PUBLISHED), distinct=True
            )
        )

    def with_public_figure_count(self):
        """Annotate each source with the number of public figures it states (``figure_count``)."""
        return self.annotate(
            figure_count=Count(
                "figures",
                filter=Q(figures__campaign__isnull=True)
                | Q(figures__campaign__status=Status.PUBLISHED),
                distinct=True,
            )
        )


class Source(ChangeTracked):
    """A document facts come from: an article, report, book, statistics release or web page."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=400)
    title_zh = models.CharField(_("Chinese title"), max_length=400, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("published"), null=True, blank=True)
    published_precision = models.CharField(
        _("published date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    url = models.URLField(_("URL"), max_length=500, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    cited_by = models.ForeignKey(
        "self",
        verbose_name=_("cited by"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="references",
        help_text=_("The source whose numbered reference list cites this one."),
    )
    reference_number = models.PositiveSmallIntegerField(
        _("reference number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Its number in the citing source's reference list, e.g. 5 for [5]."),
    )
    note = models.TextField(_("note"), blank=True)

    objects = SourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["cited_by", "reference_number"], name="unique_reference_number"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:source_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    @property
    def published_display(self):
        """The publication date as precisely as it is known."""
        return format_partial_date(self.published_on, self.published_precision)

    def clean(self):
        validate_partial_date(self.published_on, self.published_precision, "published_on")
        if (self.cited_by_id is None) != (self.reference_number is None):
            raise ValidationError(
                _("A cited reference needs both the citing source and its reference number.")
            )
        if self.cited_by_id is not None and self.cited_by_id == self.pk:
            raise ValidationError({"cited_by": _("A source cannot cite itself.")})


# --------------------------------------------------------------------------- organisations


class OrganisationQuerySet(SlugQuerySet):
    """Reusable filters for organisations."""

    def public(self):
        """Organisations with a part in a published case, a platform, or a public figure."""
        return self.filter(
            Q(pk__in=Organisation.objects.with_published_cases().values("pk"))
            | Q(pk__in=Platform.objects.values("operator_id"))
            | Q(pk__in=Figure.objects.published().values("organisation_id"))
        )

    def with_published_cases(self):
        """Organisations with a part in at least one published case."""
        return self.filter(
            pk__in=Participation.objects.filter(campaign__status=Status.PUBLISHED).values(
                "organisation_id"
            )
        )

    def with_published_case_count(self):
        """Annotate each organisation with its number of published cases (``case_count``)."""
        return self.annotate(
            case_count=Count(
                "participations__campaign",
                filter=Q(participations__campaign__status=Status.PUBLISHED),
                distinct=True,
            )
        )


class Organisation(ChangeTracked):
    """A company, nonprofit, public body, network or person that takes part in campaigns."""

    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="logos/organisations/", blank=True, validators=[validate_image_size]
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:organisation_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)


# --------------------------------------------------------------------------- platforms


class PlatformQuerySet(SlugQuerySet):
    """Reusable filters for platforms."""

    def with_published_cases(self):
        """Platforms at least one published case ran on."""
        return self.filter(
            pk__in=Campaign.platforms.through.objects.filter(
                campaign__status=Status.PUBLISHED
            ).values("platform_id")
        )

    def with_published_case_count(self):
        """Annotate each platform with the number of published cases run on it (``case_count``)."""
        return self.annotate(
            case_count=Count(
                "campaigns", filter=Q(campaigns__status=Status.PUBLISHED), distinct=True
            )
        )


class Platform(ChangeTracked):
    """A social media service campaigns run on, such as Sina Weibo or Kwai."""

    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    operator = models.ForeignKey(
        Organisation,
        verbose_name=_("operator"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="platforms",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlatformKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="logos/platforms/", blank=True, validators=[validate_image_size]
    )

    objects = PlatformQuerySet.as_manager()

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("campaigns:platform_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["campaigns.organisation"]


# --------------------------------------------------------------------------- campaigns


class TagQuerySet(models.QuerySet):
    """Reusable filters for tags."""

    def public(self):
        """Tags on at least one published case."""
        return self.filter(
            pk__in=TaggedCampaign.objects.filter(content_object__status=Status.PUBLISHED).values(
                "tag_id"
            )
        )

    def with_published_case_count(self):
        """Annotate each tag with the number of published cases carrying it (``case_count``)."""
        return self.annotate(
            case_count=Count(
                "campaigns_taggedcampaign_items",
                filter=Q(campaigns_taggedcampaign_items__content_object__status=Status.PUBLISHED),
            )
        )


class Tag(TagBase):
    """A word readers browse cases by, with the Chinese name the Chinese pages show.

    taggit's own tag model has no room for a second language, so the catalogue keeps its
    tags here; the name stays the natural key, as in taggit.
    """

    name_zh = models.CharField(_("Chinese name"), max_length=100, blank=True)

    objects = NaturalKeyManager.from_queryset(TagQuerySet)()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("campaigns:tag_detail", args=[self.slug])


class TaggedCampaign(TaggedItemBase):
    """A tag on a campaign; keyed by campaign slug and tag name so fixtures never hold ids."""

    content_object = models.ForeignKey(
        "Campaign", on_delete=models.CASCADE, related_name="tagged_items"
    )
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Manager(models.Manager):
        def get_by_natural_key(self, campaign_slug, tag_name):
            """Find a campaign's tag by the campaign's slug and the tag's name."""
            return self.get(content_object__slug=campaign_slug, tag__name=tag_name)

    objects = Manager()

    class Meta:
        verbose_name = _("campaign tag")
        verbose_name_plural = _("campaign tags")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_campaign_tag")
        ]

    def natural_key(self):
        return (self.content_object.slug, self.tag.name)

    natural_key.dependencies = ["campaigns.campaign", "campaigns.tag"]


class CampaignQuerySet(models.QuerySet):
    """Reusable filters for campaigns."""

    def get_by_natural_key(self, slug):
        """Find a campaign by its slug."""
        return self.get(slug=slug)

    def published(self):
        """Only the campaigns the public may see."""
        return self.filter(status=Status.PUBLISHED)

    def with_figure_count(self):
        """Annotate each campaign with the number of figures it has (``figure_count``)."""
        return self.annotate(figure_count=Count("figures", distinct=True))

    def for_listing(self):
        """Everything a list of campaign cards shows, fetched in a fixed number of queries."""
        return self.with_figure_count().prefetch_related("platforms", "tags")

    def search(self, q):
        """Campaigns matching the words of ``q``, best matches first.

        A campaign matches when every word appears (as a substring, so Chinese works without
        word breaks) in its titles, summary, description, tags, or the English or Chinese
        names of its platforms and participants. On PostgreSQL a full-text match of its
        titles, summary and description (English stemming) also counts and ranks the results.
        """
        terms = q.replace("\x00", " ").split()[:SEARCH_MAX_TERMS]  # PostgreSQL refuses NUL
        if not terms:
            return self
        q = " ".join(terms)
        every_term = Q()
        for term in terms:
            every_term &= campaign_text_contains(term)
        title_bonus = Case(
            When(Q(title__icontains=q) | Q(title_zh__icontains=q), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        if connection.vendor != "postgresql":
            return (
                self.filter(every_term)
                .annotate(search_rank=title_bonus)
                .order_by("-search_rank", F("start_date").desc(nulls_last=True), "title", "pk")
            )
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector("title_zh", weight="A", config="simple")
            + SearchVector("summary", weight="B", config="english")
            + SearchVector("description", weight="C", config="english")
        )
        query = SearchQuery(q, search_type="websearch", config="english")
        full_text = Campaign.objects.annotate(document=vector).filter(document=query)
        return (
            self.filter(Q(pk__in=full_text.values("pk")) | every_term)
            .annotate(search_rank=SearchRank(vector, query) + title_bonus)
            .order_by("-search_rank", F("start_date").desc(nulls_last=True), "title", "pk")
        )


SEARCH_MAX_TERMS = 10
"""A search uses at most this many words (a pasted essay must not build a huge query)."""


def campaign_text_contains(term):
    """Campaigns whose own text, tags, platforms or participants contain ``term``."""
    return (
        Q(title__icontains=term)
        | Q(title_zh__icontains=term)
        | Q(summary__icontains=term)
        | Q(description__icontains=term)
        | Q(location__icontains=term)
        | Q(
            pk__in=TaggedCampaign.objects.filter(
                Q(tag__name__icontains=term) | Q(tag__name_zh__icontains=term)
            ).values("content_object_id")
        )
        | Q(
            pk__in=Campaign.platforms.through.objects.filter(
                Q(platform__name__icontains=term) | Q(platform__name_zh__icontains=term)
            ).values("campaign_id")
        )
        | Q(
            pk__in=Participation.objects.filter(
                Q(organisation__name__icontains=term) | Q(organisation__name_zh__icontains=term)
            ).values("campaign_id")
        )
    )


class Campaign(models.Model):
    """A case study: a campaign in which social media served a public cause, and its outcome."""

    title = models.CharField(_("title"), max_length=250)
    title_zh = models.CharField(_("Chinese title"), max_length=250, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.CharField(
        _("summary"), max_length=500, help_text=_("One or two sentences, in our own words.")
    )
    description = models.TextField(_("description"), help_text=_("In our own words."))
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
    country = CountryField(_("country"), blank=True)
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-start_date", "title"]
        indexes = [models.Index(fields=["status", "start_date"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:campaign_detail", args=[self.slug])

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["campaigns.platform", "campaigns.source"]

    @property
    def is_public(self):
        return self.status == Status.PUBLISHED

    @property
    def start_display(self):
        return format_partial_date(self.start_date, self.start_precision)

    @property
    def end_display(self):
        return format_partial_date(self.end_date, self.end_precision)

    @property
    def year(self):
        return self.start_date.year if self.start_date else None

    def clean(self):
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
        return set(self.sources.values_list("pk", flat=True))


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
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Manager(models.Manager):
        def get_by_natural_key(self, campaign_slug, organisation_slug, role):
            """Find a participation by its campaign's and organisation's slugs and its role."""
            return self.get(
                campaign__slug=campaign_slug, organisation__slug=organisation_slug, role=role
            )

    objects = Manager()

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

    def natural_key(self):
        return (self.campaign.slug, self.organisation.slug, self.role)

    natural_key.dependencies = ["campaigns.campaign", "campaigns.organisation"]


class CampaignImage(models.Model):
    """A picture of a campaign, with a caption and the credit its owner asks for."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(
        _("image"), upload_to="campaigns/%Y/", validators=[validate_image_size]
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for screen readers."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Manager(models.Manager):
        def get_by_natural_key(self, campaign_slug, image):
            """Find a campaign's image by the campaign's slug and the image file's name."""
            return self.get(campaign__slug=campaign_slug, image=image)

    objects = Manager()

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
        return (self.campaign.slug, self.image.name)

    natural_key.dependencies = ["campaigns.campaign"]


# --------------------------------------------------------------------------- figures


class FigureQuerySet(models.QuerySet):
    """Reusable filters for figures."""

    def get_by_natural_key(self, key):
        """Find a figure by its key."""
        return self.get(key=key)

    def published(self):
        """Figures the public may see: those of published campaigns and those about no campaign."""
        return self.filter(Q(campaign__isnull=True) | Q(campaign__status=Status.PUBLISHED))

    def for_listing(self):
        """Figures with what a table of them shows, in a fixed number of queries."""
        return self.select_related("campaign", "platform", "organisation", "source")

    def cited(self):
        """Public figures with their source, in display order, ready to show with a citation."""
        return self.published().select_related("source").order_by("order", "pk")


class Figure(ChangeTracked):
    """A figure a source states, with its unit, qualifier, period and as-of date.

    Most figures are the outcome of one campaign. Figures about a platform, an organisation
    or the whole sector (a platform's users, national totals, market shares) leave
    ``campaign`` empty and name the platform or organisation they describe, or neither.
    """

    key = models.SlugField(
        _("key"),
        max_length=120,
        unique=True,
        help_text=_("A stable name for this figure, used in fixtures and exports."),
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
    )
    platform = models.ForeignKey(
        Platform,
        verbose_name=_("platform"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        help_text=_("The platform this figure describes, when it is not a campaign's outcome."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figures",
        help_text=_("The organisation this figure describes, when it is not a campaign's outcome."),
    )
    label = models.CharField(_("label"), max_length=200, help_text=_('E.g. "Donations raised".'))
    label_zh = models.CharField(_("Chinese label"), max_length=200, blank=True)
    value = models.DecimalField(
        _("value"),
        max_digits=20,
        decimal_places=4,
        # xgettext:no-python-format ("5.36% is" is not a placeholder)
        help_text=_("The absolute number: 110 million is 110000000, 5.36% is 5.36."),
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=FigureKind.choices,
        blank=True,
        help_text=_("Filled in from the unit when left empty."),
    )
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    stated_as = models.CharField(
        _("stated as"),
        max_length=300,
        help_text=_('The figure as the source writes it, e.g. "over 110 million RMB".'),
    )
    period = models.CharField(
        _("period"), max_length=200, blank=True, help_text=_('E.g. "within 72 hours".')
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = models.CharField(
        _("as-of date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="figures"
    )
    order = models.PositiveSmallIntegerField(_("display order"), default=0)

    objects = FigureQuerySet.as_manager()

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="figure_value_not_negative"),
            models.CheckConstraint(
                condition=~Q(unit="percent") | Q(value__lte=100),
                name="figure_percentage_at_most_100",
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.stated_as}"

    def save(self, *args, **kwargs):
        if not self.kind and self.unit:
            self.kind = kind_of_unit(self.unit)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.key,)

    natural_key.dependencies = [
        "campaigns.campaign",
        "campaigns.platform",
        "campaigns.organisation",
        "campaigns.source",
    ]

    @property
    def as_of_display(self):
        return format_partial_date(self.as_of, self.as_of_precision)

    @property
    def subject(self):
        """What the figure describes: a campaign, platform or organisation; None for the sector."""
        return self.campaign or self.platform or self.organisation

    def clean(self):
        errors = {}
        validate_partial_date(self.as_of, self.as_of_precision, "as_of")
        if self.value is not None:
            if self.value < 0:
                errors["value"] = _("A figure cannot be negative.")
            elif self.unit == Unit.PERCENT and self.value > Decimal(100):
                errors["value"] = _("A percentage cannot be more than 100.")
        if self.unit:
            expected = kind_of_unit(self.unit)
            if not self.kind:
                self.kind = expected
            elif self.kind != expected:
                if self.kind == FigureKind.MONEY:
                    errors["unit"] = _("Money needs a currency unit (CNY or USD).")
                else:
                    errors["kind"] = _("The unit %(unit)s measures %(kind)s, not %(chosen)s.") % {
                        "unit": self.get_unit_display(),
                        "kind": FigureKind(expected).label,
                        "chosen": FigureKind(self.kind).label,
                    }
        # The campaign may be a new one not saved yet, added in the admin with its figures.
        campaign = self.campaign
        if campaign is not None and self.source_id:
            if self.source_id not in campaign.allowed_source_ids():
                errors["source"] = _(
                    "The source “%(source)s” is not among the sources of “%(campaign)s”: "
                    "add it to the campaign first."
                ) % {"source": self.source, "campaign": campaign}
        if errors:
            raise ValidationError(errors)
