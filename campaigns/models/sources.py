"""The documents facts come from, with the numbered references they cite."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .base import ChangeTracked, SlugQuerySet
from .choices import DatePrecision, Language, SourceKind, TitleKind
from .dates import format_partial_date, validate_partial_date


class SourceQuerySet(SlugQuerySet):
    """Reusable filters for sources."""

    def public(self):
        """Sources behind a published campaign or a public figure, with the documents that
        cite them and their own numbered references (``is_public``, kept in step by
        ``counts.py``)."""
        return self.filter(is_public=True)

    def unchecked_since(self, moment):
        """Sources never checked, or last checked before ``moment``: never checked first, then
        the longest unchecked."""
        return self.filter(Q(checked_at__isnull=True) | Q(checked_at__lt=moment)).order_by(
            F("checked_at").asc(nulls_first=True), "title", "pk"
        )

    def backing_public_content(self):
        """Sources a published campaign names or a public figure cites."""
        from .campaigns import Campaign
        from .figures import Figure

        return self.filter(
            Exists(Campaign.objects.public().filter(sources=OuterRef("pk")))
            | Exists(Figure.objects.public().filter(source=OuterRef("pk")))
        )

    def public_by_rule(self):
        """What ``public()`` keeps, worked out from the tables: it backs published content,
        or one of its numbered references does, or the source citing it does."""
        backing = Source.objects.backing_public_content()
        return self.filter(
            Exists(backing.filter(pk=OuterRef("pk")))
            | Exists(backing.filter(cited_by=OuterRef("pk")))
            | Exists(backing.filter(pk=OuterRef("cited_by")))
        )


class Source(ChangeTracked):
    """A document facts come from: an article, report, book, statistics release or web page."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=400)
    title_kind = models.CharField(
        _("the title is"),
        max_length=12,
        choices=TitleKind.choices,
        default=TitleKind.TITLE,
        help_text=_(
            "“As written, [sic]”: the document's own title with its misspelling; "
            "“A description”: what the citing document says the work is, for want of its title."
        ),
    )
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
    note_zh = models.TextField(_("Chinese note"), blank=True)
    checked_at = models.DateTimeField(
        _("last checked"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When a curator last checked the document still says what we cite it for."),
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last checked by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_campaign_count = models.PositiveIntegerField(
        _("published campaigns"), default=0, editable=False, serialize=False
    )
    public_figure_count = models.PositiveIntegerField(
        _("public figures"), default=0, editable=False, serialize=False
    )
    is_public = models.BooleanField(_("public"), default=False, editable=False, serialize=False)

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
        """The address of its page on the public site."""
        return reverse("campaigns:source_detail", args=[self.slug])

    natural_key_fields = ("slug",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)

    @property
    def published_display(self):
        """The publication date as precisely as it is known."""
        return format_partial_date(self.published_on, self.published_precision)

    @property
    def short_name(self):
        """How a citation names it in passing: the publisher's abbreviation ("CGPI"), else its
        author, publisher or title, with its year: "CGPI (2020)"."""
        abbreviation = re.search(r"\(([A-Z][A-Za-z]*[A-Z])\)\s*$", self.publisher)
        name = (
            abbreviation.group(1)
            if abbreviation
            else self.author or self.publisher or Truncator(self.title_display).chars(40)
        )
        return f"{name} ({self.published_on.year})" if self.published_on else name

    @property
    def known_through(self):
        """Where the catalogue found it, when only another source cites it: "as reported in
        CGPI (2020), ref. [12]", in the page's language; "" for a source read at first hand."""
        if self.cited_by_id is None:
            return ""
        return _("as reported in %(source)s, ref. [%(number)s]") % {
            "source": self.cited_by.short_name,
            "number": self.reference_number,
        }

    @property
    def title_rendered_by_citing(self):
        """Whether its recorded title is the citing document's English rendering of a title in
        another language (no original title recorded)."""
        return bool(self.cited_by_id and self.language != "en" and not self.title_zh)

    @property
    def title_display(self):
        """The title as it is cited: "Shor Video [sic]", or "[a description]" in brackets."""
        if self.title_kind == TitleKind.DESCRIPTION:
            return f"[{self.title}]"
        if self.title_kind == TitleKind.SIC:
            return f"{self.title} [sic]"
        return self.title

    def clean(self):
        """Check the partial date and that a numbered reference names its citing source."""
        validate_partial_date(self.published_on, self.published_precision, "published_on")
        if (self.cited_by_id is None) != (self.reference_number is None):
            raise ValidationError(
                _("A cited reference needs both the citing source and its reference number.")
            )
        if self.cited_by_id is not None and self.cited_by_id == self.pk:
            raise ValidationError({"cited_by": _("A source cannot cite itself.")})
