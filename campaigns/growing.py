"""
Growing a catalogue for measuring: N realistic published cases (and some drafts) added in bulk.

Each grown case has English and Chinese titles built from a vocabulary of causes, topics, places
and approaches, a summary and description that name its platforms and organisers, a start date
between 2005 and 2025 (known to the day, month or year), one or two platforms, a source, two
tags, one or two participants and two figures of different units and kinds citing that source.
The same seed grows the same cases; a second run continues the numbering.

``grow_catalogue`` (the command) calls ``grow_catalogue()`` here. It refuses a database holding
real edits (campaigns neither seeded nor grown, or changes made in the admin) unless told
``allow_real_edits``, because grown cases cannot be told apart from real ones on the site.
"""

import datetime
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db import connection
from django.utils import timezone

from . import derived
from .loading import FIXTURE_FILES
from .models import (
    Approach,
    Campaign,
    Cause,
    DatePrecision,
    Figure,
    Organisation,
    OrganisationKind,
    Participation,
    Platform,
    PlatformKind,
    Qualifier,
    Role,
    Source,
    SourceKind,
    Status,
    Tag,
    TaggedCampaign,
    Unit,
    kind_of_unit,
)

GROWN_PREFIX = "grown-"
"""Every slug and key the grower writes starts with this, so grown rows can be told apart."""

BATCH_SIZE = 2000
"""Rows written per INSERT."""

TOPICS = [
    ("glacier", "冰川", Cause.CLIMATE_ENVIRONMENT),
    ("river clean-up", "河流清理", Cause.CLIMATE_ENVIRONMENT),
    ("recycling", "垃圾回收", Cause.CLIMATE_ENVIRONMENT),
    ("tree planting", "植树", Cause.CLIMATE_ENVIRONMENT),
    ("earthquake", "地震", Cause.DISASTER_RELIEF),
    ("flood", "洪水", Cause.DISASTER_RELIEF),
    ("typhoon", "台风", Cause.DISASTER_RELIEF),
    ("drought", "干旱", Cause.DISASTER_RELIEF),
    ("apple harvest", "苹果丰收", Cause.RURAL_LIVELIHOODS),
    ("navel orange", "脐橙", Cause.RURAL_LIVELIHOODS),
    ("tea garden", "茶园", Cause.RURAL_LIVELIHOODS),
    ("mountain honey", "山区蜂蜜", Cause.RURAL_LIVELIHOODS),
    ("vaccination", "疫苗接种", Cause.PUBLIC_HEALTH),
    ("tuberculosis", "结核病", Cause.PUBLIC_HEALTH),
    ("smoke-free homes", "无烟家庭", Cause.PUBLIC_HEALTH),
    ("epidemic prevention", "防疫", Cause.PUBLIC_HEALTH),
    ("missing children", "走失儿童", Cause.CHILD_PROTECTION),
    ("free lunch", "免费午餐", Cause.CHILD_PROTECTION),
    ("rural library", "乡村图书馆", Cause.EDUCATION),
    ("literacy", "扫盲", Cause.EDUCATION),
    ("village school", "乡村学校", Cause.EDUCATION),
    ("blood donation", "献血", Cause.CIVIC_ENGAGEMENT),
    ("community volunteering", "社区志愿服务", Cause.CIVIC_ENGAGEMENT),
    ("elder care", "养老", Cause.SOCIAL_CONNECTION),
    ("lonely elders", "空巢老人", Cause.SOCIAL_CONNECTION),
    ("charity day", "公益日", Cause.PHILANTHROPY_SECTOR),
    ("public service hotline", "公共服务热线", Cause.PUBLIC_SERVICES),
]
"""(English, Chinese, cause) of what a grown case is about."""

APPROACHES = [
    ("live-stream sales", "直播带货", Approach.LIVE_COMMERCE),
    ("fundraising drive", "募捐", Approach.FUNDRAISING),
    ("awareness campaign", "宣传活动", Approach.AWARENESS),
    ("short-video series", "短视频系列", Approach.AWARENESS),
    ("photo relay", "随手拍接力", Approach.CROWDSOURCED_INFORMATION),
    ("volunteer network", "志愿者网络", Approach.VOLUNTEER_COORDINATION),
    ("alert service", "预警服务", Approach.INFORMATION_SHARING),
    ("petition", "联名倡议", Approach.ADVOCACY),
]
"""(English, Chinese, approach) of how a grown case used social media."""

PLACES = [
    ("Sichuan", "四川"),
    ("Yunnan", "云南"),
    ("Gansu", "甘肃"),
    ("Shandong", "山东"),
    ("Guangxi", "广西"),
    ("Hubei", "湖北"),
    ("Guizhou", "贵州"),
    ("Shaanxi", "陕西"),
    ("Hunan", "湖南"),
    ("Qinghai", "青海"),
    ("Xinjiang", "新疆"),
    ("Hebei", "河北"),
    ("Ya'an", "雅安"),
    ("Beijing", "北京"),
    ("Shanghai", "上海"),
]

TAGS = [
    ("agriculture", "农业"),
    ("children", "儿童"),
    ("climate", "气候"),
    ("crowdfunding", "众筹"),
    ("e-commerce", "电子商务"),
    ("earthquake", "地震"),
    ("education", "教育"),
    ("elderly", "老人"),
    ("environment", "环境"),
    ("health", "健康"),
    ("live streaming", "直播"),
    ("microblog", "微博"),
    ("poverty alleviation", "扶贫"),
    ("public health", "公共卫生"),
    ("rural", "乡村"),
    ("short video", "短视频"),
    ("volunteers", "志愿者"),
    ("water", "水"),
    ("women", "女性"),
    ("youth", "青年"),
]

PLATFORMS = [
    ("Sina Weibo", "新浪微博", "sina-weibo", PlatformKind.MICROBLOG),
    ("WeChat", "微信", "wechat", PlatformKind.MESSAGING),
    ("Kwai", "快手", "kwai", PlatformKind.SHORT_VIDEO),
    ("Douyin", "抖音", "douyin", PlatformKind.SHORT_VIDEO),
    ("Xigua Video", "西瓜视频", "xigua-video", PlatformKind.SHORT_VIDEO),
    ("Toutiao", "今日头条", "toutiao", PlatformKind.NEWS_FEED),
    ("Bilibili", "哔哩哔哩", "bilibili", PlatformKind.SHORT_VIDEO),
    ("Xiaohongshu", "小红书", "xiaohongshu", PlatformKind.SOCIAL_NETWORK),
    ("Taobao Live", "淘宝直播", "taobao-live", PlatformKind.LIVE_STREAMING),
    ("Facebook", "", "facebook", PlatformKind.SOCIAL_NETWORK),
]
"""The platforms grown cases run on: found by slug (the seed has most), created if missing."""

ORGANISATION_WORDS = [
    ("Green", "绿色"),
    ("Hope", "希望"),
    ("Sunshine", "阳光"),
    ("Harvest", "丰收"),
    ("Mountain", "山区"),
    ("River", "江河"),
    ("Bright", "光明"),
    ("Unity", "同心"),
]
ORGANISATION_KINDS = [
    ("Foundation", "基金会", OrganisationKind.NONPROFIT),
    ("County Government", "县政府", OrganisationKind.GOVERNMENT),
    ("Cooperative", "合作社", OrganisationKind.COMMUNITY),
    ("Media Group", "传媒集团", OrganisationKind.MEDIA),
    ("Technology Company", "科技公司", OrganisationKind.COMPANY),
    ("University", "大学", OrganisationKind.ACADEMIC),
]

FIGURE_KINDS = [
    ("Donations raised", "募集善款", Unit.CNY, (10_000, 200_000_000)),
    ("Donations raised", "募集善款", Unit.USD, (1_000, 20_000_000)),
    ("Video plays", "视频播放量", Unit.PLAYS, (10_000, 3_000_000_000)),
    ("Videos published", "发布视频", Unit.VIDEOS, (10, 50_000)),
    ("People reached", "覆盖人数", Unit.PEOPLE, (100, 50_000_000)),
    ("Followers gained", "新增粉丝", Unit.FOLLOWERS, (100, 5_000_000)),
    ("Produce sold", "售出农产品", Unit.KG, (100, 5_000_000)),
    ("Produce sold", "售出农产品", Unit.TONNES, (1, 50_000)),
    ("Reposts", "转发量", Unit.REPOSTS, (100, 10_000_000)),
    ("Awareness", "知晓率", Unit.PERCENT, (1, 99)),
    ("Time to first response", "首次响应时间", Unit.HOURS, (1, 72)),
]
"""(label, Chinese label, unit, value range) of grown figures."""

QUALIFIERS = [Qualifier.EXACTLY] * 4 + [Qualifier.OVER, Qualifier.ABOUT, Qualifier.NEARLY]


def stated(qualifier, number, unit):
    """How a source might write a grown figure: "over 8,094,000 reposts", "83%"."""
    amount = f"{number}%" if unit == Unit.PERCENT else f"{number:,} {Unit(unit).label}"
    return amount if qualifier == Qualifier.EXACTLY else f"{qualifier} {amount}"


class GrowthRefused(Exception):
    """The database holds real edits and growing was not asked for anyway."""


@dataclass
class GrowthReport:
    """What a run added, and how long it took."""

    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line per model: how many rows were added."""
        lines = [f"Grew the catalogue in {self.seconds:.1f} s:"]
        lines += [f"  {name}: {count:,}" for name, count in self.counts.items()]
        return "\n".join(lines)


def seeded_slugs() -> set[str]:
    """The slugs of the campaigns in the seed catalogue's files."""
    import json

    slugs = set()
    for folder in settings.FIXTURE_DIRS:
        path = Path(folder) / FIXTURE_FILES[3]
        if path.is_file():
            records = json.loads(path.read_text(encoding="utf-8"))
            slugs |= {
                record["fields"]["slug"]
                for record in records
                if record.get("model") == "campaigns.campaign"
            }
    return slugs


def real_edits() -> list[str]:
    """What in this database looks like real curators' work, described; empty when none."""
    found = []
    others = Campaign.objects.exclude(slug__startswith=GROWN_PREFIX).exclude(
        slug__in=seeded_slugs()
    )
    if others.exists():
        found.append(f"{others.count():,} campaigns that are neither seeded nor grown")
    if LogEntry.objects.exists():
        found.append(f"{LogEntry.objects.count():,} changes made in the admin")
    return found


def grow_catalogue(
    *,
    count: int,
    seed: int = 0,
    draft_share: float = 0.05,
    allow_real_edits: bool = False,
    progress: Callable[[str], None] | None = None,
) -> GrowthReport:
    """Add ``count`` grown cases (about ``draft_share`` of them drafts) in one transaction.

    Raises ``GrowthRefused`` if the database holds real edits, unless ``allow_real_edits``.
    """
    if count < 1:
        raise ValueError("Grow by at least one case.")
    if not allow_real_edits:
        edits = real_edits()
        if edits:
            raise GrowthRefused(
                "This database holds "
                + " and ".join(edits)
                + ": grown cases would sit among them, published, looking real. "
                "Grow a copy instead, or say --yes if that is what you want."
            )
    started = time.monotonic()
    with derived.unit():
        grower = _Grower(count=count, seed=seed, draft_share=draft_share, progress=progress)
        counts = grower.grow()
        derived.everything_changed()  # written in bulk, without save(): all is worked out again
    if not connection.in_atomic_block:
        with connection.cursor() as cursor:
            # The planner's row estimates are wrong until the tables are analysed again, and a
            # query planned for 100 campaigns that meets 100,000 takes seconds instead of
            # milliseconds; vacuuming also lets counts read indexes alone. Autovacuum would
            # get there, but only some minutes later.
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return GrowthReport(counts=counts, seconds=time.monotonic() - started)


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
            place, place_zh = self.random.choice(PLACES)
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
            place, place_zh = pick.choice(PLACES)
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
                    kind=kind_of_unit(unit),
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
