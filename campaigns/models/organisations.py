"""The organisations and people behind campaigns, and the platforms campaigns run on."""

from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .base import ChangeTracked, SlugQuerySet, validate_image_size
from .choices import OrganisationKind, PlatformKind, Status


class OrganisationQuerySet(SlugQuerySet):
    """Reusable filters for organisations."""

    def public(self):
        """Organisations with a part in a published case, a platform, or a public figure."""
        from .figures import Figure

        return self.filter(
            Q(pk__in=Organisation.objects.with_published_cases().values("pk"))
            | Q(pk__in=Platform.objects.values("operator_id"))
            | Q(pk__in=Figure.objects.published().values("organisation_id"))
        )

    def with_published_cases(self):
        """Organisations with a part in at least one published case."""
        from .campaigns import Participation

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
        """The address of its page on the public site."""
        return reverse("campaigns:organisation_detail", args=[self.slug])

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)


class PlatformQuerySet(SlugQuerySet):
    """Reusable filters for platforms."""

    def with_published_cases(self):
        """Platforms at least one published case ran on."""
        from .campaigns import Campaign

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
        """The address of its page on the public site."""
        return reverse("campaigns:platform_detail", args=[self.slug])

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)

    natural_key.dependencies = ["campaigns.organisation"]
