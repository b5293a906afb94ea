"""
A case's texts (and an organisation's or a platform's description) as its page shows them:
each sentence followed by the marks of its evidence, and the numbered notes those marks lead to
(the source's words, where in the source, a link).

Marks are links to the notes, so they work without JavaScript. A sentence of the summary or the
description with no evidence is marked as our summary (a participant's note, more often a label
than a claim, is marked only when it has evidence). A Chinese text shares its English
sentences' evidence sentence for sentence; where its sentences do not line up with the English
ones, its marks follow the text instead of a sentence.
"""

import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .display import ENGLISH_ONLY, in_page_language, is_chinese
from .models import EvidencedText, sentences
from .models.evidence import is_chinese_text

FIELD_ORDER = [EvidencedText.SUMMARY, EvidencedText.NOTE, EvidencedText.DESCRIPTION]
"""The texts in the order the case page shows them, so the notes are numbered as read."""


@dataclass
class Note:
    """One piece of evidence as the page numbers it."""

    number: int
    evidence: object
    reference: int | None
    """The number of its source among the page's references, if it is one of them."""

    @property
    def quote_language(self):
        return "zh-Hans" if is_chinese_text(self.evidence.quote) else "en"

    @property
    def where(self):
        """Which of our sentences it backs: "Summary, sentence 1"."""
        return _("%(text)s, sentence %(number)s") % {
            "text": self.evidence.get_field_display(),
            "number": self.evidence.sentence,
        }


class EvidenceNotes:
    """A page's evidence, numbered in reading order, and its texts with their marks.

    ``evidence`` is a case's ``evidence_list`` (or an organisation's or platform's evidence),
    each text's in reading order; ``references`` the page's numbered sources, if it has any.
    """

    def __init__(self, evidence, references=()):
        numbers = {source.pk: number for number, source in enumerate(references, start=1)}
        ordered = sorted(
            evidence, key=lambda row: FIELD_ORDER.index(row.field)
        )  # stable: the reading order of each text stays
        self.notes = [
            Note(number, evidence, numbers.get(evidence.source_id))
            for number, evidence in enumerate(ordered, start=1)
        ]
        self.unsourced_sentences = 0
        self.by_sentence = {}
        for note in self.notes:
            evidence = note.evidence
            place = (evidence.field, evidence.participation_id, evidence.sentence)
            self.by_sentence.setdefault(place, []).append(note)

    def __bool__(self):
        """Whether the page has anything to say about evidence: notes, or unsourced marks."""
        return bool(self.notes or self.unsourced_sentences)

    def __iter__(self):
        return iter(self.notes)

    def text(self, obj, field, participation=None):
        """``obj``'s ``field`` in the page's language, in paragraphs for a description, each
        sentence followed by its marks (or the our-summary mark)."""
        text, english_only = in_page_language(obj, field)
        if not text:
            return ""
        evidence_field = EvidencedText.NOTE if participation is not None else field
        participation_id = participation.pk if participation is not None else None
        chinese = is_chinese() and not english_only
        english_count = len(sentences(getattr(obj, field, "")))
        in_step = not chinese or len(sentences(text, chinese=True)) == english_count

        def marks(number):
            found = self.by_sentence.get((evidence_field, participation_id, number), [])
            if found:
                return self.marks(found)
            if participation is not None:
                return ""  # a note is a label more often than a claim: unmarked
            self.unsourced_sentences += 1
            return self.unsourced()

        number = 0
        paragraphs = []
        for paragraph in re.split(r"\n\s*\n", text):
            parts = []
            for sentence in sentences(paragraph, chinese=chinese):
                number += 1
                joiner = "" if chinese else " "
                if in_step:
                    parts.append(format_html("{}{}{}", sentence, marks(number), joiner))
                else:
                    parts.append(format_html("{}{}", sentence, joiner))
            if parts:
                paragraphs.append(mark_safe("".join(parts).rstrip()))
        if not in_step:
            found = [
                note
                for (field_name, owner, _number), notes in self.by_sentence.items()
                if field_name == evidence_field and owner == participation_id
                for note in notes
            ]
            if found and paragraphs:
                paragraphs[-1] = format_html("{}{}", paragraphs[-1], self.marks(found))
        if field == "description":
            html = format_html_join("\n", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs))
        else:
            html = mark_safe(" ".join(paragraphs))
        if not english_only:
            return html
        if field == "description":
            return format_html(
                '<div lang="en">{}</div><p class="english-only">{}</p>', html, ENGLISH_ONLY
            )
        return format_html(
            '<span lang="en">{}</span> <span class="english-only">{}</span>', html, ENGLISH_ONLY
        )

    @staticmethod
    def marks(notes):
        """The reference marks of ``notes``: superscript links to them."""
        links = format_html_join(
            ",",
            '<a href="#evidence-{0}" id="evidence-mark-{0}" aria-label="{1}">{0}</a>',
            ((note.number, _("Evidence %(number)s") % {"number": note.number}) for note in notes),
        )
        return format_html('<sup class="evidence-mark">[{}]</sup>', links)

    @staticmethod
    def unsourced():
        """The mark of a sentence with no evidence: our own summary."""
        return format_html(
            '<sup class="unsourced-mark" title="{}">†</sup>',
            _("Our summary: no passage of a source is attached to this sentence."),
        )
