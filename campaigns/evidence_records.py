"""
Evidence as the open data writes it: the source's words behind each sentence of a case's texts
(the API's case detail and the JSON download of cases, through ``records.py``) and of an
organisation's or platform's description (their API detail), one shape each, read in reading
order.
"""

from ninja import Field as SchemaField
from ninja import Schema

from .models import EvidencedText


class EvidenceOut(Schema):
    """The source's words behind one sentence of a case's text."""

    key: str = SchemaField(..., description="The evidence's stable identifier.")
    text: EvidencedText = SchemaField(
        ..., description="Which text it backs: summary, description or a participant's note."
    )
    participant: str | None = SchemaField(
        ..., description="For a participant's note: the organisation's slug; else null."
    )
    sentence: int = SchemaField(
        ..., description="The sentence it backs, numbered in the English text from 1."
    )
    source: str = SchemaField(..., description="The source's slug.")
    locator: str = SchemaField(
        ..., description="Where in the source: section, paragraph (¶) or page; may be empty."
    )
    quote: str = SchemaField(..., description="The source's own words for that point.")


EVIDENCE_VALUES = (
    "key",
    "field",
    "participation__organisation__slug",
    "sentence",
    "source__slug",
    "locator",
    "quote",
)
"""What a piece of a case's evidence is written from, read as plain values, in the order
``evidence_item`` takes them."""


def evidence_item(key, text, participant, sentence, source, locator, quote):
    """One piece of a case's evidence as the API and the JSON download write it (from
    ``EVIDENCE_VALUES``; ``participant`` is None for the case's own texts)."""
    return {
        "key": key,
        "text": text,
        "participant": participant,
        "sentence": sentence,
        "source": source,
        "locator": locator,
        "quote": quote,
    }


def evidence_items(campaign):
    """A case's evidence as the API writes it, in reading order (the JSON download reads a
    chunk of cases' at a time, ``record_lists.evidence_of``)."""
    rows = campaign.evidence.in_reading_order().values_list(*EVIDENCE_VALUES)
    return [evidence_item(*values) for values in rows]


class DescriptionEvidenceOut(Schema):
    """The source's words behind one sentence of an organisation's or platform's description."""

    key: str = SchemaField(..., description="The evidence's stable identifier.")
    sentence: int = SchemaField(
        ..., description="The sentence it backs, numbered in the English description from 1."
    )
    source: str = SchemaField(..., description="The source's slug.")
    locator: str = SchemaField(
        ..., description="Where in the source: section, paragraph (¶) or page; may be empty."
    )
    quote: str = SchemaField(..., description="The source's own words for that point.")


def description_evidence_items(subject):
    """An organisation's or platform's evidence as the API writes it, by sentence."""
    return [
        {
            "key": evidence.key,
            "sentence": evidence.sentence,
            "source": evidence.source.slug,
            "locator": evidence.locator,
            "quote": evidence.quote,
        }
        for evidence in subject.evidence.in_reading_order().select_related("source")
    ]
