"""Template tags: one-line wrappers over ``display.py``, ``charts.py`` and ``citations.py``."""
