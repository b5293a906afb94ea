"""
The units as every page reads them: the table (``models/units.py``) read once per catalogue
version and kept in the process (``kept.py``), so naming a figure's unit, filling a menu of
units or checking a code costs no query of its own. A unit saved in the admin is a new catalogue
version (``derived.py``): the next request reads the table again.
"""

from dataclasses import dataclass, field

from .kept import KeptPerVersion
from .models import FigureKind, Unit


@dataclass(frozen=True)
class Units:
    """The units in their order, by code."""

    by_code: dict[str, Unit] = field(default_factory=dict)

    def __iter__(self):
        return iter(self.by_code.values())

    def __contains__(self, code):
        return code in self.by_code

    def get(self, code):
        """The unit of this code, or None."""
        return self.by_code.get(code)

    @property
    def codes(self):
        """Every code, in the units' order."""
        return list(self.by_code)

    def kind_of(self, code):
        """The kind of figure a unit measures (a count for a code the table does not have)."""
        unit = self.by_code.get(code)
        return unit.kind if unit else FigureKind.COUNT

    def is_outcome(self, code):
        """Whether a unit is of money or goods, whose figures say what kind of outcome they
        are."""
        unit = self.by_code.get(code)
        return bool(unit and unit.is_outcome)

    def of_kind(self, kind):
        """The codes of the units of one kind, in order."""
        return [unit.code for unit in self if unit.kind == kind]

    def position(self, code):
        """Where a unit comes among the units (those the table lacks last)."""
        for index, known in enumerate(self.by_code):
            if known == code:
                return index
        return len(self.by_code)

    def code_for(self, word):
        """The code of the unit a reader's word names, in any case: its code, its English names
        or its Chinese name ("cny", "Visits", "visit", "访问", "次访问"), or None."""
        lowered = word.lower()
        for unit in self:
            names = (unit.code, unit.name, unit.name_singular, unit.name_zh, unit.name_zh_shown)
            if lowered in {name.lower() for name in names if name}:
                return unit.code
        return None


def read_units():
    """The units, read from their table now."""
    return Units({unit.code: unit for unit in Unit.objects.in_order()})


units = KeptPerVersion(read_units)
"""The units of the catalogue as it stands (as this request found it)."""
