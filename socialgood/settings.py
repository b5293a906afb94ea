"""
Settings for socialgood, read from the environment.

DATABASE_URL        unset: SQLite file beside manage.py; postgres://user@host:port/name: PostgreSQL
DATABASE_REPLICA_URL  postgres://user@host:port/name of a streaming replica of that PostgreSQL:
                    readers' requests read from it (socialgood/replica.py); unset: no replica
DATABASE_REPLICA_CONNECT_TIMEOUT  seconds to wait for the replica to connect (2, libpq's least)
DJANGO_READ_YOUR_WRITES_SECONDS  how long a client that wrote reads from the primary (10)
DJANGO_SECRET_KEY   required when DJANGO_DEBUG is off
DJANGO_DEBUG        "1"/"true"/"yes"/"on" turns debug on; off by default
DJANGO_ALLOWED_HOSTS  comma-separated host names (default: localhost and 127.0.0.1)
DJANGO_CSRF_TRUSTED_ORIGINS  comma-separated origins, e.g. https://catalogue.example.org
DJANGO_MEDIA_ROOT, DJANGO_STATIC_ROOT  where uploads and collected static files live
AWS_STORAGE_BUCKET_NAME  set: media go to this bucket of S3-compatible object storage instead of
                    DJANGO_MEDIA_ROOT, reached with AWS_S3_ENDPOINT_URL (unset: AWS S3),
                    AWS_S3_REGION_NAME, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (unset: the
                    AWS SDK's own lookup, e.g. an instance role); AWS_S3_ADDRESSING_STYLE
                    "virtual" for a provider that takes only bucket.host addresses
DJANGO_SECURE_SSL_REDIRECT, DJANGO_HSTS_SECONDS  HTTPS hardening, on by default when debug is off
REDIS_URL           redis://host:6379/0: the cache every app server shares; unset: per process
REDIS_TIMEOUT_MS    how long to wait for Redis to connect or answer before serving without it (50)
DJANGO_LOGIN_FAILURE_LIMIT, DJANGO_LOGIN_COOLOFF_MINUTES  admin sign-in lockout (5 failures, 15 min)
DJANGO_PAGE_CACHE_SECONDS  how long a rendered page is cached (default 3600; 0: no page cache)
DJANGO_CSP_REPORT_ONLY  "1": send the Content-Security-Policy as report-only (blocks nothing)
DJANGO_RATE_LIMIT_SEARCHES, DJANGO_RATE_LIMIT_DOWNLOADS, DJANGO_RATE_LIMIT_API  requests one
                    address may make a minute (default 60, 30, 120; 0: no limit)
DJANGO_CLIENT_ADDRESS_HEADER  a header our own proxy sets to the reader's address (X-Real-IP,
                    X-Forwarded-For) for the rate limits; unset: REMOTE_ADDR
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_flag(name, default=False):
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in TRUE_WORDS


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set: set it, or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - debug only

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "socialgood.apps.CatalogueAdminConfig",  # Django's admin, the catalogue first in its list
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "taggit",
    "django_countries",
    "reversion",  # the catalogue's revision history (campaigns/history.py)
    # Before campaigns, so its permissions exist when the roles are synced after migrate.
    "axes",  # sign-in attempts and lockouts, kept in the database every server shares
    "ninja",  # its templates and static files serve /api/docs without a CDN
    "campaigns",
]

# Site-wide defaults only: what a route does (methods, page cache, rate limit, its own
# security policy) is declared on the route (urls.py and the views).
MIDDLEWARE = [
    # First, so every answer gets the default policies: static files, error pages.
    "campaigns.security.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF: a method a page does not serve is a 405, not a 403 (campaigns/methods.py).
    "campaigns.methods.AllowedMethodsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a refused sign-in (too many failures) into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "socialgood.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campaigns.context_processors.catalogue",
            ],
        },
    },
]

WSGI_APPLICATION = "socialgood.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# A read replica: readers' requests (GET and HEAD without a session) read from it, everything
# else from the primary; a replica that cannot be reached is done without (socialgood/replica.py).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
READ_YOUR_WRITES_SECONDS = int(os.environ.get("DJANGO_READ_YOUR_WRITES_SECONDS", "10"))
"""How long a client that wrote (any POST) reads from the primary: longer than the replica's lag."""
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL,
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    if not all(
        database["ENGINE"] == "django.db.backends.postgresql" for database in DATABASES.values()
    ):
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL is set but DATABASE_URL and DATABASE_REPLICA_URL are not both "
            "postgres:// addresses: a read replica is a streaming replica of PostgreSQL."
        )
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DATABASE_REPLICA_CONNECT_TIMEOUT", "2")
    )
    # The test suite reads and writes one test database, which the replica alias reads too.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["socialgood.replica.ReplicaRouter"]
    # Before anything reads the database: which database this request reads.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "socialgood.replica.ReplicaMiddleware",
    )

# The cache: Redis, shared by every app server, when REDIS_URL is set; else each server
# process keeps its own in memory, so `make run` needs nothing else. Cached pages are keyed by
# the catalogue's version in the database, so either way no reader sees a page older than the
# last edit (campaigns/caching.py). A Redis that cannot be reached is a cache that holds
# nothing (socialgood/cache.py): the site serves from the database until it is back.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_TIMEOUT_SECONDS = int(os.environ.get("REDIS_TIMEOUT_MS", "50")) / 1000
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "socialgood.cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "socialgood",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "socialgood",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "3600"))
"""How long a rendered page stays in the cache; 0 turns the page cache off."""

WARM_UP = os.environ.get("DJANGO_WARM_UP", "1") != "0"
"""Whether a server process compiles the site's templates and reverses its URLs in each
language once it has loaded, before its first request (``socialgood/warmup.py``)."""

FIGURES_OLD_AFTER_YEARS = int(os.environ.get("DJANGO_FIGURES_OLD_AFTER_YEARS", "3"))
"""How many years old (counted in calendar years, as pages show ages) a published case's figure
is when the admin's "What needs checking" page lists it."""

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed sign-ins for one user name,
# or from one address, further attempts are refused until AXES_COOLOFF_TIME has passed since
# the last failure, even with the right password. Attempts are rows in the database, so every
# app server sees the same count. The address is REMOTE_ADDR (see README, "Sign-in lockout").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out sign-in
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one reaching the limit locks
AXES_LOCKOUT_CALLABLE = "campaigns.admin.views.lockout"  # templates/admin/lockout.html
AXES_HTTP_RESPONSE_CODE = 429
AXES_SENSITIVE_PARAMETERS = []  # log the user name and address of a failure (never a password)
# The reader's address as the rate limits read it: DJANGO_CLIENT_ADDRESS_HEADER behind a proxy.
AXES_CLIENT_IP_CALLABLE = "campaigns.ratelimits.client_address"
# The only sign-in is the admin's: after it, and when `next` is not a safe address, go there.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# One date style per language: "2 March 2020" in English (``socialgood/formats/en``).
FORMAT_MODULE_PATH = ["socialgood.formats"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Media on this server's disk, or in a bucket every app server shares (campaigns/media_storage.py).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "").strip() or None
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or None
"""Set to "virtual" for a provider that takes only bucket.host addresses (Alibaba Cloud OSS);
unset, a custom endpoint is addressed path-style (http://minio:9000/bucket/key), as MinIO and
Ceph take it."""

STORAGES = {
    "default": {
        "BACKEND": (
            "campaigns.media_storage.BucketStorage"
            if AWS_STORAGE_BUCKET_NAME
            else "django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Uploaded images larger than this are refused with a form error.
MAX_IMAGE_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
"""Uploaded images with more pixels are refused by their header, before they are decoded
(Pillow's own limits, 89 and 179 megapixels, are for decompression bombs)."""
IMAGE_MEMORY_BYTES = int(os.environ.get("DJANGO_IMAGE_MEMORY_MB", "192")) * 1024 * 1024
"""The most memory decoding one uploaded image may take (its pixels: width × height × 1 byte
for grey and palette images, 4 for colour, twice that when they are turned, converted or held
again by the JPEG or WebP encoder): a larger JPEG is decoded at half size or smaller, anything
else is refused (``campaigns/images.py``; docs/operating.md)."""
IMPORT_MAX_BYTES = int(os.environ.get("DJANGO_IMPORT_MAX_BYTES", str(50 * 1024 * 1024)))
"""The largest catalogue file the admin's import takes; larger ones load on the command line."""
SUGGESTIONS_PER_HOUR = int(os.environ.get("DJANGO_SUGGESTIONS_PER_HOUR", "5"))
"""How many suggestions one address may send in an hour (counted in the cache)."""

RATE_LIMITS = {
    "searches": int(os.environ.get("DJANGO_RATE_LIMIT_SEARCHES", "60")),
    "downloads": int(os.environ.get("DJANGO_RATE_LIMIT_DOWNLOADS", "30")),
    "api": int(os.environ.get("DJANGO_RATE_LIMIT_API", "120")),
}
"""How many searches, downloads and API requests one address may make a minute (counted in the
cache, so shared by every server when Redis is set up); 0 turns that limit off."""

CLIENT_ADDRESS_HEADER = os.environ.get("DJANGO_CLIENT_ADDRESS_HEADER", "").strip()
"""The header our own proxy puts the reader's address in (its last value is used); trust it only
behind a proxy that sets it, since a reader can send any header. Unset: REMOTE_ADDR."""

CSP_REPORT_ONLY = env_flag("DJANGO_CSP_REPORT_ONLY")
"""Send the Content-Security-Policy as report-only: browsers report what it would block."""

TAGGIT_CASE_INSENSITIVE = True

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # A load balancer checks health over plain HTTP and expects 200 or 503, not a redirect.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"

LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING").upper()
WARNINGS_AT_LEAST = LOG_LEVEL if LOG_LEVEL in {"DEBUG", "INFO"} else "WARNING"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Failed sign-ins and lockouts (warnings) are always logged, whatever DJANGO_LOG_LEVEL.
        "axes": {"level": WARNINGS_AT_LEAST},
        # Requests answered 503 because the database could not be reached.
        "campaigns.unavailable": {"level": WARNINGS_AT_LEAST},
        # The shared cache going away and coming back (served without it meanwhile).
        "socialgood.cache": {"level": WARNINGS_AT_LEAST},
        # The read replica going away and coming back (read from the primary meanwhile).
        "socialgood.replica": {"level": WARNINGS_AT_LEAST},
    },
}
