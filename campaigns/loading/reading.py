"""
Reading catalogue files into records, one at a time (through ``jsonlist``, so a file of any size
is read in bounded memory), with the progress of a large file and, for a file that cannot be
read, a message naming it and, for text that is not JSON, the line and column.
"""

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from .. import jsonlist
from .report import LoadError

PROGRESS_ABOVE = 1024 * 1024
"""A file of more bytes than this reports its progress every tenth of the way."""


@dataclass(frozen=True)
class Record:
    """One record of a file and where it is, for messages."""

    path: Path
    position: int
    data: Any

    def where(self, label: str | None = None) -> str:
        place = f"{display_path(self.path)}, record {self.position}"
        return f"{place} ({label})" if label else place

    def error(self, problem: str, label: str | None = None) -> LoadError:
        return LoadError(f"{self.where(label)}: {problem}")


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def kind_of(value: Any) -> str:
    """What sort of JSON value this is, for messages."""
    kinds = [
        (bool, "true or false"),
        (dict, "an object"),
        (list, "a list"),
        (str, "a string"),
    ]
    if value is None:
        return "null"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return f"the number {value}"
    return next(name for types, name in kinds if isinstance(value, types))


def read_records(path: Path, progress: Callable[[str], None] | None = None) -> Iterator[Record]:
    """The records of one JSON file, read one at a time; a LoadError when the file cannot be
    read, says why. ``progress`` hears of every tenth of a large file read."""
    name = display_path(path)
    position = 0
    try:
        with path.open("rb") as stream:
            on_read = _progress_reporter(path, stream, progress, lambda: position)
            for position, item in enumerate(jsonlist.items(stream, on_read=on_read), start=1):
                yield Record(path, position, item)
            if on_read:
                on_read(None)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file.") from None
    except UnicodeDecodeError:
        raise LoadError(f"{name}: not UTF-8 text.") from None
    except OSError as error:
        raise LoadError(f"{name}: cannot be read ({error.strerror}).") from None
    except jsonlist.EmptyFile:
        raise LoadError(f"{name}: the file is empty; expected a list of records.") from None
    except jsonlist.ListSyntaxError as error:
        raise LoadError(
            f"{name}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except jsonlist.NotAList as error:
        raise LoadError(
            f"{name}: expected a list of records, found {kind_of(error.value)}."
        ) from None
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        raise LoadError(
            f"{name}: not valid catalogue JSON: a number too long (more than 4,300 digits)."
        ) from None
    except ArithmeticError:  # a decimal's exponent beyond what Python's decimals hold
        raise LoadError(f"{name}: not valid catalogue JSON: a number out of range.") from None
    except RecursionError:
        raise LoadError(
            f"{name}: not valid catalogue JSON: lists or objects nested too deeply."
        ) from None


def _progress_reporter(
    path: Path,
    stream: BinaryIO,
    progress: Callable[[str], None] | None,
    records: Callable[[], int],
) -> Callable[[int | None], None] | None:
    """A function to call with the bytes read so far (None at the end) that reports every
    tenth of a file of more than ``PROGRESS_ABOVE`` bytes; or None for a smaller file."""
    size = os.fstat(stream.fileno()).st_size
    if progress is None or size <= PROGRESS_ABOVE:
        return None
    reported = 0

    def report(bytes_read: int | None) -> None:
        nonlocal reported
        tenths = 10 if bytes_read is None else min(9, bytes_read * 10 // size)
        if tenths > reported:
            reported = tenths
            progress(f"{display_path(path)}: {tenths * 10}% read, {records():,} records")

    return report
