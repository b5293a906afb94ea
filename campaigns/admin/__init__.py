"""
The curators' admin at /admin/: the catalogue's models (``catalogue.py``) with their revision
history (``history.py``).
"""

from . import catalogue  # noqa: F401 - registers the catalogue's admins
