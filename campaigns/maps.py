"""
Maps of where cases took place, drawn on the server as inline SVG: the world by country (ISO
3166-1 alpha-2, as django-countries writes them) and China by province-level division (GB/T
2260 codes: 510000 is Sichuan), each region shaded by how many cases it holds and, when it holds
any, a link to the list of them. No tiles, no map service, no JavaScript.

    world_map(counts, link)     # counts: {"CN": 76, "US": 7} or [["CN", 76], …]
    china_map(counts, link)     # counts: {"510000": 3}; link: code → URL

Each returns a ``RegionMap`` that ``templates/includes/region_map.html`` draws: the SVG (a
<title> and <desc>; each region with cases an <a> whose <title> names it and its count in the
page's language), a legend, and a table of the same regions and counts for people who cannot
see the drawing. Names are in the page's language: countries from django-countries, provinces
from the geometry file.

The geometry (``campaigns/geometry/``, made by ``scripts/build_maps.py``: origin, licences and
simplification in the README) is read once per process. Regions without cases are drawn as one
path, so a drawing weighs what its regions with cases do plus the land once. A drawing is cheap
(about a millisecond) and the page holding it is cached per catalogue version (``caching.py``),
so it is not cached apart.
"""

import functools
import json
import re
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext, override
from django.utils.translation import gettext as _
from django_countries import countries

from .display import grouped_number, is_chinese

GEOMETRY = Path(__file__).resolve().parent / "geometry"

SHADES = 5
"""How many shades the regions with cases take, lightest for the fewest cases."""


PATH_DATA = re.compile(r"[Mlz0-9 -]*")
"""What the shipped path data is made of: moves, lines, closes and whole numbers."""


@functools.cache
def geometry(name):
    """A map's shipped geometry (``world`` or ``china``), read once per process, its path data
    checked and marked safe: written into every page as it is, it needs no escaping."""
    shape = json.loads((GEOMETRY / f"{name}.json").read_text(encoding="utf-8"))
    for outline in [shape, *shape["regions"].values()]:
        key = "land" if outline is shape else "d"
        if not PATH_DATA.fullmatch(outline[key]):
            raise ValueError(f"{name}.json holds path data that is not moves and lines.")
        outline[key] = mark_safe(outline[key])
    return shape


@functools.cache
def country_names(language):
    """Every country's name in ``language`` by code (django-countries), worked out once."""
    with override(language):
        return {code: str(name) for code, name in countries}


@dataclass(frozen=True)
class Region:
    """One region with cases: its code, its name in the page's language, how many cases it
    holds, the list of them, its outline (``d``, empty for a region the geometry does not
    draw), a ``dot`` where it is when it is too small to see, and its shade (1 to ``SHADES``)."""

    code: str
    name: str
    count: int
    url: str
    d: str
    dot: tuple | None
    shade: int

    @property
    def label(self):
        """What the region's link says: its name and how many cases it holds."""
        return ngettext("%(region)s: %(count)s case", "%(region)s: %(count)s cases", self.count) % {
            "region": self.name,
            "count": grouped_number(self.count),
        }

    @property
    def count_text(self):
        """How many cases it holds, as the table writes it ("1,234")."""
        return grouped_number(self.count)


@dataclass(frozen=True)
class Shade:
    """One step of the legend: the shade and the counts it stands for ("10–99")."""

    shade: int
    text: str


@dataclass(frozen=True)
class RegionMap:
    """What the map template draws."""

    map_id: str
    title: str
    description: str
    region_heading: str
    width: int
    height: int
    land: str
    regions: list  # [Region], most cases first
    unmapped: list  # [Region] with cases that the geometry has no outline for
    legend: list  # [Shade]

    @property
    def drawn(self):
        """The regions with cases in drawing order: fewest cases first, so that the darker
        regions' borders are drawn over their neighbours'."""
        return self.regions[::-1]

    @property
    def listed(self):
        """Every region with cases, as the table lists them: most cases first."""
        return sorted([*self.regions, *self.unmapped], key=lambda region: -region.count)

    def links_html(self):
        """The drawing's links, one per region with cases, as SVG. Written here rather than in
        the template: with every country counted the template's loop took some 100 ms, this
        takes a few."""
        return format_html_join(
            "\n",
            '<a href="{}" class="map-region shade-{}" data-region="{}"><title>{}</title>{}{}</a>',
            (
                (
                    region.url,
                    region.shade,
                    region.code,
                    region.label,
                    format_html('<path d="{}"/>', region.d) if region.d else "",
                    format_html('<circle cx="{}" cy="{}" r="4"/>', *region.dot)
                    if region.dot
                    else "",
                )
                for region in self.drawn
            ),
        )

    def rows_html(self):
        """The table's rows, one per region with cases, most cases first."""
        return format_html_join(
            "\n",
            '<tr data-region="{}"><th scope="row"><a href="{}">{}</a>{}</th>'
            '<td class="num">{}</td></tr>',
            (
                (
                    region.code,
                    region.url,
                    region.name,
                    format_html(' <span class="muted">{}</span>', _("(not drawn on the map)"))
                    if not (region.d or region.dot)
                    else "",
                    region.count_text,
                )
                for region in self.listed
            ),
        )


def shade_of(count):
    """The shade of a count: 1 for one case, 2 for 2–9, 3 for 10–99, 4 for 100–999, 5 for
    more. Steps of ten keep a map readable at a few cases and at 100,000 alike."""
    return 1 if count == 1 else min(len(str(count)) + 1, SHADES)


def shade_text(shade):
    """The counts a shade stands for, as the legend writes them."""
    if shade == 1:
        return "1"
    low = 2 if shade == 2 else 10 ** (shade - 2)
    if shade == SHADES:
        return _("%(number)s or more") % {"number": grouped_number(low)}
    return f"{grouped_number(low)}–{grouped_number(10 ** (shade - 1) - 1)}"


def drawing(name, counts, link, *, names, map_id, title, region_heading, language=None):
    """A ``RegionMap`` of the geometry ``name`` for ``counts`` (a mapping or pairs of region
    code and count; codes of no region and counts of 0 are left out), with each region's link
    from ``link(code)`` and its name from ``names(code, region)``, in ``language`` (by default
    the page's)."""
    shape = geometry(name)
    with override(language) if language else nullcontext():
        regions, unmapped = [], []
        for code, count in dict(counts).items():
            if not count or not code:
                continue
            outline = shape["regions"].get(code)
            if outline is None and name == "china":
                continue  # not a province-level division's code
            region = Region(
                code=code,
                name=names(code, outline),
                count=count,
                url=link(code),
                d=outline["d"] if outline else "",
                dot=tuple(outline["dot"]) if outline and "dot" in outline else None,
                shade=shade_of(count),
            )
            (regions if outline else unmapped).append(region)
        regions.sort(key=lambda region: (-region.count, region.name))
        with_cases = {region.code for region in regions}
        land = [shape["land"]] + [
            outline["d"] for code, outline in shape["regions"].items() if code not in with_cases
        ]
        top = max((region.shade for region in [*regions, *unmapped]), default=0)
        return RegionMap(
            map_id=map_id,
            title=title,
            description=describe(title, [*regions, *unmapped]),
            region_heading=region_heading,
            width=shape["width"],
            height=shape["height"],
            land=mark_safe("".join(land)),
            regions=regions,
            unmapped=unmapped,
            legend=[Shade(shade, shade_text(shade)) for shade in range(1, top + 1)],
        )


def describe(title, regions):
    """What the map shows, in a sentence, for people who cannot see it."""
    if not regions:
        return _("%(title)s: no region has a case yet.") % {"title": title}
    most = max(regions, key=lambda region: region.count)
    return ngettext(
        "%(title)s: %(count)d region has cases; the most are in %(region)s (%(most)s). "
        "The table under the map lists them all.",
        "%(title)s: %(count)d regions have cases; the most are in %(region)s (%(most)s). "
        "The table under the map lists them all.",
        len(regions),
    ) % {
        "title": title,
        "count": len(regions),
        "region": most.name,
        "most": most.count_text,
    }


def country_name(code, _outline):
    """A country's name in the page's language (django-countries)."""
    return country_names(get_language()).get(code, code)


def province_name(code, outline):
    """A province-level division's name in the page's language (the geometry's)."""
    return outline["name_zh"] if is_chinese() else outline["name"]


def world_map(counts, link, *, language=None, map_id="world-map", title=None):
    """The world by country: ``counts`` by ISO 3166-1 alpha-2 code, ``link(code)`` the list of
    a country's cases."""
    return drawing(
        "world",
        counts,
        link,
        names=country_name,
        map_id=map_id,
        title=title or _("Cases by country"),
        region_heading=_("Country"),
        language=language,
    )


def china_map(counts, link, *, language=None, map_id="china-map", title=None):
    """China by province-level division: ``counts`` by GB/T 2260 code (510000, …),
    ``link(code)`` the list of a province's cases. Codes of no province-level division are
    left out."""
    return drawing(
        "china",
        counts,
        link,
        names=province_name,
        map_id=map_id,
        title=title or _("Cases in China by province"),
        region_heading=_("Province"),
        language=language,
    )
