"""Writing grown cases in bulk: platforms, tags, organisations and sources first, then cases
with their participants, tags and figures, in batches."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from ..models import (
    Campaign,
    DatePrecision,
    Figure,
    Organisation,
    OrganisationKind,
    Participation,
    Platform,
    Role,
    Source,
    SourceKind,
    Status,
    Tag,
    TaggedCampaign,
)
from ..units import units
from .words import (
    APPROACHES,
    FIGURE_KINDS,
    ORGANISATION_KINDS,
    ORGANISATION_WORDS,
    PLACES,
    PLATFORMS,
    QUALIFIERS,
    TAGS,
    TOPICS,
    stated,
)

GROWN_PREFIX = "grown-"
"""Every slug and key the grower writes starts with this, so grown rows can be told apart."""

BATCH_SIZE = 2000
"""Rows written per INSERT."""


class _Grower:
    """One run: the vocabulary's rows, then the cases in batches with everything they link."""

    def __init__(self, *, count, seed, draft_share, progress):
        self.count = count
        self.seed = seed
        self.draft_share = draft_share
        self.progress = progress or (lambda line: None)
        prefix = f"{GROWN_PREFIX}{seed}-"
        self.prefix = prefix
        self.start = Campaign.objects.filter(slug__startswith=prefix).count()
        self.random = random.Random(f"{seed}:{self.start}")
        self.counts = {}

    def added(self, name, number):
        self.counts[name] = self.counts.get(name, 0) + number

    def grow(self):
        platforms = self.platforms()
        tags = self.tags()
        organisations = self.organisations()
        sources = self.sources()
        now = timezone.now()
        done = 0
        while done < self.count:
            size = min(BATCH_SIZE, self.count - done)
            self.grow_batch(
                first=self.start + done,
                size=size,
                platforms=platforms,
                tags=tags,
                organisations=organisations,
                sources=sources,
                now=now,
            )
            done += size
            self.progress(f"{done:,} of {self.count:,} cases")
        return self.counts

    # ----------------------------------------------------------------------- the vocabulary

    def platforms(self):
        operator, _created = Organisation.objects.get_or_create(
            slug=f"{GROWN_PREFIX}platform-operator",
            defaults={"name": "Grown platform operator", "kind": OrganisationKind.COMPANY},
        )
        found = []
        for name, name_zh, slug, kind in PLATFORMS:
            platform, created = Platform.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_zh": name_zh,
                    "kind": kind,
                    "operator": operator,
                    "country": "CN",
                },
            )
            self.added("platforms", int(created))
            found.append(platform)
        return found

    def tags(self):
        found = []
        for name, name_zh in TAGS:
            tag = Tag.objects.filter(name=name).first()
            if tag is None:
                tag = Tag.objects.create(name=name, name_zh=name_zh)
                self.added("tags", 1)
            found.append(tag)
        return found

    def organisations(self):
        number = max(5, self.count // 10)
        rows = []
        for index in range(number):
            word, word_zh = self.random.choice(ORGANISATION_WORDS)
            place, place_zh, _division = self.random.choice(PLACES)
            kind_name, kind_zh, kind = self.random.choice(ORGANISATION_KINDS)
            rows.append(
                Organisation(
                    slug=f"{self.prefix}org-{self.start + index}",
                    name=f"{place} {word} {kind_name} {self.start + index}",
                    name_zh=f"{place_zh}{word_zh}{kind_zh}{self.start + index}",
                    kind=kind,
                    country="CN",
                )
            )
        for row in rows:
            row.fill_in()  # bulk_create does not call save()
        created = Organisation.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.added("organisations", len(created))
        return created

    def sources(self):
        number = max(5, self.count // 20)
        rows = []
        for index in range(number):
            year = self.random.randint(2006, 2025)
            rows.append(
                Source(
                    slug=f"{self.prefix}source-{self.start + index}",
                    title=f"Field report {self.start + index} on social media for social good",
                    title_zh=f"社交媒体公益实地报告第{self.start + index}号",
                    publisher=self.random.choice(["China Philanthropy Times", "Gongyi Weekly"]),
                    published_on=datetime.date(year, 1, 1),
                    published_precision=DatePrecision.YEAR,
                    kind=self.random.choice([SourceKind.REPORT, SourceKind.NEWS_ARTICLE]),
                    url=f"https://reports.example.org/{self.prefix}{self.start + index}",
                )
            )
        created = Source.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        self.added("sources", len(created))
        return created

    # ----------------------------------------------------------------------- the cases

    def grow_batch(self, *, first, size, platforms, tags, organisations, sources, now):
        pick = self.random
        campaigns, plans = [], []
        for number in range(first, first + size):
            topic, topic_zh, cause = pick.choice(TOPICS)
            approach, approach_zh, approach_code = pick.choice(APPROACHES)
            place, place_zh, division = pick.choice(PLACES)
            on = pick.sample(platforms, pick.choice([1, 1, 2]))
            by = pick.sample(organisations, pick.choice([1, 1, 2]))
            source = pick.choice(sources)
            start, precision = self.start_date()
            draft = pick.random() < self.draft_share
            names = " and ".join(platform.name for platform in on)
            campaigns.append(
                Campaign(
                    slug=f"{self.prefix}{number}",
                    title=f"{place} {topic} {approach} {number}",
                    title_zh=f"{place_zh}{topic_zh}{approach_zh}{number}",
                    summary=(f"{by[0].name} ran a {approach} on {names} for {topic} in {place}."),
                    description=(
                        f"In {start.year}, {by[0].name} turned to {names} to help with {topic} "
                        f"in {place}. Readers shared the posts, and local volunteers followed up "
                        f"in villages and towns; the {approach} became a model for others."
                    ),
                    start_date=start,
                    start_precision=precision,
                    location=f"{place}, China",
                    country="CN",
                    division_id=division,
                    cause=cause,
                    approach=approach_code,
                    status=Status.DRAFT if draft else Status.PUBLISHED,
                    featured=not draft and pick.random() < 0.001,
                    published_at=None if draft else now,
                    created_at=now,
                    updated_at=now,
                )
            )
            plans.append((on, by, source, pick.sample(tags, 2), (topic, topic_zh, start)))
        for campaign in campaigns:
            campaign.fill_reading_key()  # bulk_create does not call save()
        created = Campaign.objects.bulk_create(campaigns, batch_size=BATCH_SIZE)
        self.added("campaigns", len(created))

        platform_links, source_links, tag_links, parts, figures = [], [], [], [], []
        for campaign, (on, by, source, chosen_tags, about) in zip(created, plans, strict=True):
            platform_links += [
                Campaign.platforms.through(campaign_id=campaign.pk, platform_id=platform.pk)
                for platform in on
            ]
            source_links.append(
                Campaign.sources.through(campaign_id=campaign.pk, source_id=source.pk)
            )
            tag_links += [TaggedCampaign(content_object=campaign, tag=tag) for tag in chosen_tags]
            parts += [
                Participation(
                    campaign=campaign,
                    organisation=organisation,
                    role=Role.ORGANISER if order == 0 else Role.PARTNER,
                    order=order,
                )
                for order, organisation in enumerate(by)
            ]
            figures += self.figures(campaign, source, about, now)
        for model, rows, name in [
            (Campaign.platforms.through, platform_links, "platform links"),
            (Campaign.sources.through, source_links, "source links"),
            (TaggedCampaign, tag_links, "tag links"),
            (Participation, parts, "participations"),
            (Figure, figures, "figures"),
        ]:
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
            self.added(name, len(rows))

    def start_date(self):
        """A start date between 2005 and 2025, known to the day, month or year."""
        year = self.random.randint(2005, 2025)
        precision = self.random.choice(
            [DatePrecision.DAY, DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]
        )
        if precision == DatePrecision.YEAR:
            return datetime.date(year, 1, 1), precision
        month = self.random.randint(1, 12)
        day = self.random.randint(1, 28) if precision == DatePrecision.DAY else 1
        return datetime.date(year, month, day), precision

    def figures(self, campaign, source, about, now):
        """Two figures of different units for a grown case, citing its source."""
        topic, topic_zh, start = about
        rows = []
        for order, (label, label_zh, unit, (low, high)) in enumerate(
            self.random.sample(FIGURE_KINDS, 2)
        ):
            number = self.random.randint(low, high)
            if number >= 10_000 and self.random.random() < 0.5:  # sources like round numbers
                number = round(number, -3)
            value = Decimal(number)
            qualifier = self.random.choice(QUALIFIERS)
            as_of = start + datetime.timedelta(days=self.random.randint(0, 400))
            rows.append(
                Figure(
                    key=f"{campaign.slug}-{order + 1}",
                    campaign=campaign,
                    label=f"{label} for {topic}",
                    label_zh=f"{topic_zh}{label_zh}",
                    value=value,
                    unit=unit,
                    kind=units().kind_of(unit),
                    qualifier=qualifier,
                    stated_as=stated(qualifier, number, unit),
                    period=self.random.choice(["", "in the first week", "within a month"]),
                    as_of=as_of,
                    as_of_precision=DatePrecision.DAY,
                    source=source,
                    order=order,
                    updated_at=now,
                )
            )
        return rows
