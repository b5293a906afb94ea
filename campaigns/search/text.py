"""
How text is read for search: the tokens of a document and of a search, the everyday words of
each cause, approach and format (``FACET_WORDS``), and countries' names in both languages.

- words in lower case, with apostrophes dropped (``Ya'an`` is ``yaan``), and each pair of
  neighbouring words also written as one (``live stream`` is also ``livestream``);
- Chinese written as its overlapping pairs of characters and as single characters
  (``雅安地震`` is ``雅安 安地 地震 雅 安 地 震``), since Chinese puts no spaces between words:
  a search for ``地震`` finds the pair, one for ``疫`` the character.

A search is read the same way as a document (``SearchTerms``).
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django_countries import countries

from ..models.choices import Approach, Cause, Format

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""The ranges of Chinese characters."""

TOKEN = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+")
"""A run of Chinese characters, or a run of other letters and digits."""

APOSTROPHES = str.maketrans("", "", "'’‘`´")

MAX_TERMS = 10
"""A search uses at most this many words (a pasted essay must not build a huge query)."""


def tokens(text):
    """The words and Chinese runs of ``text``, in lower case, apostrophes dropped."""
    text = unicodedata.normalize("NFKC", text or "").lower().translate(APOSTROPHES)
    return TOKEN.findall(text)


CHINESE = re.compile(f"[{HAN}]")


def is_chinese_token(token):
    """Whether a token is a run of Chinese characters."""
    return CHINESE.match(token) is not None


def chinese_grams(run):
    """A Chinese run as its overlapping pairs of characters, then its single characters."""
    pairs = [run[index : index + 2] for index in range(len(run) - 1)]
    return pairs + list(run)


def document_tokens(text, join_pairs=True):
    """The tokens a document holds for ``text``."""
    found = []
    words = []
    for token in tokens(text):
        if is_chinese_token(token):
            found += chinese_grams(token)
            words = []
        else:
            found.append(token)
            if join_pairs and words:
                found.append(words[-1] + token)
            words.append(token)
    return found


@dataclass(frozen=True)
class SearchTerms:
    """A search as alternatives, each a list of tokens that must all be found.

    ``live stream`` is (live and stream) or (livestream); ``雅安地震`` is 雅安, 安地 and 地震.
    """

    alternatives: tuple

    @classmethod
    def parse(cls, q):
        """The terms of a search; empty when it holds no word."""
        words = []
        for token in tokens(q):
            if not is_chinese_token(token):
                words.append(token)
                continue
            for piece in chinese_pieces(token):
                if len(piece) > 1:
                    words += [piece[index : index + 2] for index in range(len(piece) - 1)]
                else:
                    words.append(piece)
        words = words[:MAX_TERMS]
        if not words:
            return cls(())
        alternatives = [tuple(words)]
        for index in range(len(words) - 1):
            first, second = words[index], words[index + 1]
            if not (is_chinese_token(first) or is_chinese_token(second)):
                alternatives.append((*words[:index], first + second, *words[index + 2 :]))
        return cls(tuple(alternatives))

    def __bool__(self):
        return bool(self.alternatives)

    def tsquery(self):
        """The terms as a PostgreSQL ``to_tsquery`` text: ``('live' & 'stream') | 'livestream'``."""
        return " | ".join(
            "(" + " & ".join(f"'{token}'" for token in alternative) + ")"
            for alternative in self.alternatives
        )


def chinese_pieces(run):
    """A Chinese run of a search cut around the names it holds of causes, approaches and
    countries: ``中国救灾`` is 中国 and 救灾 (the pair 国救 spans two words: not asked for)."""
    return [piece for piece in known_chinese_names().split(run) if piece]


@functools.cache
def known_chinese_names():
    """A pattern of the Chinese names of causes, approaches and countries, longest first."""
    names = {
        name
        for choice in [*Cause.values, *Approach.values]
        for name in facet_words(choice)
        if len(name) > 1 and all(CHINESE.match(character) for character in name)
    }
    with translation.override("zh-hans"):
        names.update(str(name) for _code, name in countries)
    names = sorted(
        (name for name in names if len(name) > 1 and CHINESE.fullmatch(name[0])),
        key=len,
        reverse=True,
    )
    return re.compile("(" + "|".join(re.escape(name) for name in names) + ")")


@functools.cache
def english_stemmer():
    """The Snowball English stemmer: the algorithm of PostgreSQL's own ``english`` text search
    configuration, so SQLite's search finds what PostgreSQL's finds."""
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def stem(word):
    """A search word as its stem, looked for inside the document's words on SQLite: donated →
    donat (in "donations"), earthquakes → earthquak, videos → video. Chinese is left as it is."""
    if is_chinese_token(word):
        return word
    return english_stemmer().stemWord(word)


def plural_stem(word):
    """A word without a plural ending, for substring matching: earthquakes → earthquake."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# --------------------------------------------------------------------------- facet words

FACETS = (Cause, Approach, Format)
"""The code lists whose names (and everyday words) a case's search document holds."""

FACET_WORDS = {
    Cause.DISASTER_RELIEF: ("disaster", "emergency", "救灾", "赈灾", "灾害", "灾区"),
    Cause.PUBLIC_HEALTH: ("health", "disease", "epidemic", "卫生", "健康", "疾病", "疫情"),
    Cause.CHILD_PROTECTION: ("children", "child", "儿童", "孩子", "未成年人"),
    Cause.RURAL_LIVELIHOODS: (
        "rural",
        "agriculture",
        "agricultural",
        "farmers",
        "farming",
        "poverty alleviation",
        "助农",
        "扶贫",
        "农业",
        "农村",
        "乡村",
        "农民",
        "农产品",
    ),
    Cause.CLIMATE_ENVIRONMENT: ("climate", "environment", "environmental", "气候", "环境", "环保"),
    Cause.EDUCATION: ("school", "schools", "教育", "学校"),
    Cause.CIVIC_ENGAGEMENT: ("civic", "公民"),
    Cause.PUBLIC_SERVICES: ("public service", "政务", "公共服务"),
    Cause.PHILANTHROPY_SECTOR: ("philanthropy", "charity", "charities", "nonprofit", "慈善"),
    Cause.SOCIAL_CONNECTION: ("社交",),
    Cause.COMMERCE_MARKETING: ("marketing", "commercial", "advertising", "营销", "商业", "广告"),
    Approach.FUNDRAISING: ("donations", "donation", "crowdfunding", "筹款", "募捐", "捐款"),
    Approach.AWARENESS: ("宣传",),
    Approach.CROWDSOURCED_INFORMATION: ("crowdsourcing", "众包"),
    Approach.INFORMATION_SHARING: ("alerts", "预警"),
    # Selling by any format: live streams are a format (below), so that 直播 and livestream
    # find the live streams alone.
    Approach.LIVE_COMMERCE: ("e-commerce", "带货", "电商"),
    Approach.VOLUNTEER_COORDINATION: ("volunteers", "volunteering", "志愿者", "志愿"),
    Approach.ADVOCACY: ("campaigning", "倡导", "呼吁"),
    Format.LIVE_STREAM: ("livestream", "live streaming", "live broadcast", "直播"),
}
"""Words readers use for a cause, an approach or a format besides its name, in English and
Chinese: a search for them finds the cases with that cause, approach or format, whatever their
text says."""


@functools.cache
def facet_words(choice):
    """The names of a cause, approach or format in English and Chinese, and its everyday
    words. (No code is in two of the lists.)"""
    member = next((codes(choice) for codes in FACETS if choice in codes.values), None)
    if member is None:
        return ()
    names = []
    for language in ("en", "zh-hans"):
        with translation.override(language):
            names.append(str(member.label))
    return (*names, *FACET_WORDS.get(member, ()))


@functools.cache  # a few hundred codes; written once per campaign, 100,000 times on a load
def country_names(code):
    """A country's name in English and in Chinese, or nothing."""
    if not code:
        return ()
    with translation.override("en"):
        english = str(countries.name(code))
    with translation.override("zh-hans"):
        chinese = str(countries.name(code))
    return (english, chinese)
