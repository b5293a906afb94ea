"""WSGI entry point, used by gunicorn: `gunicorn socialgood.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialgood.settings")

application = get_wsgi_application()
