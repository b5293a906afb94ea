"""Settings for the test suite: the real settings with fast hashing and an in-memory cache."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-not-a-secret")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Pages are cached in the tests too (the cache is emptied before each test, tests/conftest.py).
# Media on disk (a temporary folder per test, tests/conftest.py), whatever bucket the shell names;
# tests/test_media_storage.py puts them in a bucket of its own.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
# No rate limits while the suite fires hundreds of requests from one address; the tests of the
# limits themselves turn them on (tests/test_ratelimits.py).
RATE_LIMITS = dict.fromkeys(RATE_LIMITS, 0)  # noqa: F405
