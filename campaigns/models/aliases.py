"""Search aliases: the words readers use for the same thing, in English and Chinese, that a
search for one of them also looks for (``search/aliases.py`` reads them, ``search/text.py``
expands a search with them). A reader's search is expanded, never the stored documents, so an
alias edited in the admin changes what searches find at once, with nothing written again."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import ChangeTracked, SlugQuerySet

MAX_WORDS = 12
"""How many words and phrases one alias may hold: each is one more OR term of a search."""

MAX_PHRASE_WORDS = 4
"""How many words one of its phrases may hold."""

SEPARATORS = re.compile(r"[\n,，、;；]+")
"""What separates an alias's words as a curator types them: lines, commas, 、 or semicolons."""


class AliasKind(models.TextChoices):
    """What an alias is about, for curators sorting the table."""

    CAUSE = "cause", _("Cause or topic")
    PLACE = "place", _("Place")
    PLATFORM = "platform", _("Platform")
    FORMAT = "format", _("Format")


def alias_words(text):
    """The words and phrases of ``text``, one a line or separated by commas: stripped, each
    once, in the order given."""
    words = []
    for word in SEPARATORS.split(text or ""):
        word = " ".join(word.split())
        if word and word.casefold() not in {w.casefold() for w in words}:
            words.append(word)
    return words


class SearchAliasQuerySet(SlugQuerySet):
    """Reusable filters for search aliases."""

    def public(self):
        """Every alias: each changes what readers' searches find."""
        return self.all()


class SearchAlias(ChangeTracked):
    """Words that mean the same thing to a reader, in English and Chinese (COVID, coronavirus,
    新冠, 抗疫 …): a search for any of them looks for all of them. With ``reads_as`` it goes one
    way: a search for one of ``words`` also looks for ``reads_as`` (Weixin: WeChat), and a
    search for ``reads_as`` looks for nothing more."""

    slug = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        help_text=_("A short name for the alias in catalogue files: covid, yaan."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AliasKind.choices)
    words = models.TextField(
        _("words"),
        help_text=_(
            "Words and phrases in English or Chinese, one a line (or separated by commas), "
            "that a reader may type for the same thing: COVID, coronavirus, 新冠, 抗疫. "
            "English words are matched by their stem: donate also matches donated."
        ),
    )
    reads_as = models.CharField(
        _("read as"),
        max_length=100,
        blank=True,
        help_text=_(
            "Leave empty when the words all mean the same. Otherwise the word they are read as, "
            "one way: Weixin read as WeChat finds WeChat's cases, and WeChat does not look "
            "for Weixin."
        ),
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("For curators: why these words go together (never shown to readers)."),
    )

    objects = SearchAliasQuerySet.as_manager()

    class Meta:
        verbose_name = _("search alias")
        verbose_name_plural = _("search aliases")
        ordering = ["kind", "slug"]

    def __str__(self):
        words = self.word_list()
        return f"{', '.join(words)} → {self.reads_as}" if self.reads_as else ", ".join(words)

    natural_key_fields = ("slug",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.slug,)

    def word_list(self):
        """Its words and phrases, as ``alias_words`` reads them."""
        return alias_words(self.words)

    def clean(self):
        """Words written one a line; each with a letter, none too long; enough of them."""
        from ..search.text import tokens

        words = self.word_list()
        self.words = "\n".join(words)
        self.reads_as = " ".join(self.reads_as.split())
        errors = {}
        wordless = [word for word in [*words, self.reads_as] if word and not tokens(word)]
        long = [word for word in words if len(tokens(word)) > MAX_PHRASE_WORDS]
        if wordless:
            errors["words"] = _("“%(word)s” holds no letter or digit to search for.") % {
                "word": wordless[0]
            }
        elif long:
            errors["words"] = _("“%(word)s” is longer than %(count)s words.") % {
                "word": long[0],
                "count": MAX_PHRASE_WORDS,
            }
        elif len(words) > MAX_WORDS:
            errors["words"] = _(
                "An alias holds at most %(count)s words and phrases; this one holds %(held)s. "
                "Split it in two."
            ) % {"count": MAX_WORDS, "held": len(words)}
        elif len(words) + bool(self.reads_as) < 2:
            errors["words"] = _(
                "Give at least two words that mean the same, or a word and what it is read as."
            )
        if self.reads_as and len(tokens(self.reads_as)) > MAX_PHRASE_WORDS:
            errors["reads_as"] = _("“%(word)s” is longer than %(count)s words.") % {
                "word": self.reads_as,
                "count": MAX_PHRASE_WORDS,
            }
        if errors:
            raise ValidationError(errors)
