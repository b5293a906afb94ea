"""
Writes that change several rows at once. The admin's actions and the management commands call
these; they hold no logic of their own.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import IntegerField, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext, override

from . import derived, history
from .display import grouped_number
from .models import Campaign, Correction, Figure, Qualifier, Source, Status


@derived.unit()
def publish_campaigns(*, campaigns: QuerySet[Campaign], user=None) -> int:
    """Make the campaigns among ``campaigns`` that are not public yet (drafts, cases in review,
    withdrawn cases) public, and return how many there were.

    Campaigns already published are left alone. A campaign published for the first time has
    ``published_at`` stamped and ``published_by`` set to ``user``; one published before keeps
    the date it first went public and who published it.
    """
    return _move(
        campaigns.exclude(status=Status.PUBLISHED),
        "Published",
        status=Status.PUBLISHED,
        published_at=Coalesce("published_at", Value(timezone.now())),
        published_by=Coalesce(
            "published_by", Value(getattr(user, "pk", None), output_field=IntegerField())
        ),
        submitted_at=None,
        withdrawn_at=None,
    )


@derived.unit()
def unpublish_campaigns(*, campaigns: QuerySet[Campaign]) -> int:
    """Take the published campaigns among ``campaigns`` off the public site; return how many.

    They become drafts again and keep the date they were first published.
    """
    return _move(campaigns.filter(status=Status.PUBLISHED), "Unpublished", status=Status.DRAFT)


@derived.unit()
def submit_for_review(*, campaigns: QuerySet[Campaign]) -> int:
    """Put the drafts among ``campaigns`` in review; return how many."""
    return _move(
        campaigns.filter(status=Status.DRAFT),
        "Submitted for review",
        status=Status.IN_REVIEW,
        submitted_at=timezone.now(),
    )


@derived.unit()
def send_back(*, campaigns: QuerySet[Campaign], note: str) -> int:
    """Send the cases in review among ``campaigns`` back to their editors as drafts, with the
    reviewer's ``note``; return how many."""
    return _move(
        campaigns.filter(status=Status.IN_REVIEW),
        "Sent back",
        note=note,
        status=Status.DRAFT,
        submitted_at=None,
        review_note=note,
    )


@derived.unit()
def withdraw(*, campaigns: QuerySet[Campaign], reason: str, reason_zh: str = "") -> int:
    """Withdraw the published campaigns among ``campaigns``: their addresses say they were
    withdrawn, when and why (``reason``, in Chinese ``reason_zh``); return how many."""
    return _move(
        campaigns.filter(status=Status.PUBLISHED),
        "Withdrew",
        note=reason,
        status=Status.WITHDRAWN,
        withdrawn_at=timezone.now(),
        withdrawal_reason=reason,
        withdrawal_reason_zh=reason_zh,
    )


def _move(campaigns: QuerySet[Campaign], verb: str, note: str = "", **changes) -> int:
    """Update ``campaigns`` (already narrowed to those the move applies to), report the move
    (what their visibility touches is recounted), and record it in the revision being made,
    if any."""
    ids = list(campaigns.values_list("pk", flat=True))
    if not ids:
        return 0
    _keep_baseline(ids)
    were_public = Campaign.objects.public().filter(pk__in=ids).exists()
    moved = Campaign.objects.filter(pk__in=ids).update(**changes)
    derived.campaigns_moved(ids, were_public=were_public)
    _record(ids, verb, moved, note)
    return moved


def _keep_baseline(ids: list[int]) -> None:
    """Before an action changes campaigns saved before history was kept, keep their state."""
    rec = history.current()
    if rec is not None and ids:
        rec.keep_baseline(list(Campaign.objects.filter(pk__in=ids)))


def _record(ids: list[int], verb: str, count: int, note: str = "") -> None:
    """Store the campaigns an action changed in the revision being recorded (the admin's);
    its comment says what the action did, to which campaigns."""
    rec = history.current()
    if rec is None or not ids:
        return
    changed = list(Campaign.objects.filter(pk__in=ids).order_by("title"))
    rec.add(changed)
    names = "; ".join(history.describe(campaign) for campaign in changed[:5])
    more = f" and {count - 5} more" if count > 5 else ""
    said = f" Note: {note}" if note else ""
    rec.set_comment(f"{verb} {count} campaign{'s' if count != 1 else ''}: {names}{more}.{said}")


# --------------------------------------------------------------------------- corrections


@dataclass(frozen=True)
class Statement:
    """What a figure states, as readers read it: its words, number, unit and qualifier."""

    stated_as: str
    value: Decimal | None
    unit: str
    qualifier: str

    FIELDS = ("stated_as", "value", "unit", "qualifier")

    @classmethod
    def of(cls, figure) -> "Statement":
        """What ``figure`` (a row, or a dict of its values) states (its unit by code)."""
        if isinstance(figure, dict):
            return cls(*(figure.get(name) for name in cls.FIELDS))
        return cls(figure.stated_as, figure.value, figure.unit_id, figure.qualifier)

    def shown(self, words: bool) -> str:
        """The statement as a correction shows it: its words, or (when only the number, unit
        or qualifier changed) those, in English as the words are (whatever language the
        curator's admin is in)."""
        if words:
            return self.stated_as[:300]
        with override("en"):
            qualifier = str(Qualifier(self.qualifier).label) if self.qualifier else ""
        number = grouped_number(self.value) if self.value is not None else "—"
        return " ".join(str(part) for part in (qualifier, number, self.unit) if part)[:300]


def public_statements(figure_ids) -> dict[int, Statement]:
    """What the figures among ``figure_ids`` that readers see on a case state now: read before
    a change, to tell afterwards whether it is a correction."""
    ids = [pk for pk in figure_ids if pk is not None]
    if not ids:
        return {}
    rows = Figure.objects.public().filter(pk__in=ids, campaign__isnull=False)
    return {row["pk"]: Statement.of(row) for row in rows.values("pk", *Statement.FIELDS)}


@dataclass(frozen=True)
class Note:
    """A public note readers see, in English and in Chinese."""

    en: str = ""
    zh: str = ""

    def __post_init__(self):
        object.__setattr__(self, "en", (self.en or "").strip())
        object.__setattr__(self, "zh", (self.zh or "").strip())

    def missing(self) -> list[str]:
        """The languages the note is not written in yet ("en", "zh")."""
        return [language for language in ("en", "zh") if not getattr(self, language)]


def missing_note_message(missing: list[str]) -> str:
    """What a curator is told a correction's public note lacks (``Note.missing``)."""
    if missing == ["en"]:
        return gettext("Write the public note in English.")
    if missing == ["zh"]:
        return gettext("Write the public note in Chinese.")
    return gettext("Write the public note in English and in Chinese.")


@derived.unit()
def change_figure(*, figure: Figure, changes: dict, note: Note = Note()) -> Correction | None:
    """Change a figure's fields (``{field: value}``), checked as the admin checks them, and
    record the correction readers see, with ``note``, if it is a figure of a published case
    that now states something else. For the shell and scripts; the admin's forms do the same."""
    readers_saw = public_statements([figure.pk])
    for name, value in changes.items():
        setattr(figure, name, value)
    figure.full_clean()
    figure.save()
    if figure.pk in readers_saw:
        return record_correction(figure=figure, before=readers_saw[figure.pk], note=note)
    return None


def correction_of(*, figure: Figure, before: Statement, note: Note = Note()) -> Correction | None:
    """The correction readers would see (unsaved) if ``figure`` — a figure of a case they saw,
    which stated ``before`` — is saved as it stands, with ``note``: its old and new statement.
    A change of what it is called is no correction: None."""
    after = Statement.of(figure)
    if after == before:
        return None
    words = before.stated_as != after.stated_as
    return Correction(
        campaign_id=figure.campaign_id,
        figure=figure if figure.pk is not None else None,
        label=figure.label,
        label_zh=figure.label_zh,
        before=before.shown(words),
        after=after.shown(words),
        note=note.en,
        note_zh=note.zh,
    )


def record_correction(
    *, figure: Figure, before: Statement, note: Note = Note()
) -> Correction | None:
    """Record, for readers, that ``figure`` — a figure of a case they saw, which stated
    ``before`` — now states something else (its words, number, unit or qualifier), with the
    curator's public ``note``. A change of what it is called is no correction: None."""
    correction = correction_of(figure=figure, before=before, note=note)
    if correction is not None:
        correction.save()
    return correction


def mark_source_checked(*, source: Source, user) -> None:
    """Record that ``user`` checked ``source`` against its document now, as a revision of the
    history of its own, with the curator and a comment.

    Readers see nothing of it: the row's change time stays and nothing is reported to
    ``derived.py``, so the catalogue's version stays and no cached page goes stale."""
    with history.recording(user=user, comment=f"Checked the source “{source.title}”") as rec:
        rec.keep_baseline([source])  # as it stood, if it was saved before history was kept
        source.checked_at, source.checked_by = timezone.now(), user
        Source.objects.filter(pk=source.pk).update(
            checked_at=source.checked_at, checked_by=user, updated_at=source.updated_at
        )
        rec.add([source])
