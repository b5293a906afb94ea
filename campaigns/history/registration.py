"""
Which models the history follows: every catalogue model (``registry.MODELS``) is registered
with django-reversion, storing the fields ``versions.versioned_fields`` names, and its saves and
deletions are reported to the revision being recorded (``recording``).
"""

import reversion
from django.db.models.signals import pre_delete, pre_save
from reversion.signals import post_revision_commit

from .. import registry
from ..models import (
    Campaign,
    CampaignImage,
    Correction,
    Figure,
    Organisation,
    Participation,
    Platform,
    SearchAlias,
    Source,
    Tag,
    TaggedCampaign,
    Unit,
)
from .recording import deleting, revision_saved, saving
from .versions import versioned_fields

TRACKED_MODELS = (
    Campaign,
    Correction,
    Figure,
    Participation,
    CampaignImage,
    TaggedCampaign,
    Source,
    Organisation,
    Platform,
    Tag,
    SearchAlias,
    Unit,
)
"""The models the history keeps (the catalogue's, ``registry.MODELS``), in the order the admin's
activity page offers them as a filter."""


def register_catalogue() -> None:
    """Register every catalogue model with django-reversion (once, when the app is ready)."""
    for model in registry.MODELS:
        if not reversion.is_registered(model):
            reversion.register(model, fields=versioned_fields(model))
        pre_save.connect(saving, sender=model, dispatch_uid=f"history-saving-{model}")
        pre_delete.connect(deleting, sender=model, dispatch_uid=f"history-deleting-{model}")
    post_revision_commit.connect(revision_saved, dispatch_uid="history-revision-saved")
