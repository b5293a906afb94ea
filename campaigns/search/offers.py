"""
What a reader's search says besides its words, for the list of cases.

- ``narrowings``: the facet values a search names (a cause, an approach, a format, a country
  or a platform, in English or Chinese, or a word readers use for a cause such as 助农). The search
  already finds their cases, since each case's search document holds its facet names
  (``documents.py``); the page offers to narrow to exactly that facet.
- ``did_you_mean``: for a search that finds nothing, the same search with its unknown words
  replaced by the nearest words of the catalogue's titles and names, when that finds cases.

    narrowings("disaster relief China", platforms, countries)
    # [Narrowing(field="cause", value="disaster_relief", label="Disaster relief", ...),
    #  Narrowing(field="country", value="CN", label="China", key=("china",), rest=...)]
"""

import difflib
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Q
from pypinyin import lazy_pinyin

from ..caching import release
from ..models import (
    Approach,
    Campaign,
    CatalogueSummary,
    CatalogueVersion,
    Cause,
    Division,
    Format,
    Organisation,
    Platform,
    SearchAlias,
    Tag,
)
from ..models.aliases import alias_words
from ..models.base import in_chunks
from ..models.counts import ALL
from ..models.version import ROW
from .text import country_names, facet_words, is_chinese_token, plural_stem, tokens

CLOSE_ENOUGH = 0.8
"""How alike (difflib's ratio) a word of the catalogue must be to be offered for a typed one."""

SHORTEST_GUESS = 4
"""Words shorter than this are never corrected: too many words are near them."""


@dataclass(frozen=True)
class Narrowing:
    """A facet value named by the words of a search."""

    field: str
    value: str
    label: str
    key: tuple  # the words that name it, as ``phrase_key`` writes them
    rest: str  # the search without these words


def normal(word):
    """A word as phrases are matched: lower case, apostrophes dropped, no plural ending."""
    return word if is_chinese_token(word) else plural_stem(word)


def phrase_key(text):
    """The tokens of a name as matched against a search: ``("disaster", "relief")``, or a run of
    Chinese characters as one string."""
    return tuple(normal(token) for token in tokens(text))


FACET_FIELDS = {Cause: "cause", Approach: "approach", Format: "format"}
"""The list's filter of each code list a search may name."""


def facet_phrases(platforms, country_codes):
    """(key, field, value) for every name a search may use for a facet value."""
    phrases = []
    for member in [*Cause, *Approach, *Format]:
        field = FACET_FIELDS[type(member)]
        names = facet_words(member.value)
        phrases += [(phrase_key(name), field, member.value) for name in names]
    for code in country_codes:
        phrases += [(phrase_key(name), "country", code) for name in country_names(code)]
    for slug, name, name_zh in platforms:
        phrases += [(phrase_key(text), "platform", slug) for text in (name, name_zh) if text]
    # Longest first, so that "public health" is read before "health".
    return sorted((p for p in phrases if p[0]), key=lambda p: -sum(len(t) for t in p[0]))


def narrowings(q, platforms, country_codes, label_of):
    """The facet values the words of ``q`` name, each once, in the order of the search.

    ``platforms`` are (slug, name, Chinese name) rows; ``label_of(field, value)`` names a value
    in the page's language. A word is read as one facet value at most, the longest name first.
    """
    words = [normal(token) for token in tokens(q)]
    found = {}
    for key, field, value in facet_phrases(platforms, country_codes):
        start = take(words, key)
        if start is not None and (field, value) not in found:
            found[(field, value)] = (start, key)
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [
        Narrowing(field, value, label_of(field, value), key, without(q, [key]))
        for (field, value), (_start, key) in ordered
    ]


def without(q, keys):
    """The words of ``q`` less those each of ``keys`` names."""
    originals = tokens(q)
    words = [normal(token) for token in originals]
    for key in keys:
        take(words, key)
    rest = []
    for original, word in zip(originals, words, strict=True):
        if word == TAKEN:
            continue
        if TAKEN in word:  # a Chinese word keeps its other characters (normal() kept them all)
            original = "".join(c for c, w in zip(original, word, strict=True) if w != TAKEN)
        if original:
            rest.append(original)
    return " ".join(rest)


TAKEN = "\x00"
"""What stands in ``words`` for a word, or Chinese characters, already read as a facet."""


def take(words, key):
    """Where ``key`` stands in ``words`` (a run of words, or Chinese characters inside a
    Chinese word) as (word, character), marking it taken; None when it is not there."""
    if len(key) == 1 and is_chinese_token(key[0]):
        for index, word in enumerate(words):
            if key[0] in word:
                words[index] = word.replace(key[0], TAKEN * len(key[0]), 1)
                return (index, word.index(key[0]))
        return None
    for start in range(len(words) - len(key) + 1):
        if tuple(words[start : start + len(key)]) == key:
            words[start : start + len(key)] = [TAKEN] * len(key)
            return (start, 0)
    return None


# --------------------------------------------------------------------------- did you mean


def vocabulary():
    """The words of the published catalogue's titles and of the names of its platforms,
    organisations, tags, causes, approaches and countries: kept in the cache per version.

    The titles' words are kept on the version row by the writers (``keep_title_words``), so
    that no reader waits for 100,000 titles to be read; the rest is a few short lists."""
    version = CatalogueVersion.current().key
    key = f"search-vocabulary|{release()}|{version}"  # a new release may name causes anew
    words = cache.get(key)
    if words is None:
        words = sorted(title_words() | name_words())
        cache.set(key, words, 60 * 60 * 24)
    return words


def words_of(texts):
    """The words of ``texts`` a search may be corrected to (Chinese is left out)."""
    return {
        token
        for text in texts
        for token in tokens(text)
        if not is_chinese_token(token) and token.isalpha()
    }


def title_words():
    """The words of published cases' titles, as kept; made now the first time ever (a new
    database, or one migrated from a release without them)."""
    kept = _kept_title_words()
    if kept is None:
        return keep_title_words(ALL)
    return kept


def _kept_title_words():
    """The title words kept on the version row, or ``None`` when none were ever made."""
    kept = CatalogueVersion.objects.filter(pk=ROW).values_list("title_words", flat=True).first()
    return None if kept is None else set(kept)


def keep_title_words(ids):
    """Add the words of the titles of the published cases among ``ids`` to those kept, or,
    with ``ALL``, make them again from every published case (dropping words no title holds any
    more); returns the words kept. ``derived.py`` calls it after each change readers see, in
    the change's transaction. A word kept after its title changed only makes a correction
    that is then checked and not offered."""
    published = Campaign.objects.public().order_by()
    if ids == ALL:
        words = words_of(published.values_list("title", flat=True).iterator(chunk_size=2000))
    else:
        words = _kept_title_words()
        if words is None:
            return keep_title_words(ALL)
        new = set()
        for chunk in in_chunks(ids):
            new |= words_of(published.filter(pk__in=chunk).values_list("title", flat=True))
        if new <= words:
            return words
        words |= new
    CatalogueVersion.current()  # the row is made if missing
    CatalogueVersion.objects.filter(pk=ROW).update(title_words=sorted(words))
    return words


def name_words():
    """The words of the names of public platforms, organisations and tags, causes, approaches
    and the countries of published cases (from the catalogue's summary), and of the search
    aliases."""
    texts = []
    texts += Platform.objects.public().values_list("name", flat=True)
    texts += Organisation.objects.with_published_campaigns().values_list("name", flat=True)
    texts += Tag.objects.public().values_list("name", flat=True)
    for member in [*Cause, *Approach]:
        texts += facet_words(member.value)  # Chinese names are left out below
    countries = CatalogueSummary.current().countries
    texts += [name for code in countries for name in country_names(code)[:1]]
    for words, reads_as in SearchAlias.objects.values_list("words", "reads_as"):
        texts += [*alias_words(words), reads_as]
    return words_of(texts)


def did_you_mean(q, finds_campaigns):
    """``q`` with each word the catalogue does not hold replaced by its nearest word, and each
    Chinese place or name typed with a wrong character of the same sound put right (雅按 →
    雅安), when that changes something and ``finds_campaigns(suggestion)`` says it finds
    cases; else None."""
    known = vocabulary()
    known_set = set(known)
    names = None
    changed = False
    words = []
    for token in tokens(q):
        if is_chinese_token(token):
            names = chinese_names() if names is None else names
            corrected = chinese_correction(token, names)
            changed = changed or corrected != token
            words.append(corrected)
            continue
        if len(token) < SHORTEST_GUESS or not token.isalpha():
            words.append(token)
            continue
        if token in known_set or plural_stem(token) in known_set:
            words.append(token)
            continue
        near = difflib.get_close_matches(token, known, n=1, cutoff=CLOSE_ENOUGH)
        if near:
            words.append(near[0])
            changed = True
        else:
            words.append(token)
    if not changed:
        return None
    suggestion = " ".join(words)
    return suggestion if finds_campaigns(suggestion) else None


DIVISION_SUFFIXES = ("自治州", "自治县", "自治区", "地区", "省", "市", "县", "区", "盟", "旗")
"""What a Chinese division's name ends with that readers leave out: 雅安市 is 雅安."""


def chinese_names():
    """The Chinese names a Chinese search may be put right to, longest first: the search
    aliases' Chinese words, the public platforms' Chinese names, and the divisions of
    published cases with the divisions they lie in (雅安市 and 雅安, 四川省 and 四川): kept in
    the cache per version, like ``vocabulary``."""
    version = CatalogueVersion.current().key
    key = f"search-chinese-names|{release()}|{version}"
    names = cache.get(key)
    if names is None:
        names = sorted(_chinese_names(), key=lambda name: (-len(name), name))
        cache.set(key, names, 60 * 60 * 24)
    return names


def _chinese_names():
    published = Campaign.objects.public().exclude(division=None).order_by()
    texts = [
        *Platform.objects.public().values_list("name_zh", flat=True),
        *Division.objects.filter(
            Q(pk__in=published.values("division"))
            | Q(pk__in=published.values("division__parent"))
            | Q(pk__in=published.values("division__province"))
        ).values_list("name_zh", flat=True),
    ]
    for words in SearchAlias.objects.values_list("words", flat=True):
        texts += alias_words(words)
    names = set()
    for text in texts:
        for token in tokens(text):
            if is_chinese_token(token) and len(token) > 1:
                names.add(token)
                short = next((token[: -len(s)] for s in DIVISION_SUFFIXES if token.endswith(s)), "")
                if len(short) > 1:
                    names.add(short)
    return names


def chinese_correction(run, names):
    """A Chinese run with each name of ``names`` it holds with one character wrong, where the
    wrong character sounds as the right one does (the usual slip of a pinyin keyboard), put
    right: 雅按地震 → 雅安地震. A run holding the name already is left as it is."""
    for name in names:
        if name in run:
            continue
        for start in range(len(run) - len(name) + 1):
            window = run[start : start + len(name)]
            wrong = [
                i
                for i, (typed, meant) in enumerate(zip(window, name, strict=True))
                if typed != meant
            ]
            if len(wrong) == 1 and sound(window[wrong[0]]) == sound(name[wrong[0]]):
                run = run[:start] + name + run[start + len(name) :]
                break
    return run


def sound(character):
    """A Chinese character's pinyin without its tone: 安 and 按 are both an."""
    return lazy_pinyin(character)[0]
