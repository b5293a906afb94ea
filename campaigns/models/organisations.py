"""The organisations and people behind campaigns, and the platforms campaigns run on."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .base import ChangeTracked, ReadingOrder, SafeImageField, SlugQuerySet
from .choices import OrganisationKind, PlatformKind


class OrganisationQuerySet(SlugQuerySet):
    """Reusable filters for organisations."""

    def public(self):
        """Organisations with a part in a published campaign, a public platform they run, or
        a public figure (``is_public``, kept in step by ``counts.py``)."""
        return self.filter(is_public=True)

    def public_by_rule(self):
        """What ``public()`` keeps, worked out from the tables: a part in a published
        campaign, a platform it runs that is public by the rule, or a public figure about it.
        (Slow on a large catalogue: the tests hold the kept flag to it.)"""
        from .figures import Figure
        from .parts import Participation

        return self.filter(
            Exists(Participation.objects.public().filter(organisation=OuterRef("pk")))
            | Exists(Platform.objects.public_by_rule().filter(operator=OuterRef("pk")))
            | Exists(Figure.objects.public().filter(organisation=OuterRef("pk")))
        )

    def with_published_campaigns(self):
        """Organisations with a part in at least one published campaign."""
        return self.filter(published_campaign_count__gt=0)


class Organisation(ReadingOrder, ChangeTracked):
    """A company, nonprofit, public body, network or person that takes part in campaigns."""

    name = models.CharField(_("name"), max_length=200)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    name_zh_ours = models.BooleanField(
        _("Chinese name is our translation"),
        default=False,
        help_text=_(
            "The sources give only the English name and the Chinese one is not an established "
            "name we could confirm: pages mark it as the catalogue's translation."
        ),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_zh = models.TextField(_("Chinese description"), blank=True)
    logo = SafeImageField(_("logo"), upload_to="logos/organisations/", blank=True)
    published_campaign_count = models.PositiveIntegerField(
        _("published campaigns"), default=0, editable=False, serialize=False
    )
    is_public = models.BooleanField(_("public"), default=False, editable=False, serialize=False)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        # The list's order on English pages (Chinese pages use ``reading_key_zh``).
        indexes = [models.Index(Lower("name"), name="organisation_name_lower")]

    def save(self, *args, **kwargs):
        """Save it with its sort key for the Chinese pages."""
        self.fill_in()
        super().save(*args, **kwargs)

    def fill_in(self):
        """Set what a save derives: the Chinese pages' sort key. (The loader calls it for rows
        it inserts in bulk, without ``save()``.)"""
        self.fill_reading_key()

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The address of its page on the public site."""
        return reverse("campaigns:organisation_detail", args=[self.slug])

    natural_key_fields = ("slug",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)


class PlatformQuerySet(SlugQuerySet):
    """Reusable filters for platforms."""

    def public(self):
        """Platforms a published campaign ran on or a public figure is about (``is_public``,
        kept in step by ``counts.py``)."""
        return self.filter(is_public=True)

    def public_by_rule(self):
        """What ``public()`` keeps, worked out from the tables: a published campaign ran on
        it, or a public figure is about it."""
        from .campaigns import Campaign
        from .figures import Figure

        return self.filter(
            Exists(Campaign.objects.public().filter(platforms=OuterRef("pk")))
            | Exists(Figure.objects.public().filter(platform=OuterRef("pk")))
        )

    def with_published_campaigns(self):
        """Platforms at least one published campaign ran on."""
        return self.filter(published_campaign_count__gt=0)

    def with_published_campaigns_or_figures(self):
        """Platforms a published campaign ran on or a public figure describes: the ones the
        figures table can be filtered by."""
        from .figures import Figure

        return self.filter(
            Q(published_campaign_count__gt=0)
            | Exists(Figure.objects.public().filter(platform=OuterRef("pk")))
        )

    def busiest(self):
        """Platforms with published campaigns, those with most first."""
        return self.with_published_campaigns().order_by("-published_campaign_count", "name")


class Platform(ReadingOrder, ChangeTracked):
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
    operator_assumed = models.BooleanField(
        _("operator not stated by the source"),
        default=False,
        help_text=_("Who runs it is our inference: the sources do not say. Readers see so."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlatformKind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_zh = models.TextField(_("Chinese description"), blank=True)
    logo = SafeImageField(_("logo"), upload_to="logos/platforms/", blank=True)
    published_campaign_count = models.PositiveIntegerField(
        _("published campaigns"), default=0, editable=False, serialize=False
    )
    is_public = models.BooleanField(_("public"), default=False, editable=False, serialize=False)

    objects = PlatformQuerySet.as_manager()

    class Meta:
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")
        ordering = ["name"]

    def save(self, *args, **kwargs):
        """Save it with its sort key for the Chinese pages."""
        self.fill_in()
        super().save(*args, **kwargs)

    def fill_in(self):
        """Set what a save derives: the Chinese pages' sort key. (The loader calls it for rows
        it inserts in bulk, without ``save()``.)"""
        self.fill_reading_key()

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The address of its page on the public site."""
        return reverse("campaigns:platform_detail", args=[self.slug])

    natural_key_fields = ("slug",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)

    natural_key.dependencies = ["campaigns.organisation"]
