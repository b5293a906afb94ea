"""
What a load may do for the curator who runs it (the roles of ``roles.py``). The command line
and a reviewer's import may do anything; a reviewer's import makes new cases drafts when asked
to (the admin's default). An editor's import makes every new case a draft, and may neither
change a case a reviewer has passed (published or withdrawn) nor its parts, nor give a case
such a status: the record is refused with a message that says so.
"""

from dataclasses import dataclass
from typing import Any

from django.db import models

from ..models import EDITABLE_BY_EDITORS, Campaign, Status
from .changes import case_of


@dataclass(frozen=True)
class Rules:
    """What a load may do."""

    new_cases_as_drafts: bool = False
    """Whether a new case is created as a draft, whatever status its record gives."""
    reviewer: bool = True
    """Whether the load may change published and withdrawn cases and set those statuses (an
    editor's import may not)."""


EDITOR = Rules(new_cases_as_drafts=True, reviewer=False)
"""An editor's import."""


def as_new_row(rules: Rules, obj: models.Model) -> str:
    """Make a new row what the rules allow (a new case a draft, when asked); return the status
    its record gave if it was changed, else ""."""
    if isinstance(obj, Campaign) and rules.new_cases_as_drafts and obj.status != Status.DRAFT:
        asked, obj.status = obj.status, Status.DRAFT
        return asked
    return ""


def refusal(
    rules: Rules, obj: models.Model, existing: models.Model | None, cases: dict[Any, Campaign]
) -> str | None:
    """Why the rules forbid creating or updating the row (``existing``: as it is now), or
    None. ``cases``: the cases read so far (``changes.case_of``)."""
    if rules.reviewer:
        return None
    for row in (existing, obj):
        case = case_of(row, cases) if row is not None else None
        if case is not None and case is not obj and case.status not in EDITABLE_BY_EDITORS:
            status = Status(case.status).label
            if isinstance(row, Campaign):
                return (
                    f"the case is {status.lower()}: only a reviewer may change a published "
                    "or withdrawn case. Leave it out of the file, or ask a reviewer to import it."
                )
            return (
                f"the case “{case.title}” is {status.lower()}: only a reviewer may change a "
                "published or withdrawn case or its parts. Leave the record out of the file, "
                "or ask a reviewer to import it."
            )
    if isinstance(obj, Campaign) and obj.status not in EDITABLE_BY_EDITORS:
        return (
            f"status “{Status(obj.status).label}”: only a reviewer may publish or withdraw a "
            "case; an editor's import may set “draft” or “review” (in review)."
        )
    return None
