"""The test suite's fixtures, for the benchmarks run through pytest (``bench/admin_saves.py``)."""

from tests.conftest import *  # noqa: F403
