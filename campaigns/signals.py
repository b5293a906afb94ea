"""Saves, deletes and links of the catalogue's rows, reported to ``derived.py``, which keeps what
is derived from them in step: one line each, connected for every model of the catalogue
(``registry.py``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from . import derived
from .models import Campaign
from .registry import MODELS


def saving(sender, instance, raw=False, **kwargs):
    derived.saving(instance, raw=raw)


def saved(sender, instance, created, raw=False, **kwargs):
    derived.saved(instance, created=created, raw=raw)


def deleting(sender, instance, **kwargs):
    derived.deleting(instance)


def deleted(sender, instance, **kwargs):
    derived.deleted(instance)


def relinked(sender, instance, action, reverse, pk_set, model, **kwargs):
    derived.relinked(instance, action=action, reverse=reverse, pk_set=pk_set, model=model)


for catalogue_model in MODELS:
    pre_save.connect(saving, sender=catalogue_model, dispatch_uid="derived-saving")
    post_save.connect(saved, sender=catalogue_model, dispatch_uid="derived-saved")
    pre_delete.connect(deleting, sender=catalogue_model, dispatch_uid="derived-deleting")
    post_delete.connect(deleted, sender=catalogue_model, dispatch_uid="derived-deleted")
for through in (Campaign.platforms.through, Campaign.sources.through):
    m2m_changed.connect(relinked, sender=through, dispatch_uid=f"derived-{through.__name__}")
