"""
What a load did: the ``LoadError`` that stops it, and the rows it created, updated and left
unchanged, model by model, with the summary the command and the admin's import print.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class LoadError(Exception):
    """A file or record that cannot be loaded, with a message a person can act on."""


class CorrectionNoteMissing(LoadError):
    """A load that would change what a published figure states, without the public note in
    both languages it was asked to have (the admin's import)."""


@dataclass
class ModelCounts:
    """What a load did to the rows of one model."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        """How many records of the model the load met."""
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class LoadedCorrection:
    """A correction a load made (or, in a dry run, would make), with its case's title."""

    case_title: str
    correction: Any  # a ``Correction``


@dataclass
class LoadReport:
    """What a load did (or, in a dry run, would do), model by model in the order first met."""

    files: list[Path]
    dry_run: bool = False
    counts: dict[str, ModelCounts] = field(default_factory=dict)
    corrections: list["LoadedCorrection"] = field(default_factory=list)
    """The corrections readers see (or would see) under published cases."""

    @property
    def records(self) -> int:
        """How many records the files held."""
        return sum(counts.total for counts in self.counts.values())

    @property
    def changed(self) -> int:
        """How many rows were (or would be) created or updated."""
        return sum(counts.created + counts.updated for counts in self.counts.values())

    def count(self, label: str, outcome: str) -> None:
        """Add one record of model ``label`` to ``outcome`` (created, updated or unchanged)."""
        counts = self.counts.setdefault(label, ModelCounts())
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def summary(self) -> str:
        """A headline and a table of created / updated / unchanged rows per model."""
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        records = f"{self.records:,} record{'s' if self.records != 1 else ''}"
        if self.dry_run:
            headline = (
                f"Dry run: checked {files}, {records}; {self.changed:,} would be created or "
                "updated. Nothing was saved."
            )
        elif self.changed == 0:
            headline = f"Nothing changed: all {records} in {files} already match the database."
        else:
            headline = f"Loaded {files}, {records}, in one transaction."
        outcomes = ("created", "updated", "unchanged")
        rows = [("model", *outcomes)]
        rows += [
            (label, *(f"{getattr(counts, outcome):,}" for outcome in outcomes))
            for label, counts in self.counts.items()
        ]
        rows.append(
            (
                "total",
                *(
                    f"{sum(getattr(counts, outcome) for counts in self.counts.values()):,}"
                    for outcome in outcomes
                ),
            )
        )
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        lines = [headline]
        for label, *numbers in rows:
            cells = [label.ljust(widths[0])]
            cells += [
                number.rjust(width) for number, width in zip(numbers, widths[1:], strict=True)
            ]
            lines.append("  ".join(cells))
        if self.corrections:
            count = len(self.corrections)
            lines.append(
                f"{count:,} figure{'s' if count != 1 else ''} of published cases "
                f"{'would state' if self.dry_run else 'now state'} something else: readers "
                "see a correction under the case:"
            )
            lines += [
                f"  {loaded.case_title}: {loaded.correction.label}: "
                f"{loaded.correction.before} → {loaded.correction.after}"
                for loaded in self.corrections
            ]
        return "\n".join(lines)
