"""The site in Simplified Chinese: every interface string is translated, every page reads in
Chinese under /zh-hans/, and entities show their Chinese names beside the English ones.

The translation file is read with a small parser below (polib is not a dependency).
"""

import gettext
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from tests.browser_pages import CASE_TITLE_ZH, PAGES
from tests.pages import contains_html

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

# --------------------------------------------------------------------------- reading a .po file


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def is_header(self):
        return self.msgid == "" and self.msgctxt is None

    @property
    def translations(self):
        """The translated strings, in order (one for a singular, one per form for a plural)."""
        return [self.msgstr[index] for index in sorted(self.msgstr)]

    def __str__(self):
        context = f" (context {self.msgctxt!r})" if self.msgctxt else ""
        return f"line {self.line}: {self.msgid!r}{context}"


ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
KEYWORD_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$')


def unescape(text):
    """A PO string's contents with its C escapes (\\n, \\", \\\\) resolved."""
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(1)), text)


def parse_po(text):
    """The entries of a .po file's text, obsolete ("#~") ones left out."""
    entries = []
    entry = None
    target = None  # (attribute, plural index) the next continuation line extends

    def finish():
        if entry is not None and (entry.msgid or entry.msgstr):
            entries.append(entry)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry is not None and entry.msgstr:
                finish()
                entry = None
            if entry is None:
                entry = Entry(line=number)
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        match = KEYWORD_LINE.match(line)
        if match:
            keyword, index, value = match.groups()
            starts_message = keyword in ("msgctxt", "msgid")
            if entry is None or (starts_message and entry.msgstr):
                finish()
                entry = Entry(line=number)
            if keyword.startswith("msgstr"):
                target = ("msgstr", int(index or 0))
                entry.msgstr[target[1]] = unescape(value)
            else:
                target = (keyword, None)
                setattr(entry, keyword, unescape(value))
            continue
        if line.startswith('"') and line.endswith('"') and entry is not None and target:
            value = unescape(line[1:-1])
            attribute, index = target
            if attribute == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, attribute, (getattr(entry, attribute) or "") + value)
            continue
        raise ValueError(f"{PO_FILE.name} line {number} is not valid PO: {raw!r}")
    finish()
    return entries


PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifrxXeEgGc%])")


def placeholders(text):
    """The printf-style placeholders of ``text``, sorted: ["%(name)s", "%d"]; "%%" left out."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        name, conversion = match.groups()
        if conversion == "%":
            continue
        found.append(f"%({name}){conversion}" if name else f"%{conversion}")
    return sorted(found)


@pytest.fixture(scope="module")
def po_entries():
    return parse_po(PO_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def messages(po_entries):
    return [entry for entry in po_entries if not entry.is_header]


def test_the_parser_reads_plurals_contexts_flags_and_continued_lines():
    text = (
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        '#: campaigns/filters.py:1\n#, python-format\nmsgid "%(count)d value"\n'
        'msgid_plural "%(count)d values"\nmsgstr[0] "%(count)d 个值"\n\n'
        'msgctxt "menu"\nmsgid ""\n"Long "\n"line"\nmsgstr "长\\"行\\""\n\n'
        '#~ msgid "Gone"\n#~ msgstr "已删除"\n'
    )
    header, plural, continued = parse_po(text)

    assert header.is_header and "nplurals=1" in header.msgstr[0]
    assert plural.flags == {"python-format"}
    assert (plural.msgid_plural, plural.translations) == ("%(count)d values", ["%(count)d 个值"])
    assert (continued.msgctxt, continued.msgid, continued.msgstr[0]) == (
        "menu",
        "Long line",
        '长"行"',
    )


def test_placeholders_are_found_by_name_and_percent_signs_are_not_placeholders():
    assert placeholders("%(size)s MB of %(limit)s, 5%% and %d more") == [
        "%(limit)s",
        "%(size)s",
        "%d",
    ]


# --------------------------------------------------------------------------- the translation file


def test_the_translation_file_declares_chinese_with_one_plural_form(po_entries):
    header = po_entries[0]

    assert header.is_header
    assert "fuzzy" not in header.flags
    assert "Language: zh_Hans\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=1; plural=0;" in header.msgstr[0]
    assert "charset=UTF-8" in header.msgstr[0]


def test_every_interface_string_is_translated(messages):
    untranslated = [str(entry) for entry in messages if not all(entry.translations)]

    assert len(messages) > 100
    assert untranslated == [], "untranslated messages:\n" + "\n".join(untranslated)


def test_no_translation_is_marked_fuzzy(po_entries):
    fuzzy = [str(entry) for entry in po_entries if "fuzzy" in entry.flags]

    assert fuzzy == [], "fuzzy messages:\n" + "\n".join(fuzzy)


def is_format_string(entry):
    """Whether the message is %-formatted: flagged so by xgettext, or it has a named placeholder."""
    if "no-python-format" in entry.flags:
        return False
    return "python-format" in entry.flags or "%(" in entry.msgid


def test_every_translation_keeps_the_placeholders_of_its_english(messages):
    mismatched = []
    for entry in filter(is_format_string, messages):
        english = placeholders(entry.msgid_plural or entry.msgid)
        for chinese in entry.translations:
            if placeholders(chinese) != english:
                mismatched.append(f"{entry}: {english} became {placeholders(chinese)}")

    assert mismatched == [], "placeholders differ:\n" + "\n".join(mismatched)


CHINESE = re.compile(r"[\u3400-\u9fff]")


def has_words(text):
    """Whether ``text`` has English words once its placeholders and markup are taken out."""
    return re.search(r"[A-Za-z]", re.sub(r"<[^>]+>", "", PLACEHOLDER.sub("", text))) is not None


def test_every_translation_of_words_is_written_in_chinese(messages):
    english_left = [
        f"{entry}: {entry.translations[0]!r}"
        for entry in messages
        if has_words(entry.msgid) and not CHINESE.search(entry.translations[0])
    ]

    assert english_left == [], "translations without Chinese:\n" + "\n".join(english_left)


def test_the_compiled_file_holds_every_translation_of_the_po_file(messages):
    with MO_FILE.open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    stale = []
    for entry in messages:
        if entry.msgid_plural and entry.msgctxt:
            got = catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
        elif entry.msgid_plural:
            got = catalogue.ngettext(entry.msgid, entry.msgid_plural, 2)
        elif entry.msgctxt:
            got = catalogue.pgettext(entry.msgctxt, entry.msgid)
        else:
            got = catalogue.gettext(entry.msgid)
        if got != entry.translations[0]:
            stale.append(f"{entry}: compiled {got!r}, .po says {entry.translations[0]!r}")

    assert stale == [], "django.mo is out of date (run `make messages`):\n" + "\n".join(stale)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools not installed")
def test_the_translation_file_lists_every_string_in_the_code(tmp_path, messages):
    """makemessages on a copy of the code finds no string the committed .po lacks."""
    base = Path(settings.BASE_DIR)
    for name in ("manage.py", "pyproject.toml"):
        shutil.copy(base / name, tmp_path / name)
    for name in ("socialgood", "campaigns", "templates", "locale"):
        shutil.copytree(base / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    extracted = parse_po((tmp_path / PO_FILE.relative_to(base)).read_text(encoding="utf-8"))
    committed = {(entry.msgctxt, entry.msgid) for entry in messages}
    missing = [
        str(entry)
        for entry in extracted
        if not entry.is_header and (entry.msgctxt, entry.msgid) not in committed
    ]

    assert missing == [], "strings missing from django.po (run `make messages`):\n" + "\n".join(
        missing
    )


# --------------------------------------------------------------------------- the pages in Chinese


class PageText(HTMLParser):
    """The parts of a page a reader checks first: its language, title, main heading and menu."""

    def __init__(self, html):
        super().__init__()
        self.lang = None
        self.title = self.h1 = ""
        self.menu = []
        self.open = []  # what the text being read belongs to: "title", "h1", "menu", "link"
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title" and not self.title:  # the page's, not an SVG chart's
            self.open.append(tag)
        elif tag == "h1":
            self.open.append(tag)
        elif tag == "nav" and "site-nav" in (attrs.get("class") or ""):
            self.open.append("menu")
        elif tag == "a" and "menu" in self.open:
            self.menu.append("")
            self.open.append("link")

    def handle_endtag(self, tag):
        closes = {"title": "title", "h1": "h1", "nav": "menu", "a": "link"}.get(tag)
        if closes and closes in self.open:
            self.open.remove(closes)

    def handle_data(self, data):
        if "title" in self.open:
            self.title += data
        if "h1" in self.open:
            self.h1 += data
        if "link" in self.open:
            self.menu[-1] += data.strip()

    @property
    def heading(self):
        return " ".join(self.h1.split())


CHINESE_MENU = ["案例", "数据", "时间线", "平台", "机构", "来源", "关于"]

CHINESE_PAGES = {
    "home": ("社交媒体公益案例", ["浏览方式", "最近添加"]),
    "case list": ("案例", ["按平台、机构、公益领域、国家、标签或年份筛选", "勾选两到四个案例"]),
    "case list with filters": ("案例", ["当前筛选条件", "救灾", "新浪微博"]),
    # The default list holds the social-good cases: 24 of the 29 (five are commercial).
    "case list, page 2": ("案例", ["显示第 21–24 个", "上一页"]),
    "search results": ("案例", ["与“微博”匹配的案例"]),
    "no search results": ("案例", ["没有匹配的案例", "显示全部案例"]),
    "search naming facets": ("案例", ["您的搜索提到了：", "公益领域", "以上全部"]),
    "search with a misspelt word": ("案例", ["您是不是要找", "earthquake"]),
    "search with closest matches": ("案例", ["包含部分搜索词的案例"]),
    "case": (CASE_TITLE_ZH, ["成效数据", "超过1.1亿元", "参考文献", "引用本案例", "救灾"]),
    "commercial case with a caveat": ("微博网友晒照帮单身男女找对象", ["来源只说“数以千计的用户”"]),
    "case with a part the source does not state": ("中国地震台网速报雅安地震", ["150万"]),
    "case list with commercial campaigns": ("案例", ["百威"]),
    "organisation list": ("机构", ["新浪"]),
    "organisation": ("新浪 Sina", ["运营的平台", "新浪微博"]),
    "platform list": ("平台", ["新浪微博", "微博客"]),
    "platform": ("新浪微博 Sina Weibo", ["运营方", "新浪"]),
    "source list": ("来源", ["案例库中每个案例和每项数据所依据的文献"]),
    "source": ("Communication for Social Good During Pandemic", ["其编号参考文献"]),
    "tag list": ("标签", [">地震<", ">雅安地震<"]),
    "tag": ("标签为“地震”的案例", ["个案例"]),
    "figures": ("数据", ["案例库中所有已发布的数据", "下载这些数据："]),
    "figures with filters": ("数据", ["当前筛选条件", "超过1.1亿元"]),
    "figures by size": ("数据", ["整个行业", "单位："]),
    "figures with caveats": ("数据", ["来源只说“数以千计的用户”", "1,000名用户*"]),
    "a measure sources state differently": (
        "数据",
        ["来源说法不一。", "8.47亿名用户至8.57亿名用户*"],
    ),
    "figure": ("募集善款", ["来源原文", "截至2013年4月", "引用此数据", "转引自"]),
    "figure of a measure": ("中国短视频用户规模", ["该指标的全部说法", "同一指标，共2种说法"]),
    "reading list": ("阅读清单", ["本清单网址", "从清单中移除", "下载本清单："]),
    "compare": ("比较案例", ["公益领域", "发起方", "新浪微博"]),
    "compare four cases": ("比较案例", ["山西万荣县", "字节跳动", "一个月内", "参考文献"]),
    "compare with one case": ("比较案例", ["请选择两到四个案例进行比较", "已选："]),
    "timeline": ("时间线", ["按开始年份排列的案例"]),
    "about": ("关于本案例库", ["如何解读数据", "限定词"]),
    "data": ("开放数据与编码手册", ["许可协议", "公益领域", "乡村生计与农业"]),
}
"""Each page type's Chinese main heading and some Chinese text the page shows."""


def test_every_page_type_has_its_chinese_text_listed():
    assert CHINESE_PAGES.keys() == PAGES.keys()


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES.keys())
def test_every_page_type_reads_in_chinese_under_zh_hans(client, seed_catalogue, name):
    heading, texts = CHINESE_PAGES[name]

    response = client.get(f"/zh-hans{PAGES[name]}")

    assert response.status_code == 200
    html = response.content.decode()
    page = PageText(html)
    assert page.lang == "zh-Hans"
    assert page.menu == CHINESE_MENU
    assert page.heading == heading
    assert page.title.strip().endswith("社交媒体公益案例库")
    missing = [text for text in texts if text not in html]
    assert missing == [], f"not on the Chinese {name} page: {missing}"


@pytest.mark.django_db
def test_the_english_pages_keep_the_english_interface(client, seed_catalogue):
    page = PageText(client.get(PAGES["case"]).content.decode())

    assert page.lang == "en"
    assert page.menu == [
        "Cases",
        "Figures",
        "Timeline",
        "Platforms",
        "Organisations",
        "Sources",
        "About",
    ]


@pytest.mark.django_db
def test_a_missing_page_says_so_in_chinese(client, seed_catalogue):
    response = client.get("/zh-hans/campaigns/no-such-case/")

    assert response.status_code == 404
    assert PageText(response.content.decode()).heading == "找不到页面"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["", "/zh-hans"])
def test_a_platform_page_shows_its_chinese_name_beside_the_english_one(
    client, seed_catalogue, language
):
    page = PageText(client.get(f"{language}/platforms/sina-weibo/").content.decode())

    english_first = "Sina Weibo 新浪微博"
    assert page.heading == (english_first if language == "" else "新浪微博 Sina Weibo")


@pytest.mark.django_db
def test_cases_show_their_chinese_titles_and_platform_names_beside_the_english(
    client, seed_catalogue
):
    html = client.get("/campaigns/take-photos-to-save-kidnapped-children/").content.decode()
    chinese_html = client.get(
        "/zh-hans/campaigns/take-photos-to-save-kidnapped-children/"
    ).content.decode()

    assert PageText(html).heading == "Take Photos to Save Kidnapped Children"
    assert contains_html(html, '<p class="subtitle" lang="zh-Hans">微博打拐</p>')
    assert PageText(chinese_html).heading == "微博打拐"
    assert contains_html(
        chinese_html, '<p class="subtitle" lang="en">Take Photos to Save Kidnapped Children</p>'
    )
    assert contains_html(html, 'Sina Weibo <span class="alt-name" lang="zh-Hans">新浪微博</span>')


def test_the_server_error_page_in_chinese_is_marked_as_chinese():
    with translation.override("zh-hans"):
        html = render_to_string("500.html")

    assert '<html lang="zh-Hans">' in html
    assert "<h1>出错了</h1>" in html
