"""factory_boy factories for the catalogue's models."""

import datetime
from decimal import Decimal

import factory

from campaigns import models


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Report on social good number {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    publisher = "Example Publisher"
    published_on = datetime.date(2020, 3, 5)
    published_precision = models.DatePrecision.DAY
    kind = models.SourceKind.NEWS_ARTICLE
    url = factory.Sequence(lambda n: f"https://news.example.org/{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = models.OrganisationKind.COMPANY
    country = "CN"


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Platform
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Platform {n}")
    slug = factory.Sequence(lambda n: f"platform-{n}")
    operator = factory.SubFactory(OrganisationFactory)
    kind = models.PlatformKind.SHORT_VIDEO
    country = "CN"


class CampaignFactory(factory.django.DjangoModelFactory):
    """A published campaign with one source; pass ``platforms=[...]``, ``tags=[...]`` to add."""

    class Meta:
        model = models.Campaign
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Campaign number {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    summary = "A campaign used short videos to help farmers sell produce."
    description = "Officials and farmers posted short videos with links to buy produce."
    start_date = datetime.date(2020, 2, 10)
    start_precision = models.DatePrecision.DAY
    country = "CN"
    location = "Shandong"
    cause = models.Cause.RURAL_LIVELIHOODS
    approach = models.Approach.LIVE_COMMERCE
    status = models.Status.PUBLISHED

    @factory.post_generation
    def sources(self, create, extracted, **kwargs):
        if not create:
            return
        self.sources.add(*(extracted if extracted is not None else [SourceFactory()]))

    @factory.post_generation
    def platforms(self, create, extracted, **kwargs):
        if create and extracted:
            self.platforms.add(*extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participation

    campaign = factory.SubFactory(CampaignFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = models.Role.ORGANISER


class FigureFactory(factory.django.DjangoModelFactory):
    """A campaign's figure citing one of the campaign's own sources."""

    class Meta:
        model = models.Figure

    key = factory.Sequence(lambda n: f"figure-{n}")
    campaign = factory.SubFactory(CampaignFactory)
    label = "Videos published"
    value = Decimal("2234")
    unit = models.Unit.VIDEOS
    kind = factory.LazyAttribute(lambda o: models.kind_of_unit(o.unit))
    qualifier = models.Qualifier.EXACTLY
    stated_as = "2234 videos"
    as_of = datetime.date(2020, 4, 18)
    source = factory.LazyAttribute(
        lambda o: o.campaign.sources.first() if o.campaign else SourceFactory()
    )
