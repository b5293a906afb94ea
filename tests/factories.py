"""factory_boy factories for the catalogue's models."""

import datetime
from decimal import Decimal

import factory

from campaigns import models
from campaigns.units import units


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
    unit = "videos"
    kind = factory.LazyAttribute(lambda o: units().kind_of(getattr(o.unit, "code", o.unit)))
    qualifier = models.Qualifier.EXACTLY
    stated_as = "2234 videos"
    as_of = datetime.date(2020, 4, 18)
    source = factory.LazyAttribute(
        lambda o: o.campaign.sources.first() if o.campaign else SourceFactory()
    )


class EvidenceFactory(factory.django.DjangoModelFactory):
    """The source's words behind the first sentence of a campaign's summary."""

    class Meta:
        model = models.Evidence

    key = factory.Sequence(lambda n: f"evidence-{n}")
    campaign = factory.SubFactory(CampaignFactory)
    field = models.EvidencedText.SUMMARY
    sentence = 1
    source = factory.LazyAttribute(lambda o: o.campaign.sources.first() or SourceFactory())
    locator = "¶ 2"
    quote = "the source's words for this point"


# --------------------------------------------------------------------------- builders
# The few cases the page, API and download tests share, each built one way for the whole suite.
# The factories are get-or-create by slug, so calling a builder twice gives the same rows.


def build_weibo():
    """Sina Weibo, the microblog operated by Sina Corporation (新浪)."""
    sina = OrganisationFactory(name="Sina Corporation", name_zh="新浪", slug="sina")
    return PlatformFactory(
        name="Sina Weibo",
        name_zh="新浪微博",
        slug="sina-weibo",
        operator=sina,
        kind=models.PlatformKind.MICROBLOG,
    )


def build_kwai():
    """Kwai (快手), the short-video platform operated by Kuaishou Technology (快手科技)."""
    kuaishou = OrganisationFactory(name="Kuaishou Technology", name_zh="快手科技", slug="kuaishou")
    return PlatformFactory(name="Kwai", name_zh="快手", slug="kwai", operator=kuaishou)


def build_gates_report():
    """The Gates Foundation's report the Ya'an case cites, with an author, a date and a URL."""
    return SourceFactory(
        slug="gates-2013",
        title="The Power of Social Media: New Case Studies From China",
        publisher="Bill & Melinda Gates Foundation",
        author="Jane Writer",
        published_on=datetime.date(2013, 5, 13),
        url="https://www.example.org/power-of-social-media",
    )


def build_yaan_case(*, weibo=None, source=None):
    """The Ya'an earthquake fundraising case on Sina Weibo, citing the Gates report: published
    and featured, with a Chinese title, the tag "Earthquake" (slug ``earthquake``), an organiser
    and the platform's operator as participants, and one figure, ``yaan-donations``."""
    weibo = weibo or build_weibo()
    source = source or build_gates_report()
    foundation = OrganisationFactory(
        name="One Foundation",
        name_zh="壹基金",
        slug="one-foundation",
        kind=models.OrganisationKind.NONPROFIT,
    )
    campaign = CampaignFactory(
        title="Weibo fundraising after the Ya'an earthquake",
        title_zh="雅安地震微博募捐",
        slug="yaan-earthquake",
        summary="Weibo let donors pay through any service and raised money within three days.",
        description="When the earthquake struck Ya'an in April 2013, Sina opened its platform.",
        start_date=datetime.date(2013, 4, 1),
        start_precision=models.DatePrecision.MONTH,
        location="Ya'an, Sichuan",
        cause=models.Cause.DISASTER_RELIEF,
        approach=models.Approach.FUNDRAISING,
        platforms=[weibo],
        sources=[source],
        tags=["Earthquake"],
        featured=True,
    )
    ParticipationFactory(
        campaign=campaign,
        organisation=foundation,
        role=models.Role.ORGANISER,
        note="ran the appeal",
    )
    ParticipationFactory(
        campaign=campaign, organisation=weibo.operator, role=models.Role.PLATFORM_OPERATOR
    )
    FigureFactory(
        key="yaan-donations",
        campaign=campaign,
        source=source,
        label="Donations raised",
        label_zh="募集善款",
        value=Decimal("110000000"),
        unit="CNY",
        qualifier=models.Qualifier.OVER,
        stated_as="over 110 million RMB",
        period="within 72 hours",
        as_of=datetime.date(2013, 4, 1),
        as_of_precision=models.DatePrecision.MONTH,
    )
    return campaign


def build_draft_case(*, weibo=None, source=None):
    """A featured draft on the Ya'an case's platform, source and tag, so every page, list and
    download that shows those must leave it out; it alone uses an organisation
    (``hidden-partner``), a source (``draft-only-source``) and a tag (``draft-only-tag``), and it
    has one figure, ``draft-figure``, of 987,654,321 CNY."""
    weibo = weibo or build_weibo()
    source = source or build_gates_report()
    campaign = CampaignFactory(
        title="Unchecked draft about earthquake relief",
        slug="unchecked-draft",
        summary="Nobody has checked this draft yet.",
        status=models.Status.DRAFT,
        platforms=[weibo],
        sources=[source],
        tags=["Earthquake", "draft-only-tag"],
        start_date=datetime.date(2013, 4, 1),
        cause=models.Cause.DISASTER_RELIEF,
        featured=True,
    )
    hidden = OrganisationFactory(name="Hidden Draft Partner", slug="hidden-partner")
    ParticipationFactory(campaign=campaign, organisation=hidden, role=models.Role.ORGANISER)
    campaign.sources.add(SourceFactory(slug="draft-only-source", title="Draft-only source"))
    FigureFactory(
        key="draft-figure",
        campaign=campaign,
        source=source,
        label="Unverified draft figure",
        value=Decimal("987654321"),
        unit="CNY",
        stated_as="987,654,321 RMB",
    )
    return campaign


def build_draft_only_case():
    """A draft, ``draft-only-case``, with a source, an organisation, a tag and a figure that
    nothing else uses (``draft-only-source``, ``draft-only-partner``, ``draft-only-tag``,
    ``draft-only-figure``): whatever shows only public content leaves all five out. It shares
    no row with any other case, so it can join any catalogue, the seed catalogue too."""
    hidden_source = SourceFactory(slug="draft-only-source", title="Draft notes")
    draft = CampaignFactory(
        slug="draft-only-case",
        title="Draft only",
        status=models.Status.DRAFT,
        sources=[hidden_source],
        tags=["draft-only-tag"],
    )
    ParticipationFactory(
        campaign=draft, organisation=OrganisationFactory(slug="draft-only-partner")
    )
    FigureFactory(key="draft-only-figure", campaign=draft, source=hidden_source)
    return draft


def build_weibo_users(*, weibo=None):
    """A figure about Sina Weibo, not about any case: its 500 million registered users
    (``weibo-users``), citing a source of its own."""
    return FigureFactory(
        key="weibo-users",
        campaign=None,
        platform=weibo or build_weibo(),
        label="Registered users",
        value=Decimal("500000000"),
        unit="users",
        stated_as="500 million users",
    )


def build_curator(username, role=None, permissions=()):
    """A staff user ``username`` with ``role`` (Editor, Reviewer or Administrator; None: no
    role) and, besides, the permissions named by codename."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model().objects.create_user(username, password="pw", is_staff=True)
    if role is not None:
        user.groups.add(Group.objects.get(name=role))
    if permissions:
        user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    return user


# --------------------------------------------------------------------------- catalogues that grow
# Query counts are pinned at two sizes of these (tests/test_views.py, tests/test_admin.py).


def build_shared_catalogue(size):
    """``size`` published cases sharing a platform, organisation, source and tag, with figures;
    each case also has a platform, organisation and tag of its own, so the lists of those grow."""
    operator = OrganisationFactory(name="Operator", slug="operator")
    platform = PlatformFactory(name="Shared platform", slug="shared", operator=operator)
    organiser = OrganisationFactory(name="Organiser", slug="organiser")
    source = SourceFactory(slug="shared-source", title="Shared source")
    for number in range(3):
        SourceFactory(slug=f"reference-{number}", cited_by=source, reference_number=number + 1)
    for subject in (platform, organiser):
        type(subject).objects.filter(pk=subject.pk).update(description="It runs campaigns.")
        models.SubjectEvidence.objects.create(
            **{subject._meta.model_name: subject}, source=source, quote="it runs campaigns"
        )
    for number in range(size):
        own_organisation = OrganisationFactory(
            name=f"Own organisation {number}", slug=f"own-organisation-{number}"
        )
        own_platform = PlatformFactory(
            name=f"Own platform {number}", slug=f"own-platform-{number}", operator=own_organisation
        )
        campaign = CampaignFactory(
            slug=f"case-{number}",
            title=f"Case number {number} about farming",
            start_date=datetime.date(2000 + number % 20, 1 + number % 12, 1),
            platforms=[platform, own_platform],
            sources=[source],
            tags=["shared", f"own-{number}"],
            featured=number % 2 == 0,
            cause=list(models.Cause.values)[number % len(models.Cause.values)],
        )
        ParticipationFactory(campaign=campaign, organisation=organiser)
        ParticipationFactory(
            campaign=campaign, organisation=own_organisation, role=models.Role.PARTNER
        )
        ParticipationFactory(
            campaign=campaign, organisation=operator, role=models.Role.PLATFORM_OPERATOR
        )
        FigureFactory(key=f"videos-{number}", campaign=campaign, source=source)
        EvidenceFactory(key=f"summary-{number}", campaign=campaign, source=source)
        FigureFactory(
            key=f"money-{number}",
            campaign=campaign,
            source=source,
            label="Money raised",
            value=Decimal(1000 * (number + 1)),
            unit="CNY",
            stated_as="money",
        )
        FigureFactory(
            key=f"users-{number}",
            campaign=None,
            platform=platform,
            organisation=None,
            source=source,
            label="Users",
            unit="users",
            value=Decimal(number + 1),
            as_of=datetime.date(2000 + number, 1, 1),
        )
    CampaignFactory(slug="a-draft", status=models.Status.DRAFT, platforms=[platform])


def build_varied_catalogue(rows):
    """``rows`` campaigns, each with platforms, sources, tags, figures, participants and images;
    and ``rows`` figures about platforms."""
    for number in range(rows):
        operator = OrganisationFactory()
        platforms = [PlatformFactory(operator=operator), PlatformFactory()]
        source = SourceFactory()
        reference = SourceFactory(cited_by=source, reference_number=1)
        campaign = CampaignFactory(
            platforms=platforms, sources=[source, reference], tags=[f"tag {number}", "common"]
        )
        FigureFactory.create_batch(2, campaign=campaign)
        ParticipationFactory(campaign=campaign, organisation=operator)
        ParticipationFactory(campaign=campaign)
        FigureFactory(campaign=None, platform=platforms[0], source=reference)
