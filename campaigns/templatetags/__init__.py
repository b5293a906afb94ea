"""Template tags: one-line wrappers over ``display.py``, ``charts.py``, ``citations.py`` and
``page_meta.py``."""
