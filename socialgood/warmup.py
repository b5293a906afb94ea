"""
What a fresh server process does once before its first request, so that the first reader it
serves does not wait for it: the URL patterns reversed in each language, each language's
translations and formats loaded, every template of the site compiled into the template
engine's cache and those of forms into the form renderer's, what reading a search's words
needs (the English stemmer, whose package loads every language's, 90 ms; the pattern of
Chinese names), the provinces the list's filter offers (read from their data file, 3,232
divisions, 50–90 ms), the release's fingerprint that cached pages are keyed by (every file of
the code, templates and static files looked at, about 10 ms) and the countries' names in each
language that maps and filters show (about 8 ms a language). None of it asks the database
(which may still be starting when a worker boots), and nothing here can stop a worker from
serving: a step that fails is logged and skipped, and the request that needs it does it as it
would have.

Measured with a fresh gunicorn worker on the seed catalogue, the first request to a case page
took about twice the time without it (see docs/benchmarks.md, "A fresh worker's first
request"). ``DJANGO_WARM_UP=0`` turns it off (``settings.WARM_UP``).
"""

import logging
import time
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import formats, translation

logger = logging.getLogger(__name__)

TEMPLATE_SUFFIXES = (".html", ".txt", ".xml")
"""The files in the template folders that are templates."""


def warm_up():
    """Prepare this process for its first request; returns the seconds it took."""
    began = time.perf_counter()
    for step in (
        urls_and_languages,
        templates,
        form_templates,
        search_words,
        provinces,
        release,
        country_names,
    ):
        try:
            step()
        except Exception:  # a warm-up never stops a worker: the request does it instead
            logger.exception("warming up: %s failed; the first request will do it", step.__name__)
    return time.perf_counter() - began


def urls_and_languages():
    """Reverse the URL patterns once in each language (a resolver keeps its reverse
    dictionary per language), and load each language's translations and date formats."""
    resolver = get_resolver()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            _filled = resolver.reverse_dict  # reading it fills the language's dictionary
            formats.get_format("DATE_FORMAT")


def template_names():
    """The names of every template in the engine's folders (the project's and each app's)."""
    for folder in template_folders():
        for path in sorted(folder.rglob("*")):
            if path.suffix in TEMPLATE_SUFFIXES and path.is_file():
                yield path.relative_to(folder).as_posix()


def template_folders():
    """The folders the Django template engine looks in, in its order."""
    engine = engines["django"].engine
    folders = [Path(folder) for folder in engine.dirs]
    if engine.app_dirs:
        from django.template.utils import get_app_template_dirs

        folders += [Path(folder) for folder in get_app_template_dirs("templates")]
    return folders


def templates():
    """Compile every template into the engine's cache, as its first use would."""
    engine = engines["django"]
    for name in dict.fromkeys(template_names()):
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError):
            continue  # not a template of ours to render (or one only another engine reads)


def form_templates():
    """Compile the templates forms are drawn with: Django's form renderer has a template engine
    of its own, which the site's templates do not fill (the filters' menus drew theirs on the
    first list)."""
    import django.forms
    from django.forms.renderers import get_default_renderer

    renderer = get_default_renderer()
    folder = Path(django.forms.__file__).parent / "templates"
    for path in sorted((folder / "django" / "forms").rglob("*.html")):
        renderer.get_template(path.relative_to(folder).as_posix())


def search_words():
    """Read the words of a search in both languages once, as the first search would: the
    stemmer is imported and the Chinese names' pattern made (neither asks the database)."""
    from campaigns.search.text import chinese_pieces, stem

    stem("earthquakes")
    chinese_pieces("中国救灾")


def provinces():
    """Read the provinces the case list's filter offers from the divisions' data file."""
    from campaigns import places

    places.provinces()


def release():
    """Work out the release's fingerprint, which every cached page's key holds."""
    from campaigns import caching

    caching.release()


def country_names():
    """Name every country in each language, as the first map would."""
    from campaigns import maps

    for code, _name in settings.LANGUAGES:
        maps.country_names(code)
