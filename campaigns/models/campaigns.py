"""The case studies themselves: the ``Campaign`` model, its fields, validation and what its
save derives (its reading key, its end date). What can be asked of campaigns is in
``campaign_queries.py``; their participations and images in ``parts.py``."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager

from .base import (
    ChangeTracked,
    ReadingOrder,
)
from .campaign_queries import CampaignQuerySet
from .choices import (
    Approach,
    Cause,
    DatePrecision,
    Format,
    Scope,
    Status,
    format_codes,
    formats_text,
    unknown_format_codes,
)
from .dates import format_partial_date, partial_date_end, validate_partial_date
from .organisations import Organisation, Platform
from .places import CHINA, Division
from .sources import Source
from .tags import TaggedCampaign


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
    division = models.ForeignKey(
        Division,
        verbose_name=_("place in China"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="campaigns",
        help_text=_(
            "For a case in China: the most precise administrative division its sources name "
            "(province, prefecture or county), by code or name. Leave it empty when they name "
            "only the country."
        ),
    )
    scope = models.CharField(
        _("scope"),
        max_length=20,
        choices=Scope.choices,
        default=Scope.SOCIAL_GOOD,
        help_text=_(
            "Commercial or marketing: a brand's campaign a source lists beside social-good ones; "
            "other online trend: a trend a source reports beside them that is neither commercial "
            "nor for a public cause. Both are kept, labelled, and left out of lists unless "
            "readers ask for them."
        ),
    )
    cause = models.CharField(_("cause"), max_length=30, choices=Cause.choices)
    approach = models.CharField(_("approach"), max_length=30, choices=Approach.choices)
    # Several codes in one column, not a table of links: a case's formats come from a short
    # fixed list, as its cause and approach do, and are read with its row by every page,
    # download and API item without a join or another query; the loader, the export, the
    # history and restores carry them as they carry any column. (PostgreSQL's ArrayField
    # would do as much, but SQLite has no arrays.) ``Campaign.objects.in_format`` finds a code
    # only between commas or the column's ends, so no code is found inside another.
    formats = models.CharField(
        _("formats"),
        max_length=200,
        blank=True,
        default="",
        help_text=_(
            "What form it took, as its sources say: a live stream, short videos, microblog "
            "posts… Leave it empty when they do not say."
        ),
    )
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
    withdrawal_reason_zh = models.CharField(
        _("why it was withdrawn (Chinese)"),
        max_length=500,
        blank=True,
        help_text=_("The same reason in Chinese, for the address's Chinese page."),
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
            # The admin's published cases with no figure, by title: a few of 100,000.
            models.Index(
                fields=["title", "id"],
                condition=models.Q(status=Status.PUBLISHED, figure_count=0),
                name="campaign_without_figures",
            ),
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
    def format_list(self):
        """Its formats, as ``Format`` members in the list's order."""
        return [Format(code) for code in format_codes(self.formats)]

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
        unknown = unknown_format_codes(self.formats)
        if unknown:
            raise ValidationError(
                {
                    "formats": _("Unknown format “%(code)s”: formats are %(codes)s.")
                    % {"code": unknown[0], "codes": ", ".join(Format.values)}
                }
            )
        self.formats = formats_text(format_codes(self.formats))
        if self.division_id is not None and self.country != CHINA:
            raise ValidationError(
                {
                    "division": _(
                        "Only a case in China has a place in China: set the country to China."
                    )
                }
            )

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
