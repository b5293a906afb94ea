"""
The catalogue's models and what each one is to the rest of the code, in one table.

The loader, the history, the roles, the derived data (``derived.py``) and the exports take their
lists from here, so a new model is added to the catalogue by one entry:

- which models are the catalogue (a change to a public row of one is a new version of it);
- which a catalogue file may hold, in the order files are loaded;
- which are parts of a case, and the field naming their case (an editor may change them only
  while the case is not public; they are recorded in the history with their case);
- which a case's admin page edits inline;
- which are the catalogue's public record of changes (corrections: only reviewers reword them).

What readers may see of each model is its QuerySet's ``public()``, the one visibility rule.
"""

from dataclasses import dataclass

from django.db import models

from .models import (
    Campaign,
    CampaignImage,
    Correction,
    Evidence,
    Figure,
    Organisation,
    Participation,
    Platform,
    SearchAlias,
    Source,
    SubjectEvidence,
    Tag,
    TaggedCampaign,
    Unit,
)


@dataclass(frozen=True)
class CatalogueModel:
    """One model of the catalogue and its roles."""

    model: type[models.Model]
    campaign_field: str | None = None
    """For a part of a case: the foreign key naming its case."""
    loadable: bool = True
    """Whether a catalogue file may hold its rows (corrections are the site's own record)."""
    inline: bool = False
    """Whether a case's admin page edits it (the history shows it changing with its case)."""
    public_record: bool = False
    """What readers see about changes to published cases: editors may look, reviewers edit."""

    @property
    def label(self) -> str:
        return self.model._meta.label_lower

    @property
    def name(self) -> str:
        return self.model._meta.model_name


CATALOGUE = (
    CatalogueModel(Source),
    CatalogueModel(Organisation),
    CatalogueModel(Platform),
    CatalogueModel(Tag),
    CatalogueModel(Campaign),
    CatalogueModel(Participation, campaign_field="campaign", inline=True),
    CatalogueModel(TaggedCampaign, campaign_field="content_object"),
    CatalogueModel(CampaignImage, campaign_field="campaign", inline=True),
    CatalogueModel(Figure, campaign_field="campaign", inline=True),
    CatalogueModel(Evidence, campaign_field="campaign", inline=True),
    CatalogueModel(SubjectEvidence),
    CatalogueModel(SearchAlias),
    # Units are the site's own table, made by a migration and extended in the admin; files name
    # a figure's unit by its code.
    CatalogueModel(Unit, loadable=False),
    CatalogueModel(Correction, campaign_field="campaign", loadable=False, public_record=True),
)
"""Every model of the catalogue, loadable ones in the order a catalogue file is loaded (a row
before the rows that name it)."""

BY_MODEL = {entry.model: entry for entry in CATALOGUE}

MODELS = tuple(entry.model for entry in CATALOGUE)
"""The catalogue's models."""

LOADABLE = tuple(entry.model for entry in CATALOGUE if entry.loadable)
"""The models a catalogue file may hold, in loading order."""

CAMPAIGN_PARTS = {
    entry.model: entry.campaign_field
    for entry in CATALOGUE
    if entry.campaign_field and not entry.public_record
}
"""The parts of a case and the field naming their case."""

INLINE_PARTS = {model: field for model, field in CAMPAIGN_PARTS.items() if BY_MODEL[model].inline}
"""The parts a case's admin page edits, and the field naming their case."""

PUBLIC_RECORD = tuple(entry.model for entry in CATALOGUE if entry.public_record)
"""The catalogue's public record of its own changes."""


def campaign_field(model: type[models.Model]) -> str | None:
    """The field naming the case a row of ``model`` is part of (None: not a part)."""
    entry = BY_MODEL.get(model)
    return entry.campaign_field if entry else None


CURATION_FIELDS = {
    Campaign: {"published_by": None, "review_note": ""},
    Source: {"checked_at": None, "checked_by": None},
}
"""The curators' own records on catalogue rows, with the empty value they are exported as: who
first published a campaign (an account, not part of the catalogue), a reviewer's note (never
public), and when and by whom a source was last checked (by this database's curators: another
database's have not checked it). A catalogue file loaded into a database keeps the database's
own."""
