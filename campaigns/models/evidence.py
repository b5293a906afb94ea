"""
The source's own words behind our sentences: evidence for a case's summary, its description
and its participants' notes.

A case's texts are our own words. Each sentence of them may carry evidence: the source, where
in it the point is made (a locator: section, paragraph or page, as the document allows) and the
source's own words for that point, short. Sentences are numbered in the English text
(``sentences()``); the Chinese text says the same sentence for sentence and shares the English
sentence's evidence.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Status
from .sources import Source

QUOTE_WORDS = 30
"""The most words a quotation may have: the source's words for one point, not a passage."""

QUOTE_CHINESE_CHARACTERS = 60
"""The same bound for a quotation in Chinese, counted in characters."""

ENGLISH_SENTENCE_END = re.compile(
    r"""(?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z0-9])"""  # an end, space, then a capital or digit
)
CHINESE_SENTENCE = re.compile(r"[^。！？]+(?:[。！？]+[”’」』）]?|$)")
NOT_AN_END = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Dr|No|St|U\.S|U\.K)\.$")
"""Words ending in a full stop that do not end a sentence."""


def sentences(text, chinese=False):
    """The sentences of a text (English, or Chinese if ``chinese``), in order, across its
    paragraphs.

    English ends a sentence at ``.``, ``!`` or ``?`` (after a closing quote or bracket, if
    any) followed by a space and a capital or a digit, except after an abbreviation such as
    "e.g." or "No."; Chinese at ``。``, ``！`` or ``？``. Evidence names sentences by their number
    in this list, counting from one.
    """
    found = []
    for paragraph in re.split(r"\n\s*\n", text or ""):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        if chinese:
            parts = CHINESE_SENTENCE.findall(paragraph)
        else:
            parts = []
            for piece in ENGLISH_SENTENCE_END.split(paragraph):
                if parts and NOT_AN_END.search(parts[-1]):
                    parts[-1] = f"{parts[-1]} {piece}"
                else:
                    parts.append(piece)
        found.extend(part.strip() for part in parts if part.strip())
    return found


def is_chinese_text(text):
    """Whether a text is written in Chinese (it holds any CJK ideograph)."""
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def quote_length(quote):
    """How long a quotation is, in its own terms: Chinese characters, or words."""
    if is_chinese_text(quote):
        return sum(1 for char in quote if "\u4e00" <= char <= "\u9fff")
    return len(quote.split())


class EvidencedText(models.TextChoices):
    """The texts of a case whose sentences may carry evidence."""

    SUMMARY = "summary", _("Summary")
    DESCRIPTION = "description", _("Description")
    NOTE = "note", _("Participant's note")


class EvidenceQuerySet(models.QuerySet):
    """Reusable filters for evidence."""

    def get_by_natural_key(self, key):
        """Find a piece of evidence by its key."""
        return self.get(key=key)

    def public(self):
        """Evidence readers may see: that of published cases."""
        return self.filter(campaign__status=Status.PUBLISHED)

    def in_reading_order(self):
        """Summary, description, then notes; by sentence, then as the curator ordered them."""
        return self.order_by(
            models.Case(
                *(
                    models.When(field=value, then=position)
                    for position, value in enumerate(EvidencedText.values)
                ),
                output_field=models.IntegerField(),
            ),
            "participation__order",
            "sentence",
            "order",
            "pk",
        )


class Evidence(models.Model):
    """The source's words behind one sentence of a case's text."""

    key = models.SlugField(
        _("key"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("A stable name, used in fixtures and exports. Left empty, one is made."),
    )
    campaign = models.ForeignKey(
        "Campaign",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    field = models.CharField(
        _("text"), max_length=20, choices=EvidencedText.choices, default=EvidencedText.SUMMARY
    )
    participation = models.ForeignKey(
        "Participation",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
        help_text=_("Whose note, for evidence of a participant's note."),
    )
    sentence = models.PositiveSmallIntegerField(
        _("sentence"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Which sentence of the English text it supports, counting from 1."),
    )
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="evidence"
    )
    locator = models.CharField(
        _("where in the source"),
        max_length=120,
        blank=True,
        help_text=_('The section, paragraph or page, as the document allows: "¶ 12", "p. 4".'),
    )
    quote = models.TextField(
        _("the source's words"),
        help_text=_(
            "The source's own words for this point, short: at most 30 words (60 characters "
            "in Chinese)."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["field", "sentence", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(field=EvidencedText.NOTE, participation__isnull=False)
                | (~models.Q(field=EvidencedText.NOTE) & models.Q(participation__isnull=True)),
                name="evidence_of_a_note_names_its_participant",
            ),
            models.CheckConstraint(
                condition=models.Q(sentence__gte=1), name="evidence_sentence_counts_from_one"
            ),
        ]

    def __str__(self):
        return f"{self.get_field_display()}, {self.sentence}: {self.quote[:40]}"

    def save(self, *args, **kwargs):
        """Save it, named by a new key if it has none."""
        if not self.key and self.campaign_id:
            self.key = self.new_key()
        super().save(*args, **kwargs)

    natural_key_fields = ("key",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.key,)

    natural_key.dependencies = ["campaigns.campaign", "campaigns.participation", "campaigns.source"]

    def supported_text(self):
        """The English text this evidence supports (a note's, for a participant's note)."""
        if self.field == EvidencedText.NOTE:
            return self.participation.note if self.participation_id else ""
        return getattr(self.campaign, self.field, "") if self.campaign_id else ""

    def supported_sentence(self):
        """The English sentence it supports, or "" when the text has fewer sentences."""
        found = sentences(self.supported_text())
        return found[self.sentence - 1] if self.sentence <= len(found) else ""

    def clean(self):
        """Check the participant, the quote's length and that the sentence exists."""
        errors = {}
        if self.field == EvidencedText.NOTE and self.participation_id is None:
            errors["participation"] = _("Evidence of a note names whose note it is.")
        if self.field != EvidencedText.NOTE:
            self.participation = None
        if (
            self.participation is not None
            and self.campaign_id
            and self.participation.campaign_id != self.campaign_id
        ):
            errors["participation"] = _("This participant belongs to another case.")
        errors.update(quote_problems(self))
        if self.campaign_id and not errors:
            text = self.supported_text()
            count = len(sentences(text))
            if self.sentence and self.sentence > count:
                errors["sentence"] = _(
                    "The English %(text)s has %(count)s sentence(s): there is no sentence "
                    "%(number)s."
                ) % {
                    "text": self.get_field_display().lower(),
                    "count": count,
                    "number": self.sentence,
                }
        if errors:
            raise ValidationError(errors)

    def new_key(self):
        """A key not yet taken: the case's slug, the text, the sentence and a number."""
        parts = [self.campaign.slug, self.field]
        if self.participation_id:
            parts.append(self.participation.organisation.slug)
        return unused_key(Evidence, "-".join([*parts, str(self.sentence)]))


class SubjectEvidenceQuerySet(models.QuerySet):
    """Reusable filters for the evidence of organisations' and platforms' descriptions."""

    def get_by_natural_key(self, key):
        """Find a piece of evidence by its key."""
        return self.get(key=key)

    def public(self):
        """Evidence readers may see: that of public organisations and platforms."""
        return self.filter(
            models.Q(organisation__is_public=True) | models.Q(platform__is_public=True)
        )

    def in_reading_order(self):
        """By sentence, then as the curator ordered them."""
        return self.order_by("sentence", "order", "pk")


class SubjectEvidence(models.Model):
    """The source's words behind one sentence of an organisation's or a platform's
    description (a case's own texts have ``Evidence``)."""

    field = EvidencedText.DESCRIPTION
    """The text it backs: a description, always."""
    participation_id = None

    key = models.SlugField(
        _("key"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("A stable name, used in fixtures and exports. Left empty, one is made."),
    )
    organisation = models.ForeignKey(
        "Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    platform = models.ForeignKey(
        "Platform",
        verbose_name=_("platform"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    sentence = models.PositiveSmallIntegerField(
        _("sentence"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("Which sentence of the English text it supports, counting from 1."),
    )
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="subject_evidence",
    )
    locator = models.CharField(
        _("where in the source"),
        max_length=120,
        blank=True,
        help_text=_('The section, paragraph or page, as the document allows: "¶ 12", "p. 4".'),
    )
    quote = models.TextField(
        _("the source's words"),
        help_text=_(
            "The source's own words for this point, short: at most 30 words (60 characters "
            "in Chinese)."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SubjectEvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("evidence for a description")
        verbose_name_plural = _("evidence for the description's sentences")
        ordering = ["sentence", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, platform__isnull=True)
                | models.Q(organisation__isnull=True, platform__isnull=False),
                name="subject_evidence_backs_one_description",
            ),
            models.CheckConstraint(
                condition=models.Q(sentence__gte=1),
                name="subject_evidence_sentence_counts_from_one",
            ),
        ]

    def __str__(self):
        return f"{self.sentence}: {self.quote[:40]}"

    def save(self, *args, **kwargs):
        """Save it, named by a new key if it has none."""
        if not self.key and self.subject is not None:
            stem = f"{type(self.subject).__name__.lower()}-{self.subject.slug}-{self.sentence}"
            self.key = unused_key(SubjectEvidence, stem)
        super().save(*args, **kwargs)

    natural_key_fields = ("key",)
    """The fields ``natural_key()`` is made of, as lookups (django-taggit's convention)."""

    def natural_key(self):
        """How fixtures name it, instead of its primary key."""
        return (self.key,)

    natural_key.dependencies = [
        "campaigns.organisation",
        "campaigns.platform",
        "campaigns.source",
    ]

    @property
    def subject(self):
        """The organisation or platform whose description it backs."""
        return self.organisation if self.organisation_id else self.platform

    def get_field_display(self):
        """The text it backs, in words (as ``Evidence`` says its own)."""
        return EvidencedText.DESCRIPTION.label

    def supported_sentence(self):
        """The English sentence it supports, or "" when the description has fewer."""
        found = sentences(self.subject.description if self.subject is not None else "")
        return found[self.sentence - 1] if self.sentence <= len(found) else ""

    def clean(self):
        """Check it backs one description, the quote's length and that the sentence exists."""
        errors = quote_problems(self)
        if (self.organisation_id is None) == (self.platform_id is None):
            errors["organisation"] = _("Name the organisation or the platform, one of them.")
        elif not errors:
            count = len(sentences(self.subject.description))
            if self.sentence and self.sentence > count:
                errors["sentence"] = _(
                    "The English %(text)s has %(count)s sentence(s): there is no sentence "
                    "%(number)s."
                ) % {
                    "text": EvidencedText.DESCRIPTION.label.lower(),
                    "count": count,
                    "number": self.sentence,
                }
        if errors:
            raise ValidationError(errors)


def quote_problems(evidence):
    """What is wrong with a piece of evidence's quotation, by field (and it trimmed)."""
    quote = (evidence.quote or "").strip()
    evidence.quote = quote
    if not quote:
        return {}
    length = quote_length(quote)
    limit = QUOTE_CHINESE_CHARACTERS if is_chinese_text(quote) else QUOTE_WORDS
    if length <= limit:
        return {}
    return {
        "quote": _(
            "Quote the source's words for this one point: %(length)s is more than %(limit)s."
        )
        % {"length": length, "limit": limit}
    }


def unused_key(model, stem):
    """``stem`` and the first number that makes a key of ``model`` not yet taken."""
    stem = stem[:150]
    taken = set(model.objects.filter(key__startswith=stem).values_list("key", flat=True))
    number = 1
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"
