"""The organisations and people behind campaigns, and the platforms campaigns run on."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .base import ChangeTracked, SlugQuerySet, count_of, validate_image_size
from .choices import OrganisationKind, PlatformKind, Status


class OrganisationQuerySet(SlugQuerySet):
    """Reusable filters for organisations."""

    def public(self):
        """Organisations with a part in a published campaign, a platform, or a public figure."""
        from .campaigns import Participation
        from .figures import Figure

        return self.filter(
            Exists(
                Participation.objects.in_published_campaigns().filter(organisation=OuterRef("pk"))
            )
            | Exists(Platform.objects.filter(operator=OuterRef("pk")))
            | Exists(Figure.objects.published().filter(organisation=OuterRef("pk")))
        )

    def with_published_campaigns(self):
        """Organisations with a part in at least one published campaign."""
        from .campaigns import Participation

        return self.filter(
            pk__in=Participation.objects.in_published_campaigns().values("organisation_id")
        )

    def with_published_campaign_count(self):
        """Annotate each organisation with its number of published campaigns
        (``campaign_count``)."""
        from .campaigns import Participation

        participations = Participation.objects.in_published_campaigns()
        return self.annotate(
            campaign_count=count_of(participations, "organisation", distinct="campaign")
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
        """The address of its page on the public site."""
        return reverse("campaigns:organisation_detail", args=[self.slug])

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)


class PlatformQuerySet(SlugQuerySet):
    """Reusable filters for platforms."""

    def public(self):
        """The platforms readers see: every platform."""
        return self.all()

    def with_published_campaigns(self):
        """Platforms at least one published campaign ran on."""
        from .campaigns import Campaign

        return self.filter(
            pk__in=Campaign.platforms.through.objects.filter(
                campaign__status=Status.PUBLISHED
            ).values("platform_id")
        )

    def with_published_campaigns_or_figures(self):
        """Platforms a published campaign ran on or a public figure describes: the ones the
        figures table can be filtered by."""
        from .figures import Figure

        return self.filter(
            Q(pk__in=Platform.objects.with_published_campaigns().values("pk"))
            | Q(pk__in=Figure.objects.published().values("platform_id"))
        )

    def with_published_campaign_count(self):
        """Annotate each platform with the number of published campaigns run on it
        (``campaign_count``)."""
        from .campaigns import Campaign

        links = Campaign.platforms.through.objects.filter(campaign__status=Status.PUBLISHED)
        return self.annotate(campaign_count=count_of(links, "platform"))

    def busiest(self):
        """Platforms with published campaigns, those with most first (``campaign_count``)."""
        return (
            self.with_published_campaign_count()
            .filter(campaign_count__gt=0)
            .order_by("-campaign_count", "name")
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
        """The address of its page on the public site."""
        return reverse("campaigns:platform_detail", args=[self.slug])

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)

    natural_key.dependencies = ["campaigns.organisation"]
