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


def evidence_items(campaign):
    """A case's evidence as the API and the JSON download write it, in reading order (from
    ``evidence_list`` when prefetched)."""
    rows = getattr(campaign, "evidence_list", None)
    if rows is None:
        rows = campaign.evidence.in_reading_order().select_related(
            "source", "participation__organisation"
        )
    return [
        {
            "key": evidence.key,
            "text": evidence.field,
            "participant": (
                evidence.participation.organisation.slug if evidence.participation_id else None
            ),
            "sentence": evidence.sentence,
            "source": evidence.source.slug,
            "locator": evidence.locator,
            "quote": evidence.quote,
        }
        for evidence in rows
    ]


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
