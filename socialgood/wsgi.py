"""WSGI entry point, used by gunicorn: `gunicorn socialgood.wsgi`."""

import os
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialgood.settings")

try:
    application = get_wsgi_application()
except ImproperlyConfigured as error:
    sys.exit(f"socialgood: {error}")

if settings.WARM_UP:
    from socialgood.warmup import warm_up

    warm_up()  # before this process's first request, so that no reader waits for it
