"""
China's administrative divisions as reference data: the table of ``Division`` kept in step with
``campaigns/data/china_divisions.csv`` (made by ``scripts/build_divisions.py`` from an openly
licensed package; see the README's data section) after every ``migrate``.

Like Django's content types and permissions, the divisions are filled in by ``post_migrate``, so
a new database, the test database and a database emptied by ``flush`` (which sends the signal
again) all have them before a catalogue file names one. They are not catalogue data: no
catalogue file, export or history holds them, and curators choose among them but never edit
them.
"""

import csv
from functools import cache
from pathlib import Path
from typing import NamedTuple

from django.apps import apps as global_apps
from django.db import transaction

from .models.places import province_code

DATA_FILE = Path(__file__).resolve().parent / "data" / "china_divisions.csv"
"""The divisions: code, level, parent code, English name, Chinese name; in code order."""

COLUMNS = ("level", "parent_id", "province_id", "name", "name_zh")
"""The columns of a division the file decides."""


def read_divisions(path: Path = DATA_FILE) -> dict[str, tuple]:
    """The file's divisions, ``{code: (level, parent code or None, province code, name,
    Chinese name)}`` in code order."""
    with path.open(newline="", encoding="utf-8") as stream:
        return {
            row["code"]: (
                row["level"],
                row["parent"] or None,
                province_code(row["code"]),
                row["name"],
                row["name_zh"],
            )
            for row in csv.DictReader(stream)
        }


class Province(NamedTuple):
    """A province-level division's names, as ``display.py`` reads names."""

    name: str
    name_zh: str


@cache
def provinces() -> dict[str, Province]:
    """The province-level divisions by code, in code order, read from the data file once: the
    table holds the same (``sync_divisions``), and a list names them without a query."""
    return {
        code: Province(name, name_zh)
        for code, (level, _parent, _province, name, name_zh) in read_divisions().items()
        if level == "province"
    }


def sync_divisions(apps=global_apps, using: str = "default") -> int:
    """Add the file's divisions the table lacks and correct those that differ; returns how
    many rows it wrote. A division the file no longer has is kept: a case may name it."""
    try:
        division = apps.get_model("campaigns", "Division")
    except LookupError:  # migrated back to before divisions existed
        return 0
    wanted = read_divisions()
    rows = division._base_manager.db_manager(using)
    stored = {code: values for code, *values in rows.values_list("code", *COLUMNS)}
    new = [code for code in wanted if code not in stored]
    changed = [code for code in wanted if code in stored and tuple(stored[code]) != wanted[code]]
    with transaction.atomic(using=using):
        rows.bulk_create(
            [division(code=code, **dict(zip(COLUMNS, wanted[code], strict=True))) for code in new],
            batch_size=500,
        )
        rows.bulk_update(
            [
                division(code=code, **dict(zip(COLUMNS, wanted[code], strict=True)))
                for code in changed
            ],
            COLUMNS,
            batch_size=500,
        )
    return len(new) + len(changed)


def sync_divisions_after_migrate(sender, apps=global_apps, using="default", **kwargs) -> None:
    """``post_migrate``: the divisions table holds the data file's divisions."""
    sync_divisions(apps, using)
