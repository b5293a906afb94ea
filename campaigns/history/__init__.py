"""
The catalogue's revision history, kept by django-reversion.

Every catalogue model is registered (``register_catalogue``). A revision is one save: a case
with the figures, participants, images and tags its admin page changed; a bulk action; a
restore; a whole run of the loader. Each holds who, when and a comment, and the rows saved in
it, serialized. Only rows that were saved are stored (an admin page stores the inline rows
that changed, not every row shown), so a revision costs what was saved.

Three things are added to what django-reversion keeps (``models/history.py``):

- ``CampaignVersion``: the case each stored row belongs to, so a case's history (its own rows and
  its parts') is one indexed query, however many other rows a revision holds;
- ``Removal``: the rows a revision deleted, with their last state stored as a version of the
  same revision, so a deleted case or figure can be recovered and a case's history shows
  what was removed;
- rows written in bulk (the loader's batches) are stored in bulk, ``Recording.add``.

A case's state at any revision is rebuilt from these (``state_at``): each row's latest version
up to it, less the rows removed by then. Restoring (``restore``) saves that state as a new
revision; nothing earlier is changed or lost.

One module a job:

- ``registration``: which models the history follows;
- ``versions``: a row as a stored version (its fields, its case);
- ``recording``: recording a revision (``recording()``, ``Recording``, ``current()``, baselines);
- ``reading``: a history read as revisions with field-by-field diffs, and its state at any one;
- ``restoring``: restoring an earlier state, or recovering what was deleted, as a new revision.
"""

from .reading import (
    LONG_TEXT,
    REVISIONS_PER_PAGE,
    FieldChange,
    History,
    RevisionEntry,
    RowChange,
)
from .recording import BASELINE, Recording, current, describe, recording
from .registration import TRACKED_MODELS, register_catalogue
from .restoring import (
    RestoreError,
    Step,
    corrections,
    deleted_campaigns,
    plan,
    prepare,
    restore,
)
from .versions import DERIVED_FIELDS, NAMED_BY, campaign_of, versioned_fields

__all__ = [
    "BASELINE",
    "DERIVED_FIELDS",
    "LONG_TEXT",
    "NAMED_BY",
    "REVISIONS_PER_PAGE",
    "TRACKED_MODELS",
    "FieldChange",
    "History",
    "Recording",
    "RestoreError",
    "RevisionEntry",
    "RowChange",
    "Step",
    "campaign_of",
    "corrections",
    "current",
    "deleted_campaigns",
    "describe",
    "plan",
    "prepare",
    "recording",
    "register_catalogue",
    "restore",
    "versioned_fields",
]
