"""The project: settings, URLs, WSGI, and the cache backend (``cache.py``)."""
