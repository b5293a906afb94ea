"""The Content-Security-Policy and Permissions-Policy on every kind of response
(campaigns/security.py)."""

import pytest
from django.test import Client

from campaigns import services
from campaigns.models import Campaign, CatalogueSummary
from campaigns.security import ADMIN_HEADER, API_DOCS_HEADER, PERMISSIONS_POLICY, PUBLIC_HEADER
from tests.browser_pages import CASE

CSP = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"


def directives(header):
    """A policy's directives by name, each with its sources."""
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_the_public_policy_allows_only_our_own_files_and_nothing_inline():
    policy = directives(PUBLIC_HEADER)

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in PUBLIC_HEADER and "unsafe-eval" not in PUBLIC_HEADER


def test_the_admin_allows_inline_styles_but_no_inline_script():
    policy = directives(ADMIN_HEADER)

    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-eval" not in ADMIN_HEADER


PUBLIC_ADDRESSES = {
    "home": ("/", 200),
    "Chinese home": ("/zh-hans/", 200),
    "case": (f"/campaigns/{CASE}/", 200),
    "search": ("/campaigns/?q=weibo", 200),
    "missing page": ("/no-such-page/", 404),
    "missing case": ("/campaigns/no-such-case/", 404),
    "API list": ("/api/campaigns", 200),
    "API error": ("/api/campaigns?limit=-1", 422),
    "API missing": ("/api/campaigns/no-such-case", 404),
    "OpenAPI schema": ("/api/openapi.json", 200),
    "case download": ("/campaigns/export.csv", 200),
    "figures download": ("/figures/export.json", 200),
    "case citation": (f"/campaigns/{CASE}/cite.ris", 200),
    "feed": ("/feeds/campaigns/", 200),
    "sitemap": ("/sitemap.xml", 200),
    "share image": (f"/campaigns/{CASE}/share.png", 200),
    "robots.txt": ("/robots.txt", 200),
    "health": ("/health/", 200),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_ADDRESSES)
def test_every_public_answer_carries_both_policies(client, seed_catalogue, name):
    path, status = PUBLIC_ADDRESSES[name]

    response = client.get(path)

    assert response.status_code == status
    assert response[CSP] == PUBLIC_HEADER
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_a_page_served_from_the_cache_and_a_304_carry_the_policies(client, seed_catalogue):
    first = client.get("/platforms/")
    cached = client.get("/platforms/")
    not_modified = client.get("/platforms/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert (cached.status_code, not_modified.status_code) == (200, 304)
    for response in (cached, not_modified):
        assert response[CSP] == PUBLIC_HEADER
        assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_api_docs_add_only_data_images_to_the_public_policy():
    policy = directives(API_DOCS_HEADER)

    assert policy == directives(PUBLIC_HEADER) | {"img-src": ["'self'", "data:"]}


@pytest.mark.django_db
def test_the_api_docs_carry_their_policy_and_load_nothing_from_elsewhere(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert response[CSP] == API_DOCS_HEADER
    page = response.content.decode()
    assert "https://" not in page and "//cdn" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"), [("/admin/login/", 200), ("/admin/", 302), ("/admin/nothing/", 302)]
)
def test_the_admin_carries_its_policy(client, path, status):
    response = client.get(path)

    assert response.status_code == status
    assert response[CSP] == ADMIN_HEADER
    assert "microphone=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_a_withdrawn_case_answering_410_carries_the_policies(client, yaan_case):
    services.withdraw(campaigns=Campaign.objects.filter(pk=yaan_case.pk), reason="Retracted.")

    response = client.get(yaan_case.get_absolute_url())

    assert response.status_code == 410
    assert response[CSP] == PUBLIC_HEADER
    assert "payment=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_500_page_carries_the_policies(monkeypatch):
    def broken(cls):
        raise RuntimeError("the summary is broken")

    monkeypatch.setattr(CatalogueSummary, "current", classmethod(broken))
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert response[CSP] == PUBLIC_HEADER
    assert "usb=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_the_503_of_the_health_check_carries_the_policies(client, monkeypatch):
    from django.db import DatabaseError, connection

    def unavailable(*args, **kwargs):
        raise DatabaseError("the database is restarting")

    monkeypatch.setattr(connection, "cursor", unavailable)
    response = client.get("/health/")

    assert response.status_code == 503
    assert response[CSP] == PUBLIC_HEADER
    assert response["Permissions-Policy"]


@pytest.mark.django_db
def test_static_files_carry_the_policies(settings):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True

    response = Client().get("/static/js/copy.js")

    assert response.status_code == 200
    assert response[CSP] == PUBLIC_HEADER
    assert response["Permissions-Policy"]


@pytest.mark.django_db
def test_report_only_sends_the_policy_under_the_report_only_header(client, settings):
    settings.CSP_REPORT_ONLY = True

    response = client.get("/about/")

    assert response.status_code == 200
    assert CSP not in response
    assert response[REPORT_ONLY] == PUBLIC_HEADER


def test_the_permissions_policy_denies_each_feature_and_leaves_the_clipboard():
    features = dict(item.split("=") for item in PERMISSIONS_POLICY.split(", "))

    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features[feature] == "()"
    assert not any(feature.startswith("clipboard") for feature in features)
