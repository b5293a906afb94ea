"""
How the catalogue is written for people: the page's language, names in English and Chinese,
numbers and figures, and links to the same page in the other language or another page of a list.

Pages, downloads, charts and the admin all write names and numbers through this module; the
template tags in ``templatetags/`` are one-line wrappers over it.

Figures: 110000000 CNY "over" becomes "over 110 million CNY" in English and "超过1.1亿元" in
Chinese, 35575 kg stays "35,575 kg", 5.36 percent is "5.36%". Round numbers are shortened
(110 million, 1.5 billion; in Chinese 1.1亿, 5200万); a number that is not round is written out
in full, so a shortened figure never claims more precision than the source gave — nor less.
"""

from decimal import Decimal

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import numberformat
from django.utils.html import conditional_escape, format_html, linebreaks
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import (
    get_language,
    get_language_info,
    gettext_lazy,
    ngettext,
    override,
    pgettext,
)
from django.utils.translation import gettext as _

from .models import PERCENT, CaveatKind, FigureKind, Qualifier, dates
from .units import units

SITE_NAME = gettext_lazy("Social Media for Social Good")
"""The catalogue's name: the publisher in citations, the site name in link previews."""


# --------------------------------------------------------------------------- language


def is_chinese():
    """Whether the page (or whatever is being written) is in Chinese."""
    return (get_language() or "").startswith("zh")


def in_page_language(obj, field):
    """A text field in the page's language: (text, whether it is English standing in for
    Chinese). A Chinese page shows ``<field>_zh`` when it is filled, else the English, marked."""
    english = getattr(obj, field, "") or ""
    if not is_chinese():
        return english, False
    chinese = getattr(obj, f"{field}_zh", "") or ""
    if chinese:
        return chinese, False
    return english, bool(english)


ENGLISH_ONLY = gettext_lazy("English only")
"""The marker after English text on a Chinese page, where the record has no Chinese yet."""


def localized_html(obj, field):
    """A short text in the page's language, as HTML: English standing in for Chinese is
    marked with its language and an "English only" note."""
    text, english_only = in_page_language(obj, field)
    if not english_only:
        return conditional_escape(text)
    return format_html(
        '<span lang="en">{}</span> <span class="english-only">{}</span>', text, ENGLISH_ONLY
    )


def localized_place(campaign):
    """Where a case took place, in the page's language (marked as ``localized_html`` does),
    without the country its country field names already ("Madrid, Spain" in Spain is shown as
    "Madrid", to be followed by the country)."""
    text, english_only = in_page_language(campaign, "location")
    country = str(campaign.country.name) if campaign.country else ""
    if country:
        with override("en"):
            english_country = str(campaign.country.name)
        for name in {country, english_country}:
            for separator in (", ", "，", ","):
                if text.endswith(separator + name):
                    text = text[: -len(separator + name)].rstrip()
        if text in (country, english_country):
            text = ""
    if not text:
        return ""
    if not english_only:
        return conditional_escape(text)
    return format_html(
        '<span lang="en">{}</span> <span class="english-only">{}</span>', text, ENGLISH_ONLY
    )


def division_name(division, chinese):
    """A division of China and those it lies in, as each language writes a place: the most
    precise first in English ("Lushan County, Ya'an, Sichuan"), the province first and without
    separators in Chinese ("四川省雅安市芦山县"). Reads the rows ``with_ancestors()`` joined."""
    lineage = division.lineage
    if chinese:
        return "".join(part.name_zh for part in reversed(lineage))
    return ", ".join(part.name for part in lineage)


def localized_division(division):
    """A case's division in the page's language, as HTML: its names as ``division_name``
    writes them, the province a link to the list of the cases placed in it, and the code."""
    chinese = is_chinese()
    *within, province = division.lineage
    link = format_html(
        '<a href="{}?province={}">{}</a>',
        reverse("campaigns:campaign_list"),
        province.code,
        province.name_zh if chinese else province.name,
    )
    if chinese:
        names = format_html("{}{}", link, "".join(part.name_zh for part in reversed(within)))
    else:
        names = format_html("{}{}", "".join(f"{part.name}, " for part in within), link)
    return format_html('{} <span class="muted">(GB/T 2260 {})</span>', names, division.code)


def localized_paragraphs(obj, field):
    """A long text in the page's language, in paragraphs, marked as ``localized_html`` does."""
    text, english_only = in_page_language(obj, field)
    paragraphs = mark_safe(linebreaks(text, autoescape=True))  # escaped, then wrapped in <p>
    if not english_only:
        return paragraphs
    return format_html(
        '<div lang="en">{}</div><p class="english-only">{}</p>', paragraphs, ENGLISH_ONLY
    )


class CountedLabel(str):
    """A filter option's label with its count ("Disaster relief · 4"); ``name`` is the label
    alone, for the chip that shows the filter in use."""

    name = ""


def uncounted(label):
    """A filter option without a count, where the count at hand would not be the list's."""
    plain = CountedLabel(label)
    plain.name = str(label)
    return plain


def with_count(label, count):
    """A filter option with how many published cases it holds: "Disaster relief · 4"."""
    counted = CountedLabel(f"{label} · {count:,}")
    counted.name = str(label)
    return counted


NAME_FIELDS = [("name", "name_zh"), ("title", "title_zh"), ("label", "label_zh")]
"""The (English, Chinese) field pairs entities are named by."""


def name_pair(entity):
    """An entity's English and Chinese names (the Chinese one may be empty)."""
    for english, chinese in NAME_FIELDS:
        if hasattr(entity, chinese):
            return getattr(entity, english), getattr(entity, chinese)
    return str(entity), ""


def primary_name(entity):
    """The one name to use in titles and attributes: Chinese on Chinese pages when known."""
    english, chinese = name_pair(entity)
    return chinese if chinese and is_chinese() else english


def names_in_page_order(entity):
    """An entity's names with their languages, the page's language first:
    [("新浪微博", "zh-Hans"), ("Sina Weibo", "en")]; one pair when it has no Chinese name."""
    english, chinese = name_pair(entity)
    names = [(english, "en"), (chinese, "zh-Hans")] if chinese else [(english, "en")]
    return names[::-1] if is_chinese() else names


def both_names(entity):
    """Both names as plain text, the page's language first: "Sina Weibo (新浪微博)"."""
    names = [name for name, _language in names_in_page_order(entity)]
    return f"{names[0]} ({names[1]})" if len(names) == 2 else names[0]


def both_names_html(entity):
    """Both names, each marked with its language, the page's first (for HTML pages)."""
    names = names_in_page_order(entity)
    if len(names) == 1:
        return names[0][0]
    (first, first_language), (second, second_language) = names
    ours = ""
    if getattr(entity, "name_zh_ours", False):  # a Chinese name the sources do not give
        ours = format_html(' <span class="ours">{}</span>', _("(our translation)"))
    if first_language != "en":  # a Chinese name leads on Chinese pages, marked as Chinese
        first = format_html('<span lang="{}">{}</span>{}', first_language, first, ours)
        return format_html(
            '{} <span class="alt-name" lang="{}">{}</span>', first, second_language, second
        )
    if ours:
        return format_html(
            '{} <span class="alt-name"><span lang="{}">{}</span>{}</span>',
            first,
            second_language,
            second,
            ours,
        )
    return format_html(
        '{} <span class="alt-name" lang="{}">{}</span>', first, second_language, second
    )


def figure_subject_label(figure):
    """A figure's label with what it is about: "Donations raised — Ya'an earthquake".

    Both names are Chinese on Chinese pages when known: "募集善款 — 雅安地震微博募捐".
    """
    label = primary_name(figure)
    return f"{label} — {primary_name(figure.subject)}" if figure.subject else label


def figure_when(figure):
    """When a figure was true, as precisely as known: its as-of date, else its case's start."""
    if figure.as_of:
        return figure.as_of_display
    if figure.campaign_id and figure.campaign.start_date:
        return figure.campaign.start_display
    return ""


def figure_age(figure):
    """How long ago a figure was true, from its as-of date: "13 years ago", "距今13年"; "" without
    one. Counted in calendar years (``models/dates.py``), so "less than a year ago" is this year.
    """
    if not figure.as_of:
        return ""
    years = dates.years_ago(figure.as_of)
    if not years:
        return _("less than a year ago")
    return ngettext("%(years)d year ago", "%(years)d years ago", years) % {"years": years}


def distinction(figure):
    """What sets a figure of a before/after pair apart, in the page's language: "活动前"."""
    chinese = getattr(figure, "distinction_zh", "")
    if chinese and is_chinese():
        return chinese
    return getattr(figure, "distinction", "")


# --------------------------------------------------------------------------- numbers


def decimal_text(value):
    """A decimal as plain digits for files, without trailing zeros: 110000000.0000 → "110000000".

    No thousands separators and no exponent, whatever the language: downloads and fixtures
    are read by programs.
    """
    if value is None:
        return ""
    return format(value.normalize(), "f")


def json_number(value):
    """A decimal as a JSON number: an int when whole, else a float (5.36)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def without_trailing_zeros(value: Decimal) -> Decimal:
    """A stored figure as a person writes it: 110000000.0000 → 110000000, 5.3600 → 5.36."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))  # normalize() would write 1.1E+8
    return value.normalize()


def grouped_number(value, grouped=True):
    """A number for people, with thousands separators and no trailing zeros: 35,575 and 5.36.

    Digits are grouped in threes in both languages: Django's Chinese locale sets no
    thousands separator, but figures read "424,262美元" on Chinese pages too. A count of
    万 is not grouped: "5200万".
    """
    value = Decimal(value)
    if value == value.to_integral_value():
        value, decimals = int(value), 0
    else:
        decimals = len(decimal_text(value).split(".")[1])
    return numberformat.format(
        value,
        decimal_sep=".",
        decimal_pos=decimals,
        grouping=3,
        thousand_sep=",",
        force_grouping=grouped,
    )


ENGLISH_SCALES = [
    (Decimal(10) ** 9, lambda number: _("%(number)s billion") % {"number": number}),
    (Decimal(10) ** 6, lambda number: _("%(number)s million") % {"number": number}),
]
"""Shortened forms for round numbers, largest first."""

CHINESE_SCALES = [
    (Decimal(10) ** 8, lambda number: f"{number}亿"),
    (Decimal(10) ** 4, lambda number: f"{number}万"),
]
"""Chinese counts in 万 (ten thousand) and 亿 (hundred million), not in millions."""

MAX_SHORT_DECIMALS = 2
"""A number is shortened only when its short form needs at most this many decimals."""


def shortening():
    """How round numbers are shortened in the page's language: its scales, largest first, and
    whether a shortened count is grouped in threes ("1,500 billion", but "5200万")."""
    chinese = is_chinese()
    return (CHINESE_SCALES if chinese else ENGLISH_SCALES), not chinese


def humane_number(value):
    """110000000 → "110 million" (English) or "1.1亿" (Chinese); 35575 → "35,575"."""
    if value is None or value == "":
        return ""
    value = Decimal(value)
    scales, grouped = shortening()
    for scale, write in scales:
        if value >= scale:
            short = value / scale
            rounded = round(short, MAX_SHORT_DECIMALS)
            if short == rounded:
                return write(grouped_number(rounded, grouped=grouped))
            break
    return grouped_number(value)


def unit_label(code):
    """A unit as a heading or a list names it, in the page's language ("tonnes" for "t", 吨;
    访问 for visits, without its measure word); an unknown code as it is."""
    unit = units().get(code)
    if unit is None:
        return code
    if is_chinese():
        return unit.name_zh or unit.name_zh_shown
    return unit.name


def unit_heading(code):
    """A unit as the heading over a column or row of figures in it, in the page's language:
    "users", and in Chinese a noun of its own (用户数, 金额（元）: the unit's ``heading_zh``, else
    its name without the measure word), since a measure word is no heading; an unknown code
    as it is."""
    unit = units().get(code)
    if unit is None:
        return code
    if is_chinese():
        return unit.heading_zh or unit.name_zh or unit.name_zh_shown
    return unit.name


def unit_names(unit):
    """A unit's names in both languages, the page's first: "visits (次访问)", "次访问（visits）"
    (the Chinese with its measure word, as a number is followed by it)."""
    if is_chinese():
        return unit.name_zh_shown + in_parentheses(unit.name)
    return unit.name + in_parentheses(unit.name_zh_shown)


def unit_words(code, value=None):
    """What follows a number of a unit, in the page's language: "visits" ("visit" for one),
    and in Chinese the measure word and the name (次访问, 只鸡, 元); an unknown code as it is."""
    unit = units().get(code)
    if unit is None:
        return code
    if is_chinese():
        return unit.name_zh_shown
    return unit.name_for(value)


def unit_text(number, code, value=None):
    """A number (as written) with its unit: "5.36%", "110 million CNY", "2.5 million visits",
    "1 video"; in Chinese "1.1亿元", "250万次访问", "10只鸡". ``value``: the number's value,
    for "1 video"."""
    if code == PERCENT:
        return _("%(number)s%%") % {"number": number}
    return pgettext("number and unit", "%(number)s %(unit)s") % {
        "number": number,
        "unit": unit_words(code, value),
    }


QUALIFIER_PATTERNS = {
    Qualifier.OVER: lambda text: _("over %(figure)s") % {"figure": text},
    Qualifier.AT_LEAST: lambda text: _("at least %(figure)s") % {"figure": text},
    Qualifier.ABOUT: lambda text: _("about %(figure)s") % {"figure": text},
    Qualifier.NEARLY: lambda text: _("nearly %(figure)s") % {"figure": text},
    Qualifier.UP_TO: lambda text: _("up to %(figure)s") % {"figure": text},
    # Strictly below: "under 30 seconds", 不到30秒 (never "up to", which includes the figure).
    Qualifier.UNDER: lambda text: _("under %(figure)s") % {"figure": text},
}
"""How each qualifier reads in front of a figure; "exactly" reads as the bare figure."""


def qualified(figure, text):
    """``text`` (a number and unit) with the figure's qualifier: "up to 52 million plays"; of
    a length of time, "up to 72 hours" reads "72小时内" (within 72 hours) in Chinese."""
    if (
        figure.qualifier == Qualifier.UP_TO
        and units().kind_of(figure.unit_id) == FigureKind.DURATION
    ):
        return pgettext("up to, of a length of time", "up to %(figure)s") % {"figure": text}
    pattern = QUALIFIER_PATTERNS.get(figure.qualifier)
    return pattern(text) if pattern else text


def figure_text(figure, with_qualifier=True):
    """A figure as a person would say it: "over 110 million CNY", "52 million plays"."""
    text = unit_text(humane_number(figure.value), figure.unit_id, figure.value)
    return qualified(figure, text) if with_qualifier else text


def figure_number(figure):
    """Just the number and unit, without the qualifier: "110 million CNY"."""
    return figure_text(figure, with_qualifier=False)


def in_parentheses(text):
    """Text in parentheses after what it qualifies, as the page's language writes them: " (…)"
    in English, "（…）" with no space in Chinese."""
    return f"（{text}）" if is_chinese() else f" ({text})"


def figure_statement(figure):
    """A figure with its conversions, when they were fetched (``with_conversions()``):
    "over 110 million CNY (over 18 million USD)", "超过1.1亿元（超过1800万美元）"."""
    text = figure_text(figure)
    for conversion in getattr(figure, "conversion_list", ()):
        text += in_parentheses(figure_text(conversion))
    return text


CAVEAT_MARK = "*"
"""What marks a figure with a caveat where the caveat itself has no room (a chart's bar)."""


def marked_number(figure):
    """The figure as its source qualifies it, marked when it carries a caveat: "over 20
    billion plays", "up to 52 million plays", "thousands of users*". A chart's bar, its table
    and its description say what the source says, never more exactly."""
    text = figure_text(figure)
    return text + CAVEAT_MARK if figure.has_caveat else text


def measure_range(figure):
    """The lowest and highest statements of a figure's measure in the figure's own unit, as
    fetched (``restatement_list``): (figure, figure) when no other statement gives another
    value in that unit."""
    same_unit = [stated for stated in figure.statements if stated.unit_id == figure.unit_id]
    return (
        min(same_unit, key=lambda stated: stated.value),
        max(same_unit, key=lambda stated: stated.value),
    )


def measure_number(figure):
    """A measure as a chart's bar says it: the figure's own words, or, where its statements
    differ, the range they span, each end as its source qualifies it ("847 million users –
    857 million users"), marked when any statement carries a caveat."""
    lowest, highest = measure_range(figure)
    if lowest.value == highest.value:
        text = figure_text(figure)
    else:
        text = pgettext("a range of values", "%(lowest)s – %(highest)s") % {
            "lowest": figure_text(lowest),
            "highest": figure_text(highest),
        }
    caveat = any(stated.has_caveat for stated in figure.statements)
    return text + CAVEAT_MARK if caveat else text


def caveat_kind_label(figure):
    """What sort of caveat a figure carries ("Source inconsistent"), or "Caveat" for one
    that is only a note."""
    if figure.caveat_kind in CaveatKind.values:
        return CaveatKind(figure.caveat_kind).label
    return _("Caveat")


def figure_caveat(figure):
    """A figure's caveat as HTML in the page's language, led by its kind ("Derived from words:
    the source says …"); English standing in for Chinese is marked. Empty when it has none."""
    if not figure.has_caveat:
        return ""
    kind = caveat_kind_label(figure)
    if not figure.caveat:
        return format_html('<span class="caveat-kind">{}</span>', kind)
    return format_html(
        '<span class="caveat-kind">{}{}</span>{}',
        kind,
        pgettext("after the kind of a figure's caveat", ": "),
        localized_html(figure, "caveat"),
    )


# --------------------------------------------------------------------------- links


def local_path(request):
    """This page's path and query, always starting with exactly one "/" so it stays on this site.

    A request for "//evil.com/" must not become a link to another host.
    """
    if request is None:
        return "/"
    path = "/" + request.path.lstrip("/")
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


def home_url(code):
    """The home page in the language ``code``."""
    with override(code):
        return reverse("campaigns:home")


def page_in_language(path, code, current):
    """``path`` in the language ``code``, or that language's home page when it has no such page."""
    url = translate_url(path, code)
    if code != current and url == path:
        return home_url(code)
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return home_url(code)
    return url


def language_links(request):
    """The same page in each language: dicts of code, name, url and whether it is this page."""
    path = local_path(request)
    current = get_language()
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": page_in_language(path, code, current),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def page_url(page, number, form=None, kept=""):
    """The URL of page ``number`` of this list, with the same filters, and ``kept`` (a query
    string of what else the list carries from page to page, such as the cases to compare)."""
    if form is not None:
        url = form.query_string(page=number if number != 1 else "")
    else:
        url = f"?page={number}" if number != 1 else "?"
    if kept:
        url += f"{'&' if url != '?' else ''}{kept}"
    return url


def page_links(page, form=None, kept=""):
    """Links to the pages around ``page`` (with gaps as None), keeping the form's filters and
    ``kept``."""
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            links.append(None)
        else:
            links.append(
                {
                    "number": number,
                    "url": page_url(page, number, form, kept),
                    "current": number == page.number,
                }
            )
    return links
