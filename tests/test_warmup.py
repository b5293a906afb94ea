"""A fresh server process prepares itself before its first request (``socialgood/warmup.py``):
templates compiled, URLs reversed in each language, and no database asked."""

import logging

import pytest
from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError, engines
from django.urls import clear_url_caches, get_resolver

from socialgood import warmup


def cached_templates():
    """The names the template engine's cached loader holds."""
    (loader,) = engines["django"].engine.template_loaders
    return {key.split("-")[0] for key in loader.get_template_cache}


@pytest.fixture
def cold_process():
    """This process as a fresh server finds it: no template compiled, no URL reversed."""
    (loader,) = engines["django"].engine.template_loaders
    loader.reset()
    clear_url_caches()
    yield
    loader.reset()
    clear_url_caches()


def test_the_server_warms_up_unless_told_not_to():
    assert settings.WARM_UP is True


def test_warming_up_compiles_every_template_and_asks_no_database(cold_process, caplog):
    """Outside a database test, pytest-django refuses any query: a step asking one would fail,
    and be logged."""
    assert "campaigns/campaign_detail.html" not in cached_templates()
    with caplog.at_level(logging.ERROR, logger="socialgood.warmup"):
        seconds = warmup.warm_up()
    assert seconds > 0
    assert not caplog.records
    names = set(warmup.template_names())
    assert {"base.html", "campaigns/campaign_detail.html", "admin/base_site.html"} <= names
    for name in names - cached_templates():  # only what cannot be compiled is left
        with pytest.raises((TemplateDoesNotExist, TemplateSyntaxError, UnicodeDecodeError)):
            engines["django"].get_template(name)


def test_warming_up_compiles_the_templates_forms_are_drawn_with(cold_process):
    from django.forms.renderers import get_default_renderer

    (loader,) = get_default_renderer().engine.engine.template_loaders
    loader.reset()
    warmup.warm_up()
    compiled = {key.split("-")[0] for key in loader.get_template_cache}
    assert {"django/forms/widgets/select.html", "django/forms/div.html"} <= compiled


def test_warming_up_reverses_the_urls_in_each_language(cold_process):
    resolver = get_resolver()
    assert not resolver._reverse_dict
    warmup.warm_up()
    assert set(resolver._reverse_dict) == {code for code, _name in settings.LANGUAGES}


def test_a_step_that_fails_is_logged_and_the_rest_still_done(cold_process, monkeypatch, caplog):
    def broken():
        raise OSError("a template folder could not be read")

    broken.__name__ = "templates"
    monkeypatch.setattr(warmup, "templates", broken)
    with caplog.at_level(logging.ERROR, logger="socialgood.warmup"):
        warmup.warm_up()
    assert "warming up: templates failed" in caplog.text
    assert set(get_resolver()._reverse_dict) == {code for code, _name in settings.LANGUAGES}


def test_warming_up_prepares_search_words_provinces_release_and_country_names(cold_process):
    from campaigns import caching, maps, places
    from campaigns.search import text

    prepared = [
        text.english_stemmer,
        text.known_chinese_names,
        places.provinces,
        caching.release,
        maps.country_names,
    ]
    for function in prepared:
        function.cache_clear()

    warmup.warm_up()

    languages = len(settings.LANGUAGES)
    assert [function.cache_info().currsize for function in prepared] == [1, 1, 1, 1, languages]
