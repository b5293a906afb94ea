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

APOSTROPHES = re.compile("['’‘`´]")
"""What is dropped from words (a pattern: ``str.translate`` took twelve times as long)."""

MAX_TERMS = 10
"""A search uses at most this many words (a pasted essay must not build a huge query)."""


def tokens(text):
    """The words and Chinese runs of ``text``, in lower case, apostrophes dropped."""
    text = APOSTROPHES.sub("", unicodedata.normalize("NFKC", text or "").lower())
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
class Either:
    """Words a search may find in one another's place (an alias, ``Aliases``): any one of
    ``phrases`` will do, each a tuple of tokens that must all be found."""

    phrases: tuple


@dataclass(frozen=True)
class SearchTerms:
    """A search as alternatives, each a list of terms that must all be found: a token, or an
    ``Either`` of the phrases an alias names in its place.

    ``live stream`` is (live and stream) or (livestream); ``雅安地震`` is 雅安, 安地 and 地震;
    with the seed's aliases, ``芦山地震`` is (芦山 or 雅安 or yaan or lushan) and 地震.
    """

    alternatives: tuple
    typed: str = ""
    """The search's words as typed, in lower case: what a title holding the whole search
    holds."""

    @classmethod
    def parse(cls, q, aliases=None):
        """The terms of a search, expanded by ``aliases`` (an ``Aliases``); empty when it
        holds no word."""
        aliases = aliases or Aliases.NONE
        typed = tokens(q)
        terms = []
        index = 0
        while index < len(typed) and len(terms) < MAX_TERMS:
            token = typed[index]
            if is_chinese_token(token):
                for piece in aliases.chinese_split(token):
                    terms += [piece] if isinstance(piece, Either) else chinese_terms(piece)
                index += 1
                continue
            length, either = aliases.english_match(typed, index)
            if either is not None:
                terms.append(either)
                index += length
                continue
            terms.append(token)
            index += 1
        terms = terms[:MAX_TERMS]
        if not terms:
            return cls(())
        alternatives = [tuple(terms)]
        for index in range(len(terms) - 1):
            first, second = terms[index], terms[index + 1]
            if is_english_token(first) and is_english_token(second):
                alternatives.append((*terms[:index], first + second, *terms[index + 2 :]))
        return cls(tuple(alternatives), " ".join(typed[:MAX_TERMS]))

    def __bool__(self):
        return bool(self.alternatives)

    def written(self, token, every, either):
        """The terms as a query of the backend's own: each token as ``token(token)``, terms
        that must all be found as ``every(parts)`` and alternatives as ``either(parts)``."""

        def term(one):
            if isinstance(one, Either):
                return either([every([token(t) for t in phrase]) for phrase in one.phrases])
            return token(one)

        return either([every([term(one) for one in terms]) for terms in self.alternatives])

    def title_words(self):
        """What a title holding the whole search holds, in any of its forms: the search as
        typed; for a search of one word, that word's stem; for a search of one alias's word,
        each of the alias's words (an English word by its stem, a Chinese one whole), so that
        ``抗疫`` ranks 战疫助农 first."""
        words = [self.typed]
        if len(self.alternatives) != 1 or len(self.alternatives[0]) != 1:
            return words
        (term,) = self.alternatives[0]
        for phrase in term.phrases if isinstance(term, Either) else [(term,)]:
            if all(is_chinese_token(token) for token in phrase):
                words.append(phrase[0] + "".join(token[1:] for token in phrase[1:]))
            elif len(phrase) == 1:
                words.append(stem(phrase[0]))
        return sorted(set(words))

    def tokens(self):
        """Every token the terms look for, each once, sorted."""
        found = set()
        self.written(found.add, lambda parts: None, lambda parts: None)
        return sorted(found)

    def tsquery(self):
        """The terms as a PostgreSQL ``to_tsquery`` text:
        ``(('live' & 'stream') | 'livestream')``."""
        return self.written(
            lambda token: f"'{token}'",
            lambda parts: parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")",
            lambda parts: parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")",
        )


def is_english_token(term):
    """Whether a term is a word of letters and digits (not Chinese, not an alias's phrases)."""
    return isinstance(term, str) and not is_chinese_token(term)


def chinese_terms(run):
    """The tokens a search looks for in a Chinese run: its pairs of characters, cut around the
    names of causes, approaches and countries it holds (a piece of one character as itself)."""
    terms = []
    for piece in chinese_pieces(run):
        if len(piece) > 1:
            terms += [piece[index : index + 2] for index in range(len(piece) - 1)]
        else:
            terms.append(piece)
    return terms


class Aliases:
    """The search aliases as a search reads them: which typed words (English by their stems,
    Chinese as characters anywhere in a run) stand for which phrases.

    Made from (words, reads as) pairs (``search/aliases.py`` reads them from the table): each
    of ``words`` stands for every one of ``words``, or, with ``reads_as``, for itself and
    ``reads_as`` alone; a word of several aliases stands for all their phrases."""

    def __init__(self, aliases=()):
        english = {}
        chinese = {}
        for words, reads_as in aliases:
            phrases = alias_phrases([*words, reads_as] if reads_as else words)
            if len(phrases) < 2:
                continue
            for word in words:
                found = tokens(word)
                if len(found) == 1 and is_chinese_token(found[0]):
                    chinese.setdefault(found[0], set()).update(phrases)
                elif found and not any(is_chinese_token(one) for one in found):
                    english.setdefault(tuple(stem(one) for one in found), set()).update(phrases)
        self.english = {key: Either(tuple(sorted(p))) for key, p in english.items()}
        self.chinese = {key: Either(tuple(sorted(p))) for key, p in chinese.items()}
        self.longest = max((len(key) for key in self.english), default=0)
        names = sorted(self.chinese, key=len, reverse=True)
        self.pattern = re.compile("(" + "|".join(map(re.escape, names)) + ")") if names else None

    def english_match(self, typed, index):
        """(how many words, ``Either``) for the longest alias among the English words of
        ``typed`` from ``index`` on; (0, None) when none."""
        for length in range(min(self.longest, len(typed) - index), 0, -1):
            words = typed[index : index + length]
            if any(is_chinese_token(word) for word in words):
                continue
            either = self.english.get(tuple(stem(word) for word in words))
            if either is not None:
                return length, either
        return 0, None

    def chinese_split(self, run):
        """A Chinese run as its pieces: an ``Either`` for each alias it holds, text between."""
        if self.pattern is None:
            return [run]
        return [self.chinese.get(piece, piece) for piece in self.pattern.split(run) if piece]


Aliases.NONE = Aliases()


def alias_phrases(words):
    """The phrases a search looks for in place of a word of an alias holding ``words``: each
    word's tokens as a search reads them (Chinese as its pairs), and two English words also
    written as one (``live stream``, ``livestream``) unless the alias holds that word; a phrase
    holding all of a shorter one is left out (``covid 19`` beside ``covid``)."""
    phrases = set()
    pairs = []
    for word in words:
        found = tokens(word)
        phrase = []
        for token in found:
            phrase += chinese_terms(token) if is_chinese_token(token) else [token]
        if len(found) == 2 and not any(is_chinese_token(one) for one in found):
            pairs.append(tuple(found))
        elif phrase:
            phrases.add(tuple(phrase))
    singles = {phrase[0] for phrase in phrases if len(phrase) == 1}
    for pair in pairs:
        phrases.add(("".join(pair),))
        if "".join(pair) not in singles:
            phrases.add(pair)
    return {
        phrase
        for phrase in phrases
        if not any(other != phrase and set(other) <= set(phrase) for other in phrases)
    }


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
    Cause.PUBLIC_HEALTH: ("health", "disease", "epidemic", "卫生", "健康", "疾病"),
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
