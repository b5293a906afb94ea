"""How the site answers at the HTTP level: the methods each page serves (405 with Allow for the
rest), the language cookie's flags, and a 503 with Retry-After when the database is away."""

import logging
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.browser_pages import CASE, PAGES
from tests.test_settings import run_manage
from tests.test_suggestions import valid

PUBLIC = {
    **{name: PAGES[name] for name in ["home", "case list", "case", "organisation list"]},
    **{name: PAGES[name] for name in ["organisation", "platform", "source", "tag", "figures"]},
    **{name: PAGES[name] for name in ["compare", "timeline", "about", "data"]},
    "Chinese case": f"/zh-hans/campaigns/{CASE}/",
    "case citation": f"/campaigns/{CASE}/cite.ris",
    "share image": f"/campaigns/{CASE}/share.png",
    "download": "/campaigns/export.csv",
    "suggestion thanks": "/suggest/thanks/",
    "feed": "/feeds/campaigns/",
    "sitemap": "/sitemap.xml",
    "robots.txt": "/robots.txt",
    "health": "/health/",
}
"""One address of each kind the public site serves, all only for reading."""

pytestmark = pytest.mark.django_db

REFUSED = ["trace", "options", "put", "delete", "patch", "post"]


def ask(client, method, url):
    return getattr(client, method)(url)


# --------------------------------------------------------------------------- methods


@pytest.mark.parametrize("name", PUBLIC)
def test_a_public_page_answers_get_and_head(client, seed_catalogue, name):
    assert client.get(PUBLIC[name]).status_code == 200
    assert client.head(PUBLIC[name]).status_code == 200


@pytest.mark.parametrize("method", REFUSED)
@pytest.mark.parametrize("name", PUBLIC)
def test_a_public_page_refuses_other_methods_with_405_and_allow(
    client, seed_catalogue, name, method
):
    response = ask(client, method, PUBLIC[name])

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert b"<html" not in response.content  # never the page itself


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_an_unsafe_method_without_a_csrf_token_gets_405_not_a_csrf_403(method):
    strict = Client(enforce_csrf_checks=True)

    response = ask(strict, method, "/about/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("method", ["trace", "options", "put", "delete"])
def test_the_suggestion_form_refuses_methods_other_than_get_and_post(client, method):
    response = ask(client, method, "/suggest/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


def test_the_suggestion_form_still_takes_a_post(client):
    assert client.get("/suggest/").status_code == 200
    assert client.head("/suggest/").status_code == 200

    response = client.post("/suggest/", valid())

    assert response.status_code == 302 and response["Location"] == "/suggest/thanks/"


def test_a_post_to_the_suggestion_form_without_a_csrf_token_is_still_refused(db):
    strict = Client(enforce_csrf_checks=True)

    assert strict.post("/suggest/", valid()).status_code == 403


def test_the_api_answers_a_method_it_does_not_serve_with_405(client, seed_catalogue):
    response = client.delete("/api/campaigns")

    assert response.status_code == 405


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE"])
@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/admin/campaigns/campaign/"])
def test_the_admin_answers_methods_it_does_not_serve_with_405(admin_client, method, path):
    response = admin_client.generic(method, path)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


@pytest.mark.parametrize("method", ["TRACE", "OPTIONS", "PUT", "DELETE"])
def test_the_language_switch_answers_other_methods_with_405(client, method):
    response = client.generic(method, "/i18n/setlang/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"


def test_the_language_switch_still_takes_a_post(client):
    response = client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})

    assert response.status_code == 302
    assert response.cookies["django_language"].value == "zh-hans"


def test_the_admin_still_serves_get_and_post(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    response = admin_client.post("/admin/campaigns/campaign/", {"action": "", "index": 0})
    assert response.status_code in (200, 302)


# --------------------------------------------------------------------------- cookies


LANGUAGE_COOKIE_FLAGS = "settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_SAMESITE"


def setting(expression, **env):
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print({expression})",
        **env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_sends_the_language_cookie_only_over_https_and_same_site():
    production = {
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
        "DJANGO_ALLOWED_HOSTS": "catalogue.example.org",
    }

    assert setting(LANGUAGE_COOKIE_FLAGS, **production) == "True Lax"


def test_in_development_over_http_the_language_cookie_is_same_site_but_not_secure():
    assert setting(LANGUAGE_COOKIE_FLAGS, DJANGO_DEBUG="1") == "False Lax"


def test_the_language_cookie_is_sent_same_site_lax_and_secure(settings):
    response = Client().post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]

    assert cookie.value == "zh-hans"
    assert cookie["samesite"] == "Lax"
    assert cookie["secure"] is True


# --------------------------------------------------------------------------- database away


@pytest.fixture
def database_away():
    """Every attempt to reach the database fails as when PostgreSQL is restarting."""
    refused = OperationalError("connection to server failed: Connection refused")
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=refused):
        yield


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("url", "lang", "home", "text"),
    [
        ("/", 'lang="en"', 'href="/"', "The catalogue cannot reach its database just now"),
        ("/campaigns/", 'lang="en"', 'href="/"', "Back in a moment"),
        (f"/zh-hans/campaigns/{CASE}/", 'lang="zh-Hans"', 'href="/zh-hans/"', "社交媒体公益案例库"),
    ],
)
def test_without_the_database_a_page_is_a_503_with_retry_after_in_its_language(
    reader, database_away, url, lang, home, text
):
    response = reader.get(url)
    page = response.content.decode()

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert lang in page and home in page and text in page


def test_without_the_database_the_suggestion_form_post_is_a_503(reader, database_away):
    response = reader.post("/suggest/", valid())

    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_without_the_database_the_api_answers_a_json_503_with_retry_after(reader, database_away):
    response = reader.get("/api/campaigns")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == "30"
    assert "try again in 30 seconds" in response.json()["detail"]


def test_a_fault_in_the_api_is_a_json_500(reader):
    with mock.patch("campaigns.api.endpoints.Campaign.objects.public", side_effect=KeyError("x")):
        response = reader.get("/api/campaigns")

    assert response.status_code == 500
    assert response.json() == {"detail": "Something went wrong on our side."}


def test_an_interface_error_on_connecting_is_a_503_too(reader):
    closed = InterfaceError("connection already closed")
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=closed):
        response = reader.get("/campaigns/")

    assert response.status_code == 503


def driver_error(message, pgcode=None):
    """A Django OperationalError raised from psycopg's own, as Django's wrapper raises it."""
    import psycopg2

    class DriverError(psycopg2.OperationalError):
        pass

    DriverError.pgcode = pgcode  # the SQLSTATE the server sent, None when it sent none
    driver = DriverError(message)
    error = OperationalError(message)
    error.__cause__ = driver
    return error


@pytest.mark.parametrize(
    ("message", "pgcode"),
    [
        ("connection to server failed: FATAL:  the database system is starting up", None),
        ("server closed the connection unexpectedly", None),
        ("terminating connection due to administrator command", "57P01"),
        ("the database system is shutting down", "57P03"),
        ("could not receive data from server", "08006"),
    ],
)
def test_a_connection_lost_to_a_restart_is_a_503_though_the_database_is_back_a_moment_later(
    reader, db, message, pgcode
):
    original = BaseDatabaseWrapper.ensure_connection
    failed = []

    def restarting_then_back(connection):
        if not failed:  # the request's connection fails; the probe after it gets in
            failed.append(connection)
            raise driver_error(message, pgcode)
        return original(connection)

    with mock.patch.object(
        BaseDatabaseWrapper, "ensure_connection", autospec=True, side_effect=restarting_then_back
    ):
        response = reader.get("/campaigns/")

    assert failed, "the request met the restart"
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_a_query_error_with_its_sqlstate_while_the_database_answers_stays_a_500(reader, db):
    locked = driver_error("could not obtain lock on row in relation", pgcode="55P03")
    with mock.patch("campaigns.views.campaigns.render", side_effect=locked):
        response = reader.get("/about/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_503_for_the_database_is_logged(reader, database_away, caplog):
    with caplog.at_level(logging.WARNING, logger="campaigns.unavailable"):
        reader.get("/campaigns/")

    [record] = [r for r in caplog.records if r.name == "campaigns.unavailable"]
    assert "Database unavailable: answered GET /campaigns/ with 503" in record.getMessage()
    assert "Connection refused" in record.getMessage()


def test_a_query_error_while_the_database_answers_stays_a_500(reader, caplog):
    fault = OperationalError("no such table: campaigns_nothing")
    with mock.patch("campaigns.views.campaigns.render", side_effect=fault):
        response = reader.get("/about/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong" in response.content.decode()


def test_a_programming_error_stays_a_500(reader):
    with mock.patch("campaigns.views.campaigns.render", side_effect=ValueError("a bug")):
        response = reader.get("/about/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()


# --------------------------------------------------------------------------- routes' policies


def every_route(patterns, prefix=""):
    """(address pattern, view) of every route, however deeply included."""
    from django.urls import URLPattern, URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback
        elif isinstance(pattern, URLResolver):
            yield from every_route(pattern.url_patterns, prefix + str(pattern.pattern))


def test_every_route_outside_the_admin_declares_the_methods_it_serves():
    from socialgood import urls

    undeclared = [
        address
        for address, view in every_route(urls.urlpatterns)
        if not address.startswith("admin/") and not getattr(view, "allowed_methods", None)
    ]

    assert undeclared == []


@pytest.mark.parametrize(
    ("address", "cached"),
    [
        ("/campaigns/", True),
        (f"/campaigns/{CASE}/", True),
        ("/api/campaigns", True),
        ("/feeds/campaigns/", True),
        ("/health/", False),
        ("/about/", False),
        ("/suggest/", False),
        ("/api/openapi.json", False),
    ],
)
def test_a_route_is_served_from_the_page_cache_only_when_it_says_so(
    client, seed_catalogue, address, cached
):
    from django.core.cache import cache

    first = client.get(address)
    assert first.status_code == 200
    pages = [key for key in cache._cache if ":page:" in key]

    assert bool(pages) is cached
