"""
The curators' admin at /admin/, one module per job:

- the catalogue's models, each registered by its own module: ``sources.py``,
  ``organisations.py`` (organisations and platforms), ``tags.py``, ``cases.py`` (a case with its
  figures, participants and images inline), ``figures.py``, ``parts.py`` (participants and
  images on their own pages), ``places.py`` (China's administrative divisions, read-only),
  ``readers.py`` (corrections and readers' suggestions), ``aliases.py`` (the search aliases),
  ``units.py`` (the units figures are counted in);
- ``policy.py``: what an editor and a reviewer may do to a case and its parts;
- ``base.py``: what several admins share (counted columns, autocompletes labelled from the
  admin's own queryset, https addresses);
- ``importing.py`` and ``review.py``: the import page of the case list and a case's review page;
- ``history.py``: the revision history, restore and recover; ``views.py``: pages outside any
  one model's admin.

Every list and every edit page runs a fixed number of queries however much data there is:
counts are annotated (as subqueries, ``models.count_of``), many-to-many names prefetched,
foreign keys selected, and the autocompletes of inline rows are labelled from the selected
objects (see ``campaigns/forms.py``).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..display import SITE_NAME
from . import (  # noqa: F401 - each registers its admins
    aliases,
    cases,
    figures,
    organisations,
    parts,
    places,
    readers,
    sources,
    tags,
    units,
)

admin.site.site_header = SITE_NAME  # one name everywhere: pages, citations, the admin
admin.site.site_title = SITE_NAME
admin.site.index_title = _("Curation")
