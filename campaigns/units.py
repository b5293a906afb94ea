"""
The units as every page reads them: the table (``models/units.py``) read once per catalogue
version and kept in the process (``kept.py``), so naming a figure's unit, filling a menu of
units or checking a code costs no query of its own. A unit saved in the admin is a new catalogue
version (``derived.py``): the next request reads the table again.

An empty table is filled with the standard units after every ``migrate`` (as Django fills in
content types and permissions): a database emptied by ``flush`` has them again before a
catalogue file names one. A table with units is left as the curators made it.
"""

from dataclasses import dataclass, field

from django.apps import apps as global_apps

from .kept import KeptPerVersion
from .models import FigureKind, Unit


@dataclass(frozen=True)
class Units:
    """The units in their order, by code."""

    by_code: dict[str, Unit] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.by_code.values())

    def __contains__(self, code):
        return code in self.by_code

    def get(self, code):
        """The unit of this code, or None."""
        return self.by_code.get(code)

    @property
    def codes(self):
        """Every code, in the units' order."""
        return list(self.by_code)

    def kind_of(self, code):
        """The kind of figure a unit measures (a count for a code the table does not have)."""
        unit = self.by_code.get(code)
        return unit.kind if unit else FigureKind.COUNT

    def is_outcome(self, code):
        """Whether a unit is of money or goods, whose figures say what kind of outcome they
        are."""
        unit = self.by_code.get(code)
        return bool(unit and unit.is_outcome)

    def of_kind(self, kind):
        """The codes of the units of one kind, in order."""
        return [unit.code for unit in self if unit.kind == kind]

    def position(self, code):
        """Where a unit comes among the units (those the table lacks last)."""
        for index, known in enumerate(self.by_code):
            if known == code:
                return index
        return len(self.by_code)

    def code_for(self, word):
        """The code of the unit a reader's word names, in any case: its code, its English names
        or its Chinese name ("cny", "Visits", "visit", "访问", "次访问"), or None."""
        lowered = word.lower()
        for unit in self:
            names = (unit.code, unit.name, unit.name_singular, unit.name_zh, unit.name_zh_shown)
            if lowered in {name.lower() for name in names if name}:
                return unit.code
        return None


STANDARD_UNITS = [
    # code, name, name for one, Chinese name, measure word, kind, money or goods, Chinese heading
    ("CNY", "CNY", "", "元", "", "money", True, "金额（元）"),
    ("USD", "USD", "", "美元", "", "money", True, "金额（美元）"),
    ("percent", "percent", "", "百分比", "", "percentage", False, "百分比"),
    ("kg", "kg", "", "千克", "", "mass", True, "重量（千克）"),
    ("t", "tonnes", "tonne", "吨", "", "mass", True, "重量（吨）"),
    ("seconds", "seconds", "second", "秒", "", "duration", False, "时长（秒）"),
    ("hours", "hours", "hour", "小时", "", "duration", False, "时长（小时）"),
    ("days", "days", "day", "天", "", "duration", False, "天数"),
    ("people", "people", "person", "人", "", "count", False, "人数"),
    ("users", "users", "user", "用户", "名", "count", False, "用户数"),
    ("followers", "followers", "follower", "关注者", "名", "count", False, "关注者数"),
    ("fans", "fans", "fan", "粉丝", "名", "count", False, "粉丝数"),
    ("creators", "creators", "creator", "创作者", "名", "count", False, "创作者数"),
    ("videos", "videos", "video", "视频", "条", "count", False, "视频数"),
    ("posts", "posts", "post", "帖子", "条", "count", False, "帖子数"),
    ("plays", "plays", "play", "播放", "次", "count", False, "播放次数"),
    ("likes", "likes", "like", "点赞", "次", "count", False, "点赞数"),
    ("reposts", "reposts", "repost", "转发", "次", "count", False, "转发数"),
    ("children", "children", "child", "儿童", "名", "count", False, "儿童人数"),
    ("counties", "counties", "county", "县", "个", "count", False, "县数"),
    ("products", "products", "product", "商品", "件", "count", True, "商品数"),
    ("organisations", "organisations", "organisation", "机构", "", "count", False, "机构数"),
    ("websites", "websites", "website", "网站", "个", "count", False, "网站数"),
    ("campaigns", "campaigns", "campaign", "活动", "", "count", False, "活动数"),
    ("teams", "teams", "team", "队伍", "支", "count", False, "队伍数"),
    ("items", "items", "item", "", "个", "count", True, "物品数量"),
    ("visits", "visits", "visit", "访问", "次", "count", False, "访问次数"),
    ("chickens", "chickens", "chicken", "鸡", "只", "count", True, "鸡的数量"),
]
"""The units a new database starts with, in their order: the 27 units figures were counted in
before units were a table (named in Chinese as the translation named them), and those the
seed's figures were missing. (Migration 0049 keeps its own copy, as it made them.)"""


def fill_empty_table(apps=global_apps, using="default"):
    """Give an empty unit table the standard units; returns how many it added."""
    try:
        unit = apps.get_model("campaigns", "Unit")
    except LookupError:  # migrated back to before units were a table
        return 0
    rows = unit._base_manager.db_manager(using)
    if rows.exists():
        return 0
    made = rows.bulk_create(
        unit(
            code=code,
            name=name,
            name_singular=singular,
            name_zh=name_zh,
            measure_word=measure_word,
            kind=kind,
            is_outcome=is_outcome,
            order=order,
            heading_zh=heading_zh,
        )
        for order, (
            code,
            name,
            singular,
            name_zh,
            measure_word,
            kind,
            is_outcome,
            heading_zh,
        ) in enumerate(STANDARD_UNITS)
    )
    return len(made)


def fill_after_migrate(sender, apps=global_apps, using="default", **kwargs) -> None:
    """``post_migrate``: an empty unit table (a new or flushed database) has the standard
    units."""
    fill_empty_table(apps, using)


def read_units():
    """The units, read from their table now."""
    return Units({unit.code: unit for unit in Unit.objects.in_order()})


units = KeptPerVersion(read_units)
"""The units of the catalogue as it stands (as this request found it)."""
