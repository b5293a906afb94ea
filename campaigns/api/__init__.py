"""
The read-only JSON API under /api/, built with django-ninja.

Published content only; every list is paginated with ``limit`` (at most ``MAX_LIMIT``) and
``offset``; every field is named and described in the OpenAPI schema at /api/openapi.json and
the docs at /api/docs (Swagger UI served from the bundled static files, no CDN). A parameter
of the wrong type or outside its range is answered 422 with a JSON explanation, an unknown
slug or key 404. 200 responses carry ETag and Last-Modified and answer conditional GETs with
304; errors carry neither and are never a 304 (``conditional.py``).

The lists select through the same query objects as the site's lists and downloads
(``filters/queries.py``), so a filtered page, its download and the API always agree; items are
model instances, read as the records say (``records.py``).

``site.py`` holds the API object and its addresses, ``parameters.py`` what it takes,
``pagination.py`` its pages, ``schemas.py`` what it answers, ``endpoints.py`` the endpoints.
"""

from . import endpoints  # noqa: F401 - registers the endpoints on the API
from .parameters import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET
from .site import api, read_only_urls

urls = read_only_urls(api)
"""The API's addresses, for ``include`` under /api/."""

__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "MAX_OFFSET", "api", "urls"]
